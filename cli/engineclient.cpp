#include "engineclient.h"

#include "engine.h"
#include "output.h"

#include <QDBusError>
#include <QDBusPendingReply>

#include <unistd.h>

namespace berth::cli {
namespace {

QString busAddress()
{
    const QByteArray address = qgetenv("DBUS_SYSTEM_BUS_ADDRESS");
    return address.isEmpty() ? QStringLiteral("unix:path=/run/dbus/system_bus_socket") : QString::fromUtf8(address);
}

} // namespace

Result<QVariantList> EngineClient::call(const QString &interface, const QString &method, const QVariantList &args,
                                        const QString &path, const Meanwhile &meanwhile)
{
    m_unreachable = false;
    if (!engine::bus().isConnected())
        return unreachableBecause(
            tr("there is no system bus at %1 (%2).").arg(busAddress(), engine::bus().lastError().message()));
    // A person at a terminal can answer a polkit password prompt; a script cannot.
    const bool interactive = ::isatty(STDIN_FILENO);
    QDBusPendingCall pending = engine::call(path.isEmpty() ? engine::kSystemPath : path, interface, method, args, interactive);
    if (meanwhile && !meanwhile([&pending] { return pending.isFinished(); }))
        return QVariantList{};
    pending.waitForFinished();
    const QDBusMessage reply = pending.reply();
    if (reply.type() == QDBusMessage::ErrorMessage) {
        const QDBusError error(reply);
        if (engine::isUnreachable(error))
            return unreachableBecause(tr("nothing answers for %1 on the system bus.").arg(engine::kService));
        return Error::fromDBus(error);
    }
    QVariantList arguments = reply.arguments();
    for (QVariant &argument : arguments)
        argument = engine::demarshal(argument);
    return arguments;
}

Error EngineClient::unreachableBecause(const QString &reason)
{
    m_unreachable = true;
    return Error::unavailable(reason);
}

int EngineClient::report(const Error &error, int engineErrorCode) const
{
    if (m_unreachable) {
        err() << tr("Cannot reach the Berth engine: %1").arg(error.message()) << Qt::endl
              << tr("Start it with \"sudo systemctl start berth-helper\", or \"sudo ./berth-dev engine\" in a source checkout.")
              << Qt::endl;
        return Failure;
    }
    err() << tr("Error response from engine: %1").arg(error.message()) << Qt::endl;
    return engineErrorCode;
}

Result<QVariantList> EngineClient::callContainers(const QString &method, const QVariantList &args)
{
    return call(engine::kContainersInterface, method, args, engine::kContainersPath);
}

} // namespace berth::cli
