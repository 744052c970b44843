#pragma once

// The engine's packet rules, in an nftables table of its own (libnftables; no shell, no
// iptables): masquerade for what leaves its bridge, and the published ports as DNAT.  The
// table is always written whole, in one transaction, from the engine's state, so it never
// drifts and never touches anyone else's rules; removing it removes everything Berth added.

#include "network/portspec.h"
#include "result.h"
#include "subnet.h"

namespace berth {

struct PublishedPort
{
    PortBinding binding; // with the host port chosen
    quint32 containerAddress = 0;
};

struct PacketRuleState
{
    QString table; // nftables table (family ip)
    QString bridge;
    Subnet subnet;
    QList<PublishedPort> ports;
    bool internal = false; // no way in or out but between its own containers
    QString defaultBridge; // the engine's default bridge; user networks' bridges are "br-…"
};

// The nft script that replaces the table with one for `state`.
QString renderPacketRules(const PacketRuleState &state);

// Runs an nft script through libnftables; the error is nft's own message.
Result<void> runNft(const QString &script);

// Removes the table (nothing when it is not there).
Result<void> removePacketRules(const QString &table);

} // namespace berth
