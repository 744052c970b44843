#pragma once

// A container's place on a network, as its record keeps it (docker's NetworkSettings).

#include "network/portspec.h"

namespace berth {

struct NetworkAttachment
{
    quint32 address = 0; // 0: not attached
    quint32 gateway = 0;
    int prefix = 0;
    QString macAddress;
    QList<PortBinding> ports; // with the host ports chosen
};

} // namespace berth
