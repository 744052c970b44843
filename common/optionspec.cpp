#include "optionspec.h"

#include <QDBusArgument>
#include <QDBusObjectPath>
#include <QDBusSignature>
#include <QDBusUnixFileDescriptor>
#include <QDBusVariant>

namespace berth {

OptionSpec &OptionSpec::add(const QString &key, const QString &signature)
{
    m_signatures.insert(key, signature);
    return *this;
}

Result<void> OptionSpec::check(const QVariantMap &options) const
{
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        const auto expected = m_signatures.constFind(it.key());
        if (expected == m_signatures.cend()) {
            const QString known = m_signatures.isEmpty() ? QStringLiteral("this method takes no options")
                                                         : QStringLiteral("known options: ") + keys().join(u", ");
            return Error::invalidArgument(QStringLiteral("unknown option \"%1\" (%2)").arg(it.key(), known));
        }
        const QString actual = dbusSignature(it.value());
        if (actual != *expected)
            return Error::invalidArgument(
                QStringLiteral("option \"%1\" must have D-Bus type \"%2\", not \"%3\"").arg(it.key(), *expected, actual));
    }
    return {};
}

QString dbusSignature(const QVariant &value)
{
    const QMetaType type = value.metaType();
    if (type == QMetaType::fromType<QDBusArgument>())
        return value.value<QDBusArgument>().currentSignature();
    if (type == QMetaType::fromType<QDBusVariant>())
        return QStringLiteral("v");
    if (type == QMetaType::fromType<QDBusObjectPath>())
        return QStringLiteral("o");
    if (type == QMetaType::fromType<QDBusSignature>())
        return QStringLiteral("g");
    if (type == QMetaType::fromType<QDBusUnixFileDescriptor>())
        return QStringLiteral("h");
    switch (type.id()) {
    case QMetaType::Bool: return QStringLiteral("b");
    case QMetaType::UChar: return QStringLiteral("y");
    case QMetaType::Short: return QStringLiteral("n");
    case QMetaType::UShort: return QStringLiteral("q");
    case QMetaType::Int: return QStringLiteral("i");
    case QMetaType::UInt: return QStringLiteral("u");
    case QMetaType::LongLong: return QStringLiteral("x");
    case QMetaType::ULongLong: return QStringLiteral("t");
    case QMetaType::Double: return QStringLiteral("d");
    case QMetaType::QString: return QStringLiteral("s");
    case QMetaType::QStringList: return QStringLiteral("as");
    case QMetaType::QByteArray: return QStringLiteral("ay");
    case QMetaType::QVariantMap: return QStringLiteral("a{sv}");
    case QMetaType::QVariantList: return QStringLiteral("av");
    default: return QString::fromLatin1(type.name());
    }
}

} // namespace berth
