#include "bridgenetwork.h"

#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>

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

// The container's end of its veth, as docker names it.
const QString kContainerLink = QStringLiteral("eth0");

// The host's end: unique per container, within the 15 characters of an interface name.
QString hostLinkOf(const QString &id)
{
    return QStringLiteral("bv") + id.left(12);
}

bool writeSysctl(const QString &path, const QByteArray &value)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(value) == value.size();
}

} // namespace

BridgeNetwork::BridgeNetwork(const QString &bridge, const QString &bip)
    : m_bridge(bridge)
    , m_bip(bip)
    , m_table(QStringLiteral("berth_")
              + QString(bridge).replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_]")), QStringLiteral("_")))
{ }

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
    const QList<Subnet> routed = links.routedSubnets(m_bridge);
    auto collision = [&](const Subnet &candidate) -> std::optional<Subnet> {
        for (const Subnet &other : routed)
            if (other.overlaps(candidate))
                return other;
        return std::nullopt;
    };
    if (!m_bip.isEmpty()) {
        const auto configured = Subnet::parse(m_bip);
        if (!configured)
            return Error::invalidArgument(QStringLiteral("\"bip\" %1 is not an address with a prefix of 8 to 30").arg(m_bip));
        if (const auto other = collision(*configured))
            return Error::conflict(QStringLiteral("the bridge range %1 (\"bip\" in engine.json) overlaps the host's route to %2; "
                                                  "choose a range the host does not use")
                                       .arg(configured->toString(), other->toString()));
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
    }
    auto subnet = current ? Result<Subnet>(*current) : chooseSubnet(*links);
    if (!subnet)
        return subnet.error();
    auto index = links->ensureBridge(m_bridge, subnet->gateway(), subnet->prefix);
    if (!index)
        return index.error();
    // Forwarding, as docker turns it on; and a DNAT'd connection from the host's loopback may
    // leave through the bridge.
    if (!writeSysctl(QStringLiteral("/proc/sys/net/ipv4/ip_forward"), "1")
        || !writeSysctl(QStringLiteral("/proc/sys/net/ipv4/conf/%1/route_localnet").arg(m_bridge), "1"))
        qCWarning(lcNetwork) << "cannot turn on forwarding for" << m_bridge;
    m_subnet = *subnet;
    m_bridgeIndex = *index;
    m_links.emplace(std::move(*links));
    if (auto rules = writeRules(); !rules)
        return rules;
    qCInfo(lcNetwork) << "bridge" << m_bridge << "on" << m_subnet.toString();
    return {};
}

std::optional<quint32> BridgeNetwork::freeAddress() const
{
    QSet<quint32> taken;
    for (const auto &[id, lease] : m_leases)
        taken.insert(lease.attachment.address);
    for (quint32 address = m_subnet.gateway() + 1; address < m_subnet.broadcast(); ++address)
        if (!taken.contains(address))
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

Result<BridgeNetwork::Joined> BridgeNetwork::attach(const QString &id, const QString &name, const QList<PortBinding> &ports)
{
    if (!m_links)
        return Error::unavailable(QStringLiteral("the default network is not available: %1").arg(m_problem));
    const auto address = freeAddress();
    if (!address)
        return Error::unavailable(QStringLiteral("no free address is left in %1").arg(m_subnet.toString()));
    Lease lease{name, {*address, m_subnet.gateway(), m_subnet.prefix, {}, ports}, {}};
    auto held = reservePorts(lease.attachment.ports);
    if (!held)
        return held.error();
    lease.reservations = std::move(*held);

    // unshare(CLONE_NEWNET) moves only the calling thread, so a thread of its own makes the
    // namespace and configures the container's side from inside it.
    Joined joined;
    Result<void> made;
    std::thread([&] {
        if (::unshare(CLONE_NEWNET) != 0) {
            made = Error::fromErrno(errno, QStringLiteral("make a network namespace"));
            return;
        }
        joined.netns = UniqueFd(::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC));
        if (auto veth = m_links->addVeth(hostLinkOf(id), kContainerLink, joined.netns.get(), m_bridgeIndex); !veth) {
            made = veth;
            return;
        }
        auto inside = Links::open();
        if (!inside) {
            made = inside.error();
            return;
        }
        for (auto step : {inside->up(QStringLiteral("lo")), inside->addAddress(kContainerLink, *address, m_subnet.prefix),
                          inside->up(kContainerLink), inside->addDefaultRoute(kContainerLink, m_subnet.gateway())})
            if (!step) {
                made = step;
                return;
            }
        lease.attachment.macAddress = inside->macAddress(kContainerLink);
    }).join();
    if (!made) {
        (void)m_links->remove(hostLinkOf(id));
        return made.error();
    }
    joined.attachment = lease.attachment;
    m_leases.insert_or_assign(id, std::move(lease));
    if (auto rules = writeRules(); !rules) {
        detach(id);
        return rules.error();
    }
    return joined;
}

void BridgeNetwork::detach(const QString &id)
{
    if (m_leases.erase(id) == 0)
        return;
    if (m_links)
        (void)m_links->remove(hostLinkOf(id)); // usually gone with the namespace already
    if (auto rules = writeRules(); !rules)
        qCWarning(lcNetwork) << rules.error().message();
}

Result<void> BridgeNetwork::writeRules() const
{
    if (!m_links)
        return {};
    PacketRuleState state{m_table, m_bridge, m_subnet, {}};
    for (const auto &[id, lease] : m_leases)
        for (const PortBinding &port : lease.attachment.ports)
            state.ports << PublishedPort{port, lease.attachment.address};
    return runNft(renderPacketRules(state));
}

} // namespace berth
