#include "output.h"

#include "container/units.h"

#include <cstdio>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace berth::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

namespace {

// `bytes` in the largest unit it reaches (each `base` times the one before): the value and
// the unit's index.
std::pair<double, std::size_t> scaled(quint64 bytes, double base, std::size_t units)
{
    double value = double(bytes);
    std::size_t unit = 0;
    while (value >= base && unit + 1 < units) {
        value /= base;
        ++unit;
    }
    return {value, unit};
}

} // namespace

QString humanSize(quint64 bytes)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    const auto [value, unit] = scaled(bytes, 1024, std::size(units));
    return QString::number(value, 'f', unit == 0 ? 0 : 2) + QLatin1StringView(units[unit]);
}

void printFields(const Fields &fields, int indent)
{
    qsizetype width = 0;
    for (const auto &[label, value] : fields)
        width = std::max(width, label.size() + 1);
    for (const auto &[label, value] : fields)
        out() << QString(indent, u' ') << (label + u':').leftJustified(width + 1) << value << u'\n';
}

QString dockerSize(quint64 bytes)
{
    static const char *const units[] = {"B", "kB", "MB", "GB", "TB", "PB"};
    const auto [value, unit] = scaled(bytes, 1000, std::size(units));
    return QString::number(value, 'g', 3) + QLatin1StringView(units[unit]);
}

QString timeAgo(qint64 secondsSinceEpoch)
{
    const QString span = humanDuration(QDateTime::currentSecsSinceEpoch() - secondsSinceEpoch);
    //: "<span> ago", e.g. "6 months ago"
    return QCoreApplication::translate("Output", "%1 ago").arg(span);
}

bool confirmed(const QString &warning)
{
    out() << warning << u'\n' << QCoreApplication::translate("Output", "Are you sure you want to continue? [y/N] ");
    out().flush();
    char answer[16] = {};
    return std::fgets(answer, sizeof answer, stdin) && (answer[0] == 'y' || answer[0] == 'Y');
}

QString dockerTime(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss +0000 'UTC'"));
}

} // namespace berth::cli
