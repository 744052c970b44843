#include "links.h"

#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/link/bridge.h>
#include <netlink/route/link/veth.h>
#include <netlink/route/route.h>

#include <net/if.h>

#include <memory>

namespace berth {
namespace {

template<typename T, void (*Free)(T *)> using Owned = std::unique_ptr<T, decltype([](T *p) { Free(p); })>;
using LinkPtr = Owned<rtnl_link, rtnl_link_put>;
using AddrPtr = Owned<nl_addr, nl_addr_put>;
using CachePtr = Owned<nl_cache, nl_cache_free>;

Error netlinkError(int code, const QString &what)
{
    return Error::unavailable(QStringLiteral("%1: %2").arg(what, QString::fromUtf8(nl_geterror(code))));
}

AddrPtr ipv4(quint32 address, int prefix)
{
    const quint32 network = htonl(address);
    AddrPtr addr(nl_addr_build(AF_INET, &network, sizeof network));
    nl_addr_set_prefixlen(addr.get(), prefix);
    return addr;
}

} // namespace

Result<Links> Links::open()
{
    nl_sock *socket = nl_socket_alloc();
    if (!socket)
        return Error::unavailable(QStringLiteral("cannot allocate a netlink socket"));
    if (const int error = nl_connect(socket, NETLINK_ROUTE); error < 0) {
        nl_socket_free(socket);
        return netlinkError(error, QStringLiteral("cannot open rtnetlink"));
    }
    return Links(socket);
}

Links::Links(Links &&other) noexcept
    : m_socket(std::exchange(other.m_socket, nullptr))
{ }

Links::~Links()
{
    if (m_socket)
        nl_socket_free(m_socket);
}

std::optional<int> Links::indexOf(const QString &name) const
{
    rtnl_link *link = nullptr;
    if (rtnl_link_get_kernel(m_socket, 0, name.toUtf8().constData(), &link) < 0)
        return std::nullopt;
    const LinkPtr owned(link);
    return rtnl_link_get_ifindex(link);
}

QStringList Links::names() const
{
    nl_cache *cache = nullptr;
    QStringList names;
    if (rtnl_link_alloc_cache(m_socket, AF_UNSPEC, &cache) < 0)
        return names;
    const CachePtr owned(cache);
    for (nl_object *object = nl_cache_get_first(cache); object; object = nl_cache_get_next(object))
        names << QString::fromUtf8(rtnl_link_get_name(reinterpret_cast<rtnl_link *>(object)));
    return names;
}

QList<Subnet> Links::routedSubnets(const QString &except) const
{
    const int skipped = indexOf(except).value_or(-1);
    nl_cache *cache = nullptr;
    QList<Subnet> subnets;
    if (rtnl_route_alloc_cache(m_socket, AF_INET, 0, &cache) < 0)
        return subnets;
    const CachePtr owned(cache);
    for (nl_object *object = nl_cache_get_first(cache); object; object = nl_cache_get_next(object)) {
        auto *route = reinterpret_cast<rtnl_route *>(object);
        nl_addr *dst = rtnl_route_get_dst(route);
        // The main table's unicast routes; the local table lists each address as a /32.
        if (rtnl_route_get_table(route) != RT_TABLE_MAIN || rtnl_route_get_type(route) != RTN_UNICAST || !dst
            || nl_addr_get_family(dst) != AF_INET || nl_addr_get_prefixlen(dst) == 0)
            continue; // the default route collides with nothing
        if (rtnl_route_get_nnexthops(route) > 0 && rtnl_route_nh_get_ifindex(rtnl_route_nexthop_n(route, 0)) == skipped)
            continue;
        quint32 network = 0;
        std::memcpy(&network, nl_addr_get_binary_addr(dst), sizeof network);
        Subnet subnet;
        subnet.prefix = int(nl_addr_get_prefixlen(dst));
        subnet.network = ntohl(network) & subnet.mask();
        subnets << subnet;
    }
    return subnets;
}

Result<int> Links::ensureBridge(const QString &name, quint32 address, int prefix)
{
    if (!indexOf(name))
        if (const int error = rtnl_link_bridge_add(m_socket, name.toUtf8().constData()); error < 0 && error != -NLE_EXIST)
            return netlinkError(error, QStringLiteral("cannot create the bridge %1").arg(name));
    if (auto added = addAddress(name, address, prefix); !added)
        return added.error();
    if (auto raised = up(name); !raised)
        return raised.error();
    const auto index = indexOf(name);
    if (!index)
        return Error::unavailable(QStringLiteral("the bridge %1 vanished").arg(name));
    return *index;
}

Result<void> Links::addVeth(const QString &hostName, const QString &peerName, int netnsFd, int bridgeIndex)
{
    const LinkPtr veth(rtnl_link_veth_alloc());
    if (!veth)
        return Error::unavailable(QStringLiteral("cannot allocate a veth link"));
    rtnl_link_set_name(veth.get(), hostName.toUtf8().constData());
    rtnl_link_set_master(veth.get(), bridgeIndex);
    rtnl_link *peer = rtnl_link_veth_get_peer(veth.get());
    rtnl_link_set_name(peer, peerName.toUtf8().constData());
    rtnl_link_set_ns_fd(peer, netnsFd);
    rtnl_link_put(peer);
    int error = rtnl_link_add(m_socket, veth.get(), NLM_F_CREATE | NLM_F_EXCL);
    if (error == -NLE_EXIST) {
        // The host name is the container's own: the pair of its last run, which the kernel
        // removes in the background once that run's namespace is gone, may still be there.
        if (auto removed = remove(hostName); !removed)
            return removed.error();
        error = rtnl_link_add(m_socket, veth.get(), NLM_F_CREATE | NLM_F_EXCL);
    }
    if (error < 0)
        return netlinkError(error, QStringLiteral("cannot create the veth pair %1").arg(hostName));
    return up(hostName);
}

Result<void> Links::remove(const QString &name)
{
    const LinkPtr link(rtnl_link_alloc());
    rtnl_link_set_name(link.get(), name.toUtf8().constData());
    if (const int error = rtnl_link_delete(m_socket, link.get()); error < 0 && error != -NLE_NODEV && error != -NLE_OBJ_NOTFOUND)
        return netlinkError(error, QStringLiteral("cannot remove the link %1").arg(name));
    return {};
}

Result<void> Links::up(const QString &name)
{
    rtnl_link *link = nullptr;
    if (const int error = rtnl_link_get_kernel(m_socket, 0, name.toUtf8().constData(), &link); error < 0)
        return netlinkError(error, QStringLiteral("no link %1").arg(name));
    const LinkPtr owned(link);
    const LinkPtr change(rtnl_link_alloc());
    rtnl_link_set_flags(change.get(), IFF_UP);
    if (const int error = rtnl_link_change(m_socket, link, change.get(), 0); error < 0)
        return netlinkError(error, QStringLiteral("cannot bring %1 up").arg(name));
    return {};
}

Result<void> Links::addAddress(const QString &name, quint32 address, int prefix)
{
    const auto index = indexOf(name);
    if (!index)
        return Error::unavailable(QStringLiteral("no link %1").arg(name));
    const Owned<rtnl_addr, rtnl_addr_put> addr(rtnl_addr_alloc());
    rtnl_addr_set_ifindex(addr.get(), *index);
    const AddrPtr local = ipv4(address, prefix);
    rtnl_addr_set_local(addr.get(), local.get());
    rtnl_addr_set_prefixlen(addr.get(), prefix);
    if (const int error = rtnl_addr_add(m_socket, addr.get(), 0); error < 0 && error != -NLE_EXIST)
        return netlinkError(error, QStringLiteral("cannot give %1 the address %2").arg(name, ipv4Text(address)));
    return {};
}

Result<void> Links::addDefaultRoute(const QString &name, quint32 gateway)
{
    const auto index = indexOf(name);
    if (!index)
        return Error::unavailable(QStringLiteral("no link %1").arg(name));
    const Owned<rtnl_route, rtnl_route_put> route(rtnl_route_alloc());
    rtnl_route_set_family(route.get(), AF_INET);
    const AddrPtr any = ipv4(0, 0);
    rtnl_route_set_dst(route.get(), any.get());
    rtnl_nexthop *hop = rtnl_route_nh_alloc();
    rtnl_route_nh_set_ifindex(hop, *index);
    const AddrPtr via = ipv4(gateway, 32);
    rtnl_route_nh_set_gateway(hop, via.get());
    rtnl_route_add_nexthop(route.get(), hop); // the route owns it now
    if (const int error = rtnl_route_add(m_socket, route.get(), NLM_F_CREATE); error < 0 && error != -NLE_EXIST)
        return netlinkError(error, QStringLiteral("cannot route through %1").arg(ipv4Text(gateway)));
    return {};
}

QString Links::macAddress(const QString &name) const
{
    rtnl_link *link = nullptr;
    if (rtnl_link_get_kernel(m_socket, 0, name.toUtf8().constData(), &link) < 0)
        return {};
    const LinkPtr owned(link);
    char text[32] = {};
    nl_addr *mac = rtnl_link_get_addr(link);
    return mac ? QString::fromLatin1(nl_addr2str(mac, text, sizeof text)) : QString();
}

} // namespace berth
