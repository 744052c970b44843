#include "output.h"

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

QString humanSize(quint64 bytes)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = double(bytes);
    std::size_t unit = 0;
    while (value >= 1024 && unit + 1 < std::size(units)) {
        value /= 1024;
        ++unit;
    }
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

QByteArray toJsonLine(const QVariantMap &map)
{
    return QJsonDocument(QJsonObject::fromVariantMap(map)).toJson(QJsonDocument::Compact);
}

} // namespace berth::cli
