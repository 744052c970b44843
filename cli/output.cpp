#include "output.h"

#include <QDBusArgument>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace berth::cli {
namespace {

// Nested a{sv} values arrive as QDBusArgument; JSON needs them as plain maps.
QVariant plain(const QVariant &value)
{
    if (value.metaType() == QMetaType::fromType<QDBusArgument>()) {
        const auto arg = value.value<QDBusArgument>();
        if (arg.currentType() == QDBusArgument::MapType) {
            QVariantMap map = qdbus_cast<QVariantMap>(arg);
            for (auto it = map.begin(); it != map.end(); ++it)
                *it = plain(*it);
            return map;
        }
        if (arg.currentType() == QDBusArgument::ArrayType)
            return qdbus_cast<QVariantList>(arg);
    }
    return value;
}

} // namespace

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
    QVariantMap converted = map;
    for (auto it = converted.begin(); it != converted.end(); ++it)
        *it = plain(*it);
    return QJsonDocument(QJsonObject::fromVariantMap(converted)).toJson(QJsonDocument::Compact);
}

} // namespace berth::cli
