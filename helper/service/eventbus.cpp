#include "eventbus.h"

#include "engine.h"

#include <QDBusMessage>

namespace berth {

EventBus::EventBus(QDBusConnection bus, int maxSubscribers, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
    , m_maxSubscribers(maxSubscribers)
{ }

Result<void> EventBus::subscribe(const QString &caller)
{
    if (!m_subscribers.contains(caller) && m_subscribers.size() >= m_maxSubscribers)
        return Error::limitExceeded(QStringLiteral("the engine already sends events to %1 subscribers, its limit "
                                                   "(setting \"max-event-subscribers\")")
                                        .arg(m_maxSubscribers));
    m_subscribers.insert(caller);
    return {};
}

void EventBus::unsubscribe(const QString &caller)
{
    m_subscribers.remove(caller);
}

void EventBus::publish(const Event &event)
{
    for (const QString &subscriber : std::as_const(m_subscribers)) {
        QDBusMessage signal = QDBusMessage::createTargetedSignal(subscriber, engine::kSystemPath, engine::kSystemInterface,
                                                                 QStringLiteral("Event"));
        signal << event.type << event.action << event.actor << event.attributes << event.timeNano;
        m_bus.send(signal);
    }
}

} // namespace berth
