#pragma once

// BridgeNetwork: docker's default "bridge" network.  One Linux bridge with the engine's
// subnet; for each container a network namespace made before the container starts, joined to
// the bridge by a veth pair, with an address from the subnet and a default route through the
// bridge; outbound NAT and published ports in the engine's nftables table.
//
// The namespace lives as long as something holds it: the engine's descriptor until the
// container's first process has joined it, then that process.  When the container ends, its
// namespace and both ends of its veth go with it; a crash of the engine leaves no link behind.
// Addresses and published ports are the engine's state, kept in the containers' records, so a
// restarted engine takes them up again (adopt) and writes its rules anew from them.

#include "attachment.h"
#include "links.h"
#include "network/portspec.h"
#include "packetrules.h"
#include "system/uniquefd.h"

#include <map>

namespace berth {

class BridgeNetwork
{
public:
    // `bridge`: the interface name; `bip`: its address/prefix, empty to choose one.
    BridgeNetwork(const QString &bridge, const QString &bip);
    ~BridgeNetwork();

    // Takes up the address and ports of a container that still runs (before setUp).
    void adopt(const QString &id, const QString &name, const NetworkAttachment &attachment);
    // Makes the bridge (choosing a free range unless "bip" names one), turns on forwarding
    // and writes the rules.  Until it succeeds, attach() fails with its reason.
    Result<void> setUp();

    // A new network namespace on the bridge for container `id`.  `netns` is its descriptor,
    // to be joined by the container; the attachment goes into the container's record.
    struct Joined
    {
        UniqueFd netns;
        NetworkAttachment attachment;
    };
    Result<Joined> attach(const QString &id, const QString &name, const QList<PortBinding> &ports);
    // The container ended: its address and ports are free again.
    void detach(const QString &id);

    const QString &bridge() const { return m_bridge; }
    const Subnet &subnet() const { return m_subnet; }

private:
    struct Lease
    {
        QString name;
        NetworkAttachment attachment;
        std::vector<UniqueFd> reservations; // bound sockets that hold the published host ports
    };

    Result<void> makeBridge();
    Result<Subnet> chooseSubnet(const Links &links) const;
    Result<std::vector<UniqueFd>> reservePorts(QList<PortBinding> &ports) const;
    std::optional<quint32> freeAddress() const;
    Result<void> writeRules() const;

    QString m_bridge;
    QString m_bip;
    QString m_table;
    Subnet m_subnet;
    std::optional<Links> m_links;
    int m_bridgeIndex = 0;
    QString m_problem = QStringLiteral("the bridge network is not set up");
    std::map<QString, Lease> m_leases; // move-only: the reservations are descriptors
};

} // namespace berth
