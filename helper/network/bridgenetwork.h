#pragma once

// BridgeNetwork: one network of the "bridge" driver, docker's default "bridge" or one a person
// created.  One Linux bridge with its subnet; for each container a veth pair from the bridge
// into the container's network namespace (made here before the container starts, or the one
// it has already), with an address from the subnet and, on the container's first network, a
// default route through the bridge; outbound NAT, published ports and the isolation from the
// engine's other bridges in an nftables table of the network's own.
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

struct BridgeOptions
{
    QString bridge; // the interface name
    QString subnet; // "172.17.0.1/16" (an address in it with its prefix); empty: choose one
    QString gateway; // empty: the subnet's first address
    bool internal = false; // no way in or out but to its own containers (docker's --internal)
    // Every bridge of the engine is isolated from the others: user networks' bridges are
    // named "br-…", and this is the default network's.
    QString defaultBridge;
};

class BridgeNetwork
{
public:
    explicit BridgeNetwork(BridgeOptions options);
    ~BridgeNetwork();

    // Takes up the address and ports of a container that still runs (before setUp).
    void adopt(const QString &id, const QString &name, const NetworkAttachment &attachment);
    // Makes the bridge (choosing a free range unless "bip" names one), turns on forwarding
    // and writes the rules.  Until it succeeds, attach() fails with its reason.
    Result<void> setUp();

    // Joins container `id` to the bridge as `ifname`: into the network namespace `netns` (a
    // namespace descriptor, or the pidfd of a process in it) when given (its second network,
    // or `network connect`), else into a new one, returned in
    // Joined::netns for the container to join; only the first network gets the default route.
    // The attachment goes into the container's record.
    struct Joined
    {
        UniqueFd netns;
        NetworkAttachment attachment;
    };
    Result<Joined> attach(const QString &id, const QString &name, const QList<PortBinding> &ports, int netns = -1,
                          const QString &ifname = QStringLiteral("eth0"));
    // The container left: its address and ports are free again.  When it ended, its
    // namespace takes both ends of the veth with it (the kernel does that in the background);
    // `removeLink` removes them at once, for a container that goes on running.
    void detach(const QString &id, bool removeLink = false);

    const QString &bridge() const { return m_options.bridge; }
    const Subnet &subnet() const { return m_subnet; }
    quint32 gateway() const { return m_gateway; }
    bool isSetUp() const { return m_links.has_value(); }
    // Whether a container is on it (running).
    bool hasLeases() const { return !m_leases.empty(); }
    // Removes the bridge and the table (the network is deleted).
    void tearDown();

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

    QString hostLinkOf(const QString &id) const;

    BridgeOptions m_options;
    QString m_table;
    Subnet m_subnet;
    quint32 m_gateway = 0;
    std::optional<Links> m_links;
    int m_bridgeIndex = 0;
    QString m_problem = QStringLiteral("the bridge network is not set up");
    std::map<QString, Lease> m_leases; // move-only: the reservations are descriptors
};

} // namespace berth
