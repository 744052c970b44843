#include "links.h"

#include <arpa/inet.h>
#include <libmnl/libmnl.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <net/if.h>

#include <array>
#include <cstring>
#include <vector>

namespace berth {
namespace {

using MessageHandler = std::function<void(const nlmsghdr *)>;

// The kernel refusing the engine's own links is no fault of the caller's: Unavailable.
Error netlinkError(int errnum, const QString &what)
{
    return Error::unavailable(Error::fromErrno(errnum, what).message());
}

// One request under construction: the netlink header, the family's header, then attributes.
// The kernel acknowledges it (a dump instead ends with NLMSG_DONE).
class Request
{
public:
    explicit Request(uint16_t type, int flags = 0)
        : m_header(mnl_nlmsg_put_header(m_buffer.data()))
    {
        m_header->nlmsg_type = type;
        m_header->nlmsg_flags = uint16_t(NLM_F_REQUEST | NLM_F_ACK | flags);
    }
    Request(const Request &) = delete; // the header points into the buffer

    template<typename Header> Header *familyHeader()
    {
        return static_cast<Header *>(mnl_nlmsg_put_extra_header(m_header, sizeof(Header)));
    }
    nlmsghdr *operator->() const { return m_header; }
    nlmsghdr *get() const { return m_header; }

private:
    alignas(nlmsghdr) std::array<char, 1024> m_buffer = {};
    nlmsghdr *m_header;
};

// The attributes after a message's family header, by type.
template<int Max> std::array<const nlattr *, Max + 1> attributesOf(const nlmsghdr *message, size_t familyHeaderSize)
{
    std::array<const nlattr *, Max + 1> table = {};
    const auto *end = static_cast<const char *>(mnl_nlmsg_get_payload_tail(message));
    for (auto *attribute = static_cast<const nlattr *>(mnl_nlmsg_get_payload_offset(message, familyHeaderSize));
         mnl_attr_ok(attribute, int(end - reinterpret_cast<const char *>(attribute))); attribute = mnl_attr_next(attribute))
        if (const uint16_t type = mnl_attr_get_type(attribute); type <= Max)
            table[type] = attribute;
    return table;
}

std::optional<quint32> u32Of(const nlattr *attribute)
{
    if (!attribute || mnl_attr_get_payload_len(attribute) < sizeof(uint32_t))
        return std::nullopt;
    return mnl_attr_get_u32(attribute);
}

QString nameOf(const nlattr *attribute)
{
    return attribute ? QString::fromUtf8(static_cast<const char *>(mnl_attr_get_payload(attribute)),
                                         qsizetype(::strnlen(static_cast<const char *>(mnl_attr_get_payload(attribute)),
                                                             mnl_attr_get_payload_len(attribute))))
                     : QString();
}

} // namespace

Result<Links> Links::open()
{
    mnl_socket *socket = mnl_socket_open2(NETLINK_ROUTE, SOCK_CLOEXEC);
    if (!socket)
        return netlinkError(errno, QStringLiteral("cannot open rtnetlink"));
    if (mnl_socket_bind(socket, 0, MNL_SOCKET_AUTOPID) < 0) {
        const int error = errno;
        mnl_socket_close(socket);
        return netlinkError(error, QStringLiteral("cannot open rtnetlink"));
    }
    return Links(socket);
}

Links::Links(Links &&other) noexcept
    : m_socket(std::exchange(other.m_socket, nullptr))
    , m_sequence(other.m_sequence)
{ }

Links::~Links()
{
    if (m_socket)
        mnl_socket_close(m_socket);
}

int Links::talk(nlmsghdr *request, const MessageHandler &each) const
{
    request->nlmsg_seq = ++m_sequence;
    if (mnl_socket_sendto(m_socket, request, request->nlmsg_len) < 0)
        return errno;
    // Large enough for any message of a dump: the kernel fills up to 32 KiB at once.
    std::vector<char> buffer(32 * 1024);
    const unsigned port = mnl_socket_get_portid(m_socket);
    bool interrupted = false;
    // Every answer is read to its last message (the acknowledgement, the error or the dump's
    // end), so nothing of it is left to be taken for the next request's.
    for (;;) {
        const ssize_t received = mnl_socket_recvfrom(m_socket, buffer.data(), buffer.size());
        if (received < 0)
            return errno;
        int left = int(received);
        for (auto *message = reinterpret_cast<const nlmsghdr *>(buffer.data()); mnl_nlmsg_ok(message, left);
             message = mnl_nlmsg_next(message, &left)) {
            if (message->nlmsg_seq != request->nlmsg_seq || message->nlmsg_pid != port)
                continue; // the rest of an answer whose reading failed
            interrupted = interrupted || (message->nlmsg_flags & NLM_F_DUMP_INTR);
            const size_t payload = mnl_nlmsg_get_payload_len(message);
            const auto *status = static_cast<const int *>(mnl_nlmsg_get_payload(message));
            if (message->nlmsg_type == NLMSG_ERROR) // 0: the acknowledgement
                return payload >= sizeof(nlmsgerr) ? -status[0] : EBADMSG;
            if (message->nlmsg_type == NLMSG_DONE) {
                if (payload >= sizeof(int) && status[0] < 0)
                    return -status[0];
                return interrupted ? EINTR : 0;
            }
            if (each && message->nlmsg_type >= NLMSG_MIN_TYPE)
                each(message);
        }
    }
}

int Links::askLink(const QString &name, const MessageHandler &each) const
{
    Request request(RTM_GETLINK);
    request.familyHeader<ifinfomsg>()->ifi_family = AF_UNSPEC;
    mnl_attr_put_strz(request.get(), IFLA_IFNAME, name.toUtf8().constData());
    return talk(request.get(), each);
}

std::optional<int> Links::indexOf(const QString &name) const
{
    std::optional<int> index;
    askLink(name,
            [&](const nlmsghdr *message) { index = static_cast<const ifinfomsg *>(mnl_nlmsg_get_payload(message))->ifi_index; });
    return index;
}

std::vector<QByteArray> Links::dump(uint16_t type, uint8_t family) const
{
    std::vector<QByteArray> messages;
    for (int attempt = 0; attempt < 5; ++attempt) {
        messages.clear();
        Request request(type);
        request->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
        request.familyHeader<rtgenmsg>()->rtgen_family = family; // a dump's generic header

        const int error = talk(request.get(), [&](const nlmsghdr *message) {
            messages.emplace_back(reinterpret_cast<const char *>(message), qsizetype(message->nlmsg_len));
        });
        if (error != EINTR)
            break;
    }
    return messages;
}

QStringList Links::names() const
{
    QStringList names;
    for (const QByteArray &bytes : dump(RTM_GETLINK, AF_UNSPEC)) {
        const auto *message = reinterpret_cast<const nlmsghdr *>(bytes.constData());
        if (const QString name = nameOf(attributesOf<IFLA_MAX>(message, sizeof(ifinfomsg))[IFLA_IFNAME]); !name.isEmpty())
            names << name;
    }
    return names;
}

QList<Subnet> Links::routedSubnets(const QString &except) const
{
    const int skipped = indexOf(except).value_or(-1);
    QList<Subnet> subnets;
    for (const QByteArray &bytes : dump(RTM_GETROUTE, AF_INET)) {
        const auto *message = reinterpret_cast<const nlmsghdr *>(bytes.constData());
        const auto *route = static_cast<const rtmsg *>(mnl_nlmsg_get_payload(message));
        const auto attributes = attributesOf<RTA_MAX>(message, sizeof(rtmsg));
        const quint32 table = u32Of(attributes[RTA_TABLE]).value_or(route->rtm_table);
        const auto destination = u32Of(attributes[RTA_DST]);
        // The main table's unicast routes; the local table lists each address as a /32.  The
        // default route collides with nothing.
        if (table != RT_TABLE_MAIN || route->rtm_type != RTN_UNICAST || route->rtm_family != AF_INET || !destination
            || route->rtm_dst_len == 0)
            continue;
        if (const auto device = u32Of(attributes[RTA_OIF]); device && int(*device) == skipped)
            continue;
        Subnet subnet;
        subnet.prefix = route->rtm_dst_len;
        subnet.network = ntohl(*destination) & subnet.mask();
        subnets << subnet;
    }
    return subnets;
}

Result<int> Links::ensureBridge(const QString &name, quint32 address, int prefix)
{
    if (!indexOf(name)) {
        Request request(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
        request.familyHeader<ifinfomsg>()->ifi_family = AF_UNSPEC;
        mnl_attr_put_strz(request.get(), IFLA_IFNAME, name.toUtf8().constData());
        nlattr *info = mnl_attr_nest_start(request.get(), IFLA_LINKINFO);
        mnl_attr_put_strz(request.get(), IFLA_INFO_KIND, "bridge");
        mnl_attr_nest_end(request.get(), info);
        if (const int error = talk(request.get()); error != 0 && error != EEXIST)
            return netlinkError(error, QStringLiteral("cannot create the bridge %1").arg(name));
    }
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
    Request request(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
    request.familyHeader<ifinfomsg>()->ifi_family = AF_UNSPEC;
    mnl_attr_put_strz(request.get(), IFLA_IFNAME, hostName.toUtf8().constData());
    mnl_attr_put_u32(request.get(), IFLA_MASTER, uint32_t(bridgeIndex));
    nlattr *info = mnl_attr_nest_start(request.get(), IFLA_LINKINFO);
    mnl_attr_put_strz(request.get(), IFLA_INFO_KIND, "veth");
    nlattr *data = mnl_attr_nest_start(request.get(), IFLA_INFO_DATA);
    // The peer is described as a link of its own: its family header, then its attributes.
    nlattr *peer = mnl_attr_nest_start(request.get(), VETH_INFO_PEER);
    request->nlmsg_len += MNL_ALIGN(sizeof(ifinfomsg)); // zeroed, as the whole buffer is
    mnl_attr_put_strz(request.get(), IFLA_IFNAME, peerName.toUtf8().constData());
    mnl_attr_put_u32(request.get(), IFLA_NET_NS_FD, uint32_t(netnsFd));
    mnl_attr_nest_end(request.get(), peer);
    mnl_attr_nest_end(request.get(), data);
    mnl_attr_nest_end(request.get(), info);
    int error = talk(request.get());
    if (error == EEXIST) {
        // The host name is the container's own: the pair of its last run, which the kernel
        // removes in the background once that run's namespace is gone, may still be there.
        if (auto removed = remove(hostName); !removed)
            return removed.error();
        error = talk(request.get());
    }
    if (error != 0)
        return netlinkError(error, QStringLiteral("cannot create the veth pair %1").arg(hostName));
    return up(hostName);
}

Result<void> Links::remove(const QString &name)
{
    Request request(RTM_DELLINK);
    request.familyHeader<ifinfomsg>()->ifi_family = AF_UNSPEC;
    mnl_attr_put_strz(request.get(), IFLA_IFNAME, name.toUtf8().constData());
    if (const int error = talk(request.get()); error != 0 && error != ENODEV && error != ENOENT)
        return netlinkError(error, QStringLiteral("cannot remove the link %1").arg(name));
    return {};
}

Result<void> Links::up(const QString &name)
{
    Request request(RTM_NEWLINK);
    auto *link = request.familyHeader<ifinfomsg>();
    link->ifi_family = AF_UNSPEC;
    link->ifi_flags = IFF_UP;
    link->ifi_change = IFF_UP;
    mnl_attr_put_strz(request.get(), IFLA_IFNAME, name.toUtf8().constData());
    if (const int error = talk(request.get()); error == ENODEV)
        return Error::unavailable(QStringLiteral("no link %1").arg(name));
    else if (error != 0)
        return netlinkError(error, QStringLiteral("cannot bring %1 up").arg(name));
    return {};
}

Result<void> Links::addAddress(const QString &name, quint32 address, int prefix)
{
    const auto index = indexOf(name);
    if (!index)
        return Error::unavailable(QStringLiteral("no link %1").arg(name));
    Request request(RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL);
    auto *header = request.familyHeader<ifaddrmsg>();
    header->ifa_family = AF_INET;
    header->ifa_prefixlen = uint8_t(prefix);
    header->ifa_index = uint32_t(*index);
    const uint32_t local = htonl(address);
    mnl_attr_put_u32(request.get(), IFA_LOCAL, local);
    mnl_attr_put_u32(request.get(), IFA_ADDRESS, local);
    if (const int error = talk(request.get()); error != 0 && error != EEXIST)
        return netlinkError(error, QStringLiteral("cannot give %1 the address %2").arg(name, ipv4Text(address)));
    return {};
}

Result<void> Links::addDefaultRoute(const QString &name, quint32 gateway)
{
    const auto index = indexOf(name);
    if (!index)
        return Error::unavailable(QStringLiteral("no link %1").arg(name));
    Request request(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL);
    auto *route = request.familyHeader<rtmsg>();
    route->rtm_family = AF_INET;
    route->rtm_table = RT_TABLE_MAIN;
    route->rtm_protocol = RTPROT_STATIC;
    route->rtm_scope = RT_SCOPE_UNIVERSE;
    route->rtm_type = RTN_UNICAST;
    mnl_attr_put_u32(request.get(), RTA_GATEWAY, htonl(gateway));
    mnl_attr_put_u32(request.get(), RTA_OIF, uint32_t(*index));
    if (const int error = talk(request.get()); error != 0 && error != EEXIST)
        return netlinkError(error, QStringLiteral("cannot route through %1").arg(ipv4Text(gateway)));
    return {};
}

QString Links::macAddress(const QString &name) const
{
    QString text;
    askLink(name, [&](const nlmsghdr *message) {
        const nlattr *address = attributesOf<IFLA_MAX>(message, sizeof(ifinfomsg))[IFLA_ADDRESS];
        if (!address)
            return;
        const QByteArray bytes(static_cast<const char *>(mnl_attr_get_payload(address)), mnl_attr_get_payload_len(address));
        text = QString::fromLatin1(bytes.toHex(':'));
    });
    return text;
}

} // namespace berth
