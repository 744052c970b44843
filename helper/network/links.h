#pragma once

// Links, addresses and routes through rtnetlink (libmnl builds and reads the messages): the
// engine's bridge and the veth pairs that join containers to it.  A Links works in the network
// namespace of the thread that opened it, which is how the same code configures a container's
// side from inside.

#include "result.h"
#include "subnet.h"

#include <QList>

#include <functional>
#include <vector>

struct mnl_socket;
struct nlmsghdr;

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
    explicit Links(mnl_socket *socket)
        : m_socket(socket)
    { }

    // Sends `request` and hands each message of the answer to `each`; 0 once the kernel
    // acknowledged it or ended its dump, else the kernel's errno (EINTR: a dump the kernel
    // interrupted because the table changed meanwhile).
    int talk(nlmsghdr *request, const std::function<void(const nlmsghdr *)> &each = {}) const;
    // The link's own message (RTM_NEWLINK), to `each`; its errno when there is no such link.
    int askLink(const QString &name, const std::function<void(const nlmsghdr *)> &each) const;
    // The messages of a whole dump of `type` for `family`, each a copy; a dump the kernel
    // interrupted because the table changed meanwhile is asked for again.
    std::vector<QByteArray> dump(uint16_t type, uint8_t family) const;

    mnl_socket *m_socket;
    mutable unsigned m_sequence = 0;
};

} // namespace berth
