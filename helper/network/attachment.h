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

// One network a container is on: asked for at create (--network) or by `network connect`,
// with its place there while it runs.
struct NetworkEndpoint
{
    QString networkId;
    QString network; // its name
    QStringList aliases;
    NetworkAttachment attachment; // address 0 while the container does not run
};

} // namespace berth
