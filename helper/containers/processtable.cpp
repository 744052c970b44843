#include "processtable.h"

#include <QDateTime>
#include <QFile>

#include <unistd.h>

namespace berth {
namespace {

QByteArray readProc(pid_t pid, const char *file)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1StringView(file)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

double uptimeSeconds()
{
    QFile f(QStringLiteral("/proc/uptime"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : 0;
}

// ps's TIME: [dd-]hh:mm:ss of CPU time.
QString cpuTime(qint64 seconds)
{
    const qint64 days = seconds / 86400;
    const QString hms = QStringLiteral("%1:%2:%3")
                            .arg((seconds / 3600) % 24, 2, 10, QLatin1Char('0'))
                            .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
                            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return days ? QString::number(days) + u'-' + hms : hms;
}

} // namespace

QList<QVariantMap> processTable(const std::vector<pid_t> &pids)
{
    const double ticks = double(::sysconf(_SC_CLK_TCK));
    const double uptime = uptimeSeconds();
    const QDateTime boot = QDateTime::currentDateTime().addMSecs(qint64(-uptime * 1000));
    QList<QVariantMap> rows;
    for (pid_t pid : pids) {
        const QByteArray stat = readProc(pid, "stat");
        const QByteArray status = readProc(pid, "status");
        const qsizetype close = stat.lastIndexOf(')');
        if (stat.isEmpty() || close < 0)
            continue; // ended meanwhile
        // Fields after "pid (comm) ": state ppid pgrp session tty_nr ... utime(14) stime(15) ... starttime(22)
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        if (fields.size() < 20)
            continue;
        const QString comm = QString::fromUtf8(stat.mid(stat.indexOf('(') + 1, close - stat.indexOf('(') - 1));
        const double cpuSeconds = (fields.value(11).toDouble() + fields.value(12).toDouble()) / ticks;
        const double started = fields.value(19).toDouble() / ticks;
        const double running = std::max(uptime - started, 1.0);
        QString uid;
        for (const QByteArray &line : status.split('\n'))
            if (line.startsWith("Uid:"))
                uid = QString::fromLatin1(line.mid(4).trimmed().split('\t').value(0));
        QByteArray cmdline = readProc(pid, "cmdline");
        if (cmdline.endsWith('\0'))
            cmdline.chop(1);
        const QString command = cmdline.isEmpty() ? u'[' + comm + u']' : QString::fromUtf8(cmdline.replace('\0', ' '));
        const QDateTime start = boot.addMSecs(qint64(started * 1000));
        const int tty = fields.value(4).toInt();
        rows << QVariantMap{
            {QStringLiteral("UID"), uid},
            {QStringLiteral("PID"), QString::number(pid)},
            {QStringLiteral("PPID"), QString::fromLatin1(fields.value(1))},
            {QStringLiteral("C"), QString::number(int(100 * cpuSeconds / running))},
            {QStringLiteral("STIME"),
             start.toString(start.date() == QDate::currentDate() ? QStringLiteral("HH:mm") : QStringLiteral("MMMdd"))},
            {QStringLiteral("TTY"), tty ? QStringLiteral("pts/%1").arg(tty & 0xff) : QStringLiteral("?")},
            {QStringLiteral("TIME"), cpuTime(qint64(cpuSeconds))},
            {QStringLiteral("CMD"), command},
        };
    }
    return rows;
}

} // namespace berth
