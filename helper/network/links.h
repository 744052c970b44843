#pragma once

// Links, addresses and routes through rtnetlink (libnl-route): the engine's bridge and the veth
// pairs that join containers to it.  A Links works in the network namespace of the thread that
// opened it, which is how the same code configures a container's side from inside.

#include "result.h"
#include "subnet.h"

#include <QList>

struct nl_sock;

namespace berth {

class Links
{
public:
    static Result<Links> open();
    Links(Links &&other) noexcept;
    Links &operator=(Links &&) = delete;
    ~Links();

    std::optional<int> indexOf(const QString &name) const;
    QStringList names() const;
    // The subnets the namespace routes to already, but through `except` (to choose a range
    // for that bridge that collides with none).
    QList<Subnet> routedSubnets(const QString &except) const;

    // Creates the bridge when missing, gives it `address/prefix`, brings it up.
    Result<int> ensureBridge(const QString &name, quint32 address, int prefix);
    // A veth pair: `hostName` here, enslaved to `bridgeIndex` and up; its peer `peerName` in
    // the network namespace `netnsFd`.
    Result<void> addVeth(const QString &hostName, const QString &peerName, int netnsFd, int bridgeIndex);
    Result<void> remove(const QString &name);
    Result<void> up(const QString &name);
    Result<void> addAddress(const QString &name, quint32 address, int prefix);
    Result<void> addDefaultRoute(const QString &name, quint32 gateway);
    QString macAddress(const QString &name) const;

private:
    explicit Links(nl_sock *socket)
        : m_socket(socket)
    { }

    nl_sock *m_socket;
};

} // namespace berth
