#pragma once

// IPv4 subnets and addresses for the engine's networks, as host-order numbers.

#include <QString>

#include <optional>

namespace berth {

std::optional<quint32> parseIpv4(const QString &text);
QString ipv4Text(quint32 address);

struct Subnet
{
    quint32 network = 0; // the first address
    int prefix = 0;

    // "172.17.0.0/16", or an address in it with its prefix ("172.17.0.1/16": the same subnet).
    static std::optional<Subnet> parse(const QString &cidr);

    quint32 mask() const { return prefix == 0 ? 0 : ~quint32(0) << (32 - prefix); }
    quint32 broadcast() const { return network | ~mask(); }
    quint32 gateway() const { return network + 1; }
    bool contains(quint32 address) const { return (address & mask()) == network; }
    bool overlaps(const Subnet &other) const { return contains(other.network) || other.contains(network); }
    QString toString() const { return ipv4Text(network) + u'/' + QString::number(prefix); }
};

} // namespace berth
