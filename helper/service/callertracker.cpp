#include "callertracker.h"

#include <QDBusServiceWatcher>

namespace berth {

CallerTracker::CallerTracker(QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_watcher(new QDBusServiceWatcher(QString(), bus, QDBusServiceWatcher::WatchForUnregistration, this))
{
    connect(m_watcher, &QDBusServiceWatcher::serviceUnregistered, this, [this](const QString &name) {
        m_watcher->removeWatchedService(name);
        Q_EMIT callerVanished(name);
    });
}

void CallerTracker::watch(const QString &uniqueName)
{
    if (!m_watcher->watchedServices().contains(uniqueName))
        m_watcher->addWatchedService(uniqueName);
}

} // namespace berth
