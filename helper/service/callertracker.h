#pragma once

// CallerTracker: tells the helper when a caller leaves the bus, so that what it held (its
// event subscription, its jobs, its pending polkit checks) is released.  Callers are tracked
// by unique name (":1.42"), which is never reused on a bus.

#include <QDBusConnection>
#include <QObject>

class QDBusServiceWatcher;

namespace berth {

class CallerTracker : public QObject
{
    Q_OBJECT
public:
    explicit CallerTracker(QDBusConnection bus, QObject *parent = nullptr);

    void watch(const QString &uniqueName);

Q_SIGNALS:
    void callerVanished(const QString &uniqueName);

private:
    QDBusServiceWatcher *m_watcher;
};

} // namespace berth
