#include "subnet.h"

#include <arpa/inet.h>

namespace berth {

std::optional<quint32> parseIpv4(const QString &text)
{
    in_addr address{};
    if (::inet_pton(AF_INET, text.toLatin1().constData(), &address) != 1)
        return std::nullopt;
    return ntohl(address.s_addr);
}

QString ipv4Text(quint32 address)
{
    const in_addr network{htonl(address)};
    char text[INET_ADDRSTRLEN] = {};
    ::inet_ntop(AF_INET, &network, text, sizeof text);
    return QString::fromLatin1(text);
}

std::optional<Subnet> Subnet::parse(const QString &cidr)
{
    const auto address = parseIpv4(cidr.section(u'/', 0, 0));
    bool ok = false;
    const int prefix = cidr.section(u'/', 1).toInt(&ok);
    if (!address || !ok || prefix < 8 || prefix > 30 || !cidr.contains(u'/'))
        return std::nullopt;
    Subnet subnet;
    subnet.prefix = prefix;
    subnet.network = *address & subnet.mask();
    return subnet;
}

} // namespace berth
