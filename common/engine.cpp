#include "engine.h"

#include <limits>

#include <QDBusArgument>
#include <QDBusError>
#include <QDBusMetaType>
#include <QDBusVariant>

namespace berth::engine {
namespace {

// aa{sv} travels in several replies; every program that links berth-common can decode it.
void registerDBusTypes()
{
    qDBusRegisterMetaType<QList<QVariantMap>>();
}
Q_CONSTRUCTOR_FUNCTION(registerDBusTypes)

// No deadline (libdbus's DBUS_TIMEOUT_INFINITE), as docker's client has none: exec, wait,
// stop -t and a person typing a password into a polkit dialog all take as long as they take,
// and every caller can interrupt its own wait.
constexpr int kNoTimeout = std::numeric_limits<int>::max();
} // namespace

QDBusConnection bus()
{
    return QDBusConnection::systemBus();
}

bool isUnreachable(const QDBusError &error)
{
    switch (error.type()) {
    case QDBusError::ServiceUnknown:
    case QDBusError::NoServer:
    case QDBusError::Disconnected: return true;
    default: return false;
    }
}

QDBusPendingCall call(const QString &path, const QString &interface, const QString &method, const QVariantList &args,
                      bool interactive)
{
    QDBusMessage message = QDBusMessage::createMethodCall(kService, path, interface, method);
    message.setArguments(args);
    message.setInteractiveAuthorizationAllowed(interactive);
    return bus().asyncCall(message, kNoTimeout);
}

QVariant demarshal(const QVariant &value)
{
    // An element of an `av` (a list of maps, say) comes wrapped.
    if (value.metaType() == QMetaType::fromType<QDBusVariant>())
        return demarshal(value.value<QDBusVariant>().variant());
    if (value.metaType() != QMetaType::fromType<QDBusArgument>())
        return value;
    const auto argument = value.value<QDBusArgument>();
    switch (argument.currentType()) {
    case QDBusArgument::MapType: {
        QVariantMap map;
        argument.beginMap();
        while (!argument.atEnd()) {
            QString key;
            QVariant item;
            argument.beginMapEntry();
            argument >> key >> item;
            argument.endMapEntry();
            map.insert(key, demarshal(item));
        }
        argument.endMap();
        return map;
    }
    case QDBusArgument::ArrayType: {
        QVariantList list;
        argument.beginArray();
        while (!argument.atEnd())
            list.append(demarshal(argument.asVariant()));
        argument.endArray();
        return list;
    }
    default: return argument.asVariant();
    }
}

} // namespace berth::engine
