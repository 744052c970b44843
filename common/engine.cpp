#include "engine.h"

#include <QDBusError>

namespace berth::engine {
namespace {
// Long enough for a person to type a password into a polkit dialog.
constexpr int kInteractiveTimeoutMs = 5 * 60 * 1000;
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
    return bus().asyncCall(message, interactive ? kInteractiveTimeoutMs : -1);
}

} // namespace berth::engine
