#include "bridgenetwork.h"

#include "asciitext.h"

#include <QCryptographicHash>
#include <QFile>
#include <QLoggingCategory>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcNetwork, "berth.network")

namespace berth {
namespace {

bool writeSysctl(const QString &path, const QByteArray &value)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(value) == value.size();
}

} // namespace

BridgeNetwork::BridgeNetwork(BridgeOptions options)
    : m_options(std::move(options))
    , m_table(QStringLiteral("berth_") + m_options.bridge)
{
    // nft names are letters, digits and "_"; a bridge's may have "." and "-" too.
    for (QChar &c : m_table)
        if (!ascii::isAlnum(c))
            c = u'_';
}

// The host's end of a container's veth: unique per container and bridge, within the 15
// characters of an interface name.
QString BridgeNetwork::hostLinkOf(const QString &id) const
{
    const QByteArray key = QCryptographicHash::hash((id + m_options.bridge).toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("bv") + QString::fromLatin1(key.left(12));
}

BridgeNetwork::~BridgeNetwork() = default;

void BridgeNetwork::adopt(const QString &id, const QString &name, const NetworkAttachment &attachment)
{
    Lease lease{name, attachment, {}};
    if (auto held = reservePorts(lease.attachment.ports))
        lease.reservations = std::move(*held);
    m_leases.insert_or_assign(id, std::move(lease));
}

Result<Subnet> BridgeNetwork::chooseSubnet(const Links &links) const
{
    const QList<Subnet> routed = links.routedSubnets(m_options.bridge);
    auto collision = [&](const Subnet &candidate) -> std::optional<Subnet> {
        for (const Subnet &other : routed)
            if (other.overlaps(candidate))
                return other;
        return std::nullopt;
    };
    if (!m_options.subnet.isEmpty()) {
        const auto configured = Subnet::parse(m_options.subnet);
        if (!configured)
            return Error::invalidArgument(QStringLiteral("%1 is not an address with a prefix of 8 to 30").arg(m_options.subnet));
        if (const auto other = collision(*configured))
            return Error::conflict(
                QStringLiteral("the range %1 of bridge %2 overlaps the host's route to %3; choose a range the host does not use")
                    .arg(configured->toString(), m_options.bridge, other->toString()));
        return *configured;
    }
    // docker's order: 172.17-31.0.0/16, then 192.168.x.0/20 blocks.
    QList<Subnet> candidates;
    for (quint32 second = 17; second <= 31; ++second)
        candidates << Subnet{(172u << 24) | (second << 16), 16};
    for (quint32 third = 0; third < 256; third += 16)
        candidates << Subnet{(192u << 24) | (168u << 16) | (third << 8), 20};
    for (const Subnet &candidate : std::as_const(candidates))
        if (!collision(candidate))
            return candidate;
    return Error::conflict(QStringLiteral("every candidate range for the bridge collides with the host's routes; "
                                          "set \"bip\" in engine.json"));
}

Result<void> BridgeNetwork::setUp()
{
    auto made = makeBridge();
    m_problem = made ? QString() : made.error().message();
    return made;
}

Result<void> BridgeNetwork::makeBridge()
{
    auto links = Links::open();
    if (!links)
        return links.error();
    // A running bridge keeps its range, so running containers keep their addresses.
    std::optional<Subnet> current;
    if (!m_leases.empty()) {
        const NetworkAttachment &any = m_leases.cbegin()->second.attachment;
        current = Subnet{any.address & Subnet{0, any.prefix}.mask(), any.prefix};
        if (m_options.gateway.isEmpty() && any.gateway != current->gateway())
            m_options.gateway = ipv4Text(any.gateway);
    }
    auto subnet = current ? Result<Subnet>(*current) : chooseSubnet(*links);
    if (!subnet)
        return subnet.error();
    quint32 gateway = subnet->gateway();
    if (!m_options.gateway.isEmpty()) {
        const auto chosen = parseIpv4(m_options.gateway);
        if (!chosen || !subnet->contains(*chosen) || *chosen == subnet->network || *chosen == subnet->broadcast())
            return Error::invalidArgument(
                QStringLiteral("the gateway %1 is not an address of %2").arg(m_options.gateway, subnet->toString()));
        gateway = *chosen;
    }
    auto index = links->ensureBridge(m_options.bridge, gateway, subnet->prefix);
    if (!index)
        return index.error();
    // Forwarding, as docker turns it on; and a DNAT'd connection from the host's loopback may
    // leave through the bridge.
    if (!writeSysctl(QStringLiteral("/proc/sys/net/ipv4/ip_forward"), "1")
        || !writeSysctl(QStringLiteral("/proc/sys/net/ipv4/conf/%1/route_localnet").arg(m_options.bridge), "1"))
        qCWarning(lcNetwork) << "cannot turn on forwarding for" << m_options.bridge;
    m_subnet = *subnet;
    m_gateway = gateway;
    m_bridgeIndex = *index;
    m_links.emplace(std::move(*links));
    if (auto rules = writeRules(); !rules)
        return rules;
    qCInfo(lcNetwork) << "bridge" << m_options.bridge << "on" << m_subnet.toString();
    return {};
}

std::optional<quint32> BridgeNetwork::freeAddress() const
{
    QSet<quint32> taken;
    for (const auto &[id, lease] : m_leases)
        taken.insert(lease.attachment.address);
    for (quint32 address = m_subnet.network + 1; address < m_subnet.broadcast(); ++address)
        if (address != m_gateway && !taken.contains(address))
            return address;
    return std::nullopt;
}

// Each published host port is held by a socket of the engine's, so no program on the host
// can take it while the container has it, and a port already in use is found at once.
Result<std::vector<UniqueFd>> BridgeNetwork::reservePorts(QList<PortBinding> &ports) const
{
    std::vector<UniqueFd> held;
    for (PortBinding &port : ports) {
        if (!port.hostIp.isEmpty() && !parseIpv4(port.hostIp))
            return Error::invalidArgument(
                QStringLiteral("cannot publish on %1: Berth publishes ports on IPv4 addresses only so far").arg(port.hostIp));
        const bool tcp = port.protocol == u"tcp";
        UniqueFd socket(::socket(AF_INET, (tcp ? SOCK_STREAM : SOCK_DGRAM) | SOCK_CLOEXEC, 0));
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port.hostPort);
        address.sin_addr.s_addr = htonl(port.hostIp.isEmpty() ? INADDR_ANY : parseIpv4(port.hostIp).value_or(0));
        if (!socket || ::bind(socket.get(), reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
            const QString where
                = (port.hostIp.isEmpty() ? QStringLiteral("0.0.0.0") : port.hostIp) + u':' + QString::number(port.hostPort);
            if (errno != EADDRINUSE && errno != EADDRNOTAVAIL)
                return Error::fromErrno(errno, QStringLiteral("reserve the host port %1").arg(where));
            for (const auto &[id, lease] : m_leases)
                for (const PortBinding &other : lease.attachment.ports)
                    if (other.hostPort == port.hostPort && other.protocol == port.protocol)
                        return Error::conflict(QStringLiteral("Bind for %1 failed: port is already allocated to container %2")
                                                   .arg(where, lease.name));
            return Error::conflict(errno == EADDRNOTAVAIL
                                       ? QStringLiteral("Bind for %1 failed: the host has no such address").arg(where)
                                       : QStringLiteral("Bind for %1 failed: port is already in use on the host").arg(where));
        }
        if (port.hostPort == 0) { // a free port, chosen by the kernel
            socklen_t length = sizeof address;
            ::getsockname(socket.get(), reinterpret_cast<sockaddr *>(&address), &length);
            port.hostPort = ntohs(address.sin_port);
        }
        held.push_back(std::move(socket));
    }
    return held;
}

Result<BridgeNetwork::Joined> BridgeNetwork::attach(const QString &id, const QString &name, const QList<PortBinding> &ports,
                                                    int netns, const QString &ifname)
{
    if (!m_links)
        return Error::unavailable(QStringLiteral("the network on %1 is not available: %2").arg(m_options.bridge, m_problem));
    const auto address = freeAddress();
    if (!address)
        return Error::unavailable(QStringLiteral("no free address is left in %1").arg(m_subnet.toString()));
    // An internal network has no way in: nothing to publish.
    Lease lease{name, {*address, m_gateway, m_subnet.prefix, {}, m_options.internal ? QList<PortBinding>{} : ports}, {}};
    auto held = reservePorts(lease.attachment.ports);
    if (!held)
        return held.error();
    lease.reservations = std::move(*held);

    // Configured from inside the namespace, by a thread of its own: setns and unshare
    // (CLONE_NEWNET) move only the calling thread.  The first network of a container (a new
    // namespace) gets the default route and lo.
    const bool first = netns < 0;
    Joined joined;
    Result<void> made;
    std::thread([&] {
        if (first ? ::unshare(CLONE_NEWNET) != 0 : ::setns(netns, CLONE_NEWNET) != 0) {
            made = Error::fromErrno(errno,
                                    first ? QStringLiteral("make a network namespace")
                                          : QStringLiteral("enter the container's network namespace"));
            return;
        }
        // The namespace this thread is in now, as a namespace descriptor (`netns` may be the
        // container's pidfd, which setns takes but a veth's peer does not).
        UniqueFd current(::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC));
        const int into = current.get();
        if (first)
            joined.netns = UniqueFd(::fcntl(into, F_DUPFD_CLOEXEC, 3));
        if (auto veth = m_links->addVeth(hostLinkOf(id), ifname, into, m_bridgeIndex); !veth) {
            made = veth;
            return;
        }
        auto inside = Links::open();
        if (!inside) {
            made = inside.error();
            return;
        }
        QList<Result<void>> steps = {inside->addAddress(ifname, *address, m_subnet.prefix), inside->up(ifname)};
        if (first)
            steps << inside->up(QStringLiteral("lo")) << inside->addDefaultRoute(ifname, m_gateway);
        for (const Result<void> &step : std::as_const(steps))
            if (!step) {
                made = step;
                return;
            }
        lease.attachment.macAddress = inside->macAddress(ifname);
    }).join();
    if (!made) {
        (void)m_links->remove(hostLinkOf(id));
        return made.error();
    }
    joined.attachment = lease.attachment;
    const bool publishes = !lease.attachment.ports.isEmpty();
    m_leases.insert_or_assign(id, std::move(lease));
    // The table changes only with published ports; the rest of it is the network's own.
    if (auto rules = publishes ? writeRules() : Result<void>{}; !rules) {
        detach(id, true);
        return rules.error();
    }
    return joined;
}

void BridgeNetwork::detach(const QString &id, bool removeLink)
{
    const auto lease = m_leases.find(id);
    if (lease == m_leases.end())
        return;
    const bool published = !lease->second.attachment.ports.isEmpty();
    m_leases.erase(lease);
    if (m_links && removeLink)
        (void)m_links->remove(hostLinkOf(id));
    if (published)
        if (auto rules = writeRules(); !rules)
            qCWarning(lcNetwork) << rules.error().message();
}

void BridgeNetwork::tearDown()
{
    if (auto removed = removePacketRules(m_table); !removed)
        qCWarning(lcNetwork) << removed.error().message();
    if (m_links)
        if (auto removed = m_links->remove(m_options.bridge); !removed)
            qCWarning(lcNetwork) << removed.error().message();
    m_links.reset();
}

Result<void> BridgeNetwork::writeRules() const
{
    if (!m_links)
        return {};
    PacketRuleState state{m_table, m_options.bridge, m_subnet, {}, m_options.internal, m_options.defaultBridge};
    for (const auto &[id, lease] : m_leases)
        for (const PortBinding &port : lease.attachment.ports)
            state.ports << PublishedPort{port, lease.attachment.address};
    return runNft(renderPacketRules(state));
}

} // namespace berth
