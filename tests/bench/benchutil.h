#pragma once

// What the benchmarks share: medians and the memory of a process.

#include <QFile>
#include <QList>

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

} // namespace berth::test
