#pragma once

// EngineConnection: the desktop app's view of the engine.  It watches org.berth.Engine1 on the
// system bus, so the app notices by itself when the helper stops and when it comes back; when
// the engine is there it asks for Version and Info (asynchronously: the GUI thread never
// waits on D-Bus) and subscribes to its events.

#include <QObject>
#include <QVariantMap>

class QDBusPendingCallWatcher;
class QDBusServiceWatcher;
class SystemProxy;

namespace berth::gui {

class EngineConnection : public QObject
{
    Q_OBJECT
public:
    enum class State { Connecting, Connected, Unreachable, Refused };
    Q_ENUM(State)

    explicit EngineConnection(QObject *parent = nullptr);
    ~EngineConnection() override;

    void start();
    State state() const { return m_state; }
    // Why the engine cannot be used, when state() is Unreachable or Refused.
    const QString &problem() const { return m_problem; }
    const QVariantMap &version() const { return m_version; }
    const QVariantMap &info() const { return m_info; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void stateChanged(berth::gui::EngineConnection::State state);
    void infoChanged();
    void eventReceived(const QString &type, const QString &action, const QString &actor, const QVariantMap &attributes,
                       qlonglong timeNano);

private Q_SLOTS:
    void onEvent(const QString &type, const QString &action, const QString &actor, const QVariantMap &attributes,
                 qlonglong timeNano);

private:
    void setState(State state, const QString &problem = {});
    void handleError(const QDBusPendingCallWatcher &call);

    SystemProxy *m_system;
    QDBusServiceWatcher *m_watcher;
    State m_state = State::Connecting;
    QString m_problem;
    QVariantMap m_version;
    QVariantMap m_info;
};

} // namespace berth::gui
