#pragma once

// Event: a state change that `berth events` and the desktop app see, in docker's terms:
// type "container", action "start", actor the container's id, attributes its name and image.
// Modules create events; service/eventbus.h delivers them to the subscribers.

#include <QDateTime>
#include <QString>
#include <QVariantMap>

namespace berth {

struct Event
{
    QString type;
    QString action;
    QString actor;
    QVariantMap attributes;
    qint64 timeNano = QDateTime::currentMSecsSinceEpoch() * 1000000;
};

} // namespace berth
