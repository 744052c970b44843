#pragma once

// What the benchmarks share: medians and the memory of a process.

#include "isolatedengine.h"

#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QThread>

#include <algorithm>

namespace berth::test {

inline double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

// A "Key:   123 kB" line of /proc/<pid>/<file> ("status", "smaps_rollup"), in KiB.
inline quint64 procKiB(qint64 pid, const char *file, const QByteArray &key)
{
    QFile status(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1StringView(file)));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(key + ':'))
            return line.mid(key.size() + 1).trimmed().split(' ').value(0).toULongLong();
    return 0;
}

inline quint64 rssKiB(qint64 pid)
{
    return procKiB(pid, "status", "VmRSS");
}

// Median wall time of `rounds` runs of a program, in ms; 0 and the error when it fails.  With
// `pauseMs`, each run starts that long after the last one ended.
inline std::pair<double, QString> timeRuns(const QString &program, const QStringList &arguments, const QProcessEnvironment &env,
                                           int rounds = 20, int pauseMs = 0)
{
    QList<double> times;
    for (int i = 0; i < rounds; ++i) {
        if (pauseMs > 0)
            QThread::msleep(pauseMs);
        QElapsedTimer timer;
        timer.start();
        const ProcessResult run = runProcess(program, arguments, env);
        if (run.exitCode != 0)
            return {0, run.err.trimmed().section(u'\n', 0, 0).left(110)};
        times << timer.nsecsElapsed() / 1e6;
    }
    return {median(times), {}};
}

} // namespace berth::test
