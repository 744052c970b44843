#include "engineconnection.h"

#include "engine.h"
#include "systemproxy.h"

#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>

namespace berth::gui {

EngineConnection::EngineConnection(QObject *parent)
    : QObject(parent)
    , m_system(new SystemProxy(engine::kService, engine::kSystemPath, engine::bus(), this))
    , m_watcher(new QDBusServiceWatcher(engine::kService, engine::bus(),
                                        QDBusServiceWatcher::WatchForRegistration | QDBusServiceWatcher::WatchForUnregistration,
                                        this))
{
    connect(m_watcher, &QDBusServiceWatcher::serviceRegistered, this, &EngineConnection::refresh);
    connect(m_watcher, &QDBusServiceWatcher::serviceUnregistered, this,
            [this] { setState(State::Unreachable, tr("The Berth engine stopped.")); });
    engine::bus().connect(engine::kService, engine::kSystemPath, engine::kSystemInterface, QStringLiteral("Event"), this,
                          SLOT(onEvent(QString, QString, QString, QVariantMap, qlonglong)));
}

EngineConnection::~EngineConnection() = default;

void EngineConnection::start()
{
    if (!engine::bus().isConnected()) {
        setState(State::Unreachable, tr("There is no system bus: %1").arg(engine::bus().lastError().message()));
        return;
    }
    refresh();
}

void EngineConnection::refresh()
{
    auto *version = new QDBusPendingCallWatcher(m_system->Version({}), this);
    connect(version, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *call) {
        call->deleteLater();
        const QDBusPendingReply<QVariantMap> reply = *call;
        if (reply.isError())
            return handleError(*call);
        m_version = reply.value();
        // Subscribing again after the engine restarted is what makes events resume.
        m_system->SubscribeEvents({});
    });
    auto *info = new QDBusPendingCallWatcher(m_system->Info({}), this);
    connect(info, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *call) {
        call->deleteLater();
        const QDBusPendingReply<QVariantMap> reply = *call;
        if (reply.isError())
            return handleError(*call);
        m_info = reply.value();
        setState(State::Connected);
        Q_EMIT infoChanged();
    });
}

void EngineConnection::handleError(const QDBusPendingCallWatcher &call)
{
    const QDBusError error = call.error();
    if (engine::isUnreachable(error))
        setState(State::Unreachable, tr("The Berth engine is not running."));
    else
        setState(State::Refused, error.message());
}

void EngineConnection::setState(State state, const QString &problem)
{
    if (state == m_state && problem == m_problem)
        return;
    m_state = state;
    m_problem = problem;
    Q_EMIT stateChanged(state);
}

void EngineConnection::onEvent(const QString &type, const QString &action, const QString &actor, const QVariantMap &attributes,
                               qlonglong timeNano)
{
    Q_EMIT eventReceived(type, action, actor, attributes, timeNano);
    refresh(); // counts in the status bar follow every change
}

} // namespace berth::gui
