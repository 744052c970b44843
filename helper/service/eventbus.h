#pragma once

// EventBus: sends each Event to the callers that subscribed, and only to them, as unicast
// org.berth.Engine1.System.Event signals.  A caller that leaves the bus is unsubscribed.
// The number of subscribers is capped so that a flood of idle subscribers cannot make every
// state change expensive.

#include "events/event.h"
#include "result.h"

#include <QDBusConnection>
#include <QObject>
#include <QSet>

namespace berth {

class EventBus : public QObject
{
    Q_OBJECT
public:
    EventBus(QDBusConnection bus, int maxSubscribers, QObject *parent = nullptr);

    Result<void> subscribe(const QString &caller);
    void unsubscribe(const QString &caller);
    void setMaxSubscribers(int max) { m_maxSubscribers = max; }

    void publish(const Event &event);

private:
    QDBusConnection m_bus;
    int m_maxSubscribers;
    QSet<QString> m_subscribers;
};

} // namespace berth
