// ContainerEngine's side of docker's `network` commands: networks whose use depends on the
// containers on them.

#include "containerengine.h"

#include "network/subnet.h"

#include <QLoggingCategory>

#include <nlohmann/json.hpp>

namespace berth {
namespace {

using Json = nlohmann::ordered_json;

bool onNetwork(const ContainerRecord &record, const QString &networkId)
{
    return std::any_of(record.endpoints.cbegin(), record.endpoints.cend(),
                       [&](const NetworkEndpoint &e) { return e.networkId == networkId; });
}

} // namespace

QStringList ContainerEngine::usersOf(const QString &networkId) const
{
    QStringList users;
    for (const ContainerRecord &record : m_store.list())
        if (onNetwork(record, networkId))
            users << record.name;
    return users;
}

Result<NetworkRecord> ContainerEngine::createNetwork(const QString &name, const NetworkCreateOptions &options)
{
    auto network = m_networks.create(name, options);
    if (network)
        Q_EMIT networkEvent(QStringLiteral("create"), network->id, {{QStringLiteral("name"), network->name}});
    return network;
}

Result<void> ContainerEngine::removeNetwork(const QString &nameOrId)
{
    auto network = m_networks.find(nameOrId);
    if (!network)
        return network.error();
    if (auto removed = m_networks.remove(network->id, usersOf(network->id)); !removed)
        return removed;
    Q_EMIT networkEvent(QStringLiteral("destroy"), network->id, {{QStringLiteral("name"), network->name}});
    return {};
}

QStringList ContainerEngine::pruneNetworks()
{
    QStringList removed;
    for (const NetworkRecord &network : m_networks.list())
        if (!network.builtin() && usersOf(network.id).isEmpty() && removeNetwork(network.id))
            removed << network.name;
    return removed;
}

Result<QByteArray> ContainerEngine::inspectNetwork(const QString &nameOrId) const
{
    auto network = m_networks.find(nameOrId);
    if (!network)
        return network.error();
    const auto [subnet, gateway] = m_networks.addressing(*network);
    Json config = Json::array();
    if (!subnet.isEmpty())
        config.push_back({{"Subnet", subnet.toStdString()}, {"Gateway", gateway.toStdString()}});
    Json containers = Json::object();
    for (const ContainerRecord &record : m_store.list())
        for (const NetworkEndpoint &endpoint : record.endpoints)
            if (endpoint.networkId == network->id && endpoint.attachment.address)
                containers[record.id.toStdString()] = {
                    {"Name", record.name.toStdString()},
                    {"MacAddress", endpoint.attachment.macAddress.toStdString()},
                    {"IPv4Address",
                     (ipv4Text(endpoint.attachment.address) + u'/' + QString::number(endpoint.attachment.prefix)).toStdString()},
                    {"IPv6Address", ""},
                };
    Json labels = Json::object();
    for (auto it = network->labels.cbegin(); it != network->labels.cend(); ++it)
        labels[it.key().toStdString()] = it.value().toStdString();
    Json options = Json::object();
    if (network->isBridge())
        options["com.docker.network.bridge.name"] = network->bridge(m_settings.bridge).toStdString();
    const Json json = {
        {"Name", network->name.toStdString()},
        {"Id", network->id.toStdString()},
        {"Created", network->created.toStdString()},
        {"Scope", "local"},
        {"Driver", network->driver.toStdString()},
        {"EnableIPv6", false},
        {"IPAM", {{"Driver", "default"}, {"Options", Json::object()}, {"Config", config}}},
        {"Internal", network->internal},
        {"Attachable", false},
        {"Containers", containers},
        {"Options", options},
        {"Labels", labels},
    };
    return QByteArray::fromStdString(json.dump());
}

Result<std::pair<NetworkRecord, ContainerRecord>> ContainerEngine::networkAndContainer(const QString &network,
                                                                                       const QString &container) const
{
    auto found = m_networks.find(network);
    if (!found)
        return found.error();
    auto record = m_store.find(container);
    if (!record)
        return record.error();
    return std::pair{*found, *record};
}

Result<void> ContainerEngine::connectNetwork(const QString &networkName, const QString &container, const QStringList &aliases)
{
    auto both = networkAndContainer(networkName, container);
    if (!both)
        return both.error();
    auto network = &both->first;
    auto record = &both->second;
    if (!network->isBridge())
        return Error::invalidArgument(
            QStringLiteral("container cannot be disconnected from host network or connected to host network"));
    const QString mode = record->spec.host.networkMode;
    if (mode == u"none" || mode == u"host" || mode.startsWith(u"container:"))
        return Error::invalidArgument(
            QStringLiteral("container %1 has --network %2 and cannot join other networks").arg(record->name, mode));
    if (onNetwork(*record, network->id))
        return Error::conflict(
            QStringLiteral("endpoint with name %1 already exists in network %2").arg(record->name, network->name));
    NetworkEndpoint endpoint{network->id, network->name, aliases, {}};
    if (const int pidfd = containerPidfd(record->id); pidfd >= 0) {
        // Into the namespace it runs in, as its next interface; through its pidfd, so a pid
        // reused by another process cannot be joined instead.
        auto joined = m_networks.bridgeOf(*network)->attach(record->id, record->name, {}, pidfd,
                                                            QStringLiteral("eth%1").arg(record->endpoints.size()));
        if (!joined)
            return joined.error();
        endpoint.attachment = joined->attachment;
    }
    record->endpoints << endpoint;
    if (auto saved = save(*record); !saved)
        return saved.error();
    refreshHosts({network->id});
    Q_EMIT networkEvent(QStringLiteral("connect"), network->id,
                        {{QStringLiteral("name"), network->name}, {QStringLiteral("container"), record->id}});
    return {};
}

Result<void> ContainerEngine::disconnectNetwork(const QString &networkName, const QString &container)
{
    auto both = networkAndContainer(networkName, container);
    if (!both)
        return both.error();
    auto network = &both->first;
    auto record = &both->second;
    const qsizetype index = std::find_if(record->endpoints.cbegin(), record->endpoints.cend(),
                                         [&](const NetworkEndpoint &e) { return e.networkId == network->id; })
        - record->endpoints.cbegin();
    if (index == record->endpoints.size())
        return Error::conflict(QStringLiteral("container %1 is not connected to network %2").arg(record->name, network->name));
    // Removing the host's end of the veth removes the container's too.
    if (record->endpoints[index].attachment.address)
        m_networks.bridgeOf(*network)->detach(record->id, true);
    record->endpoints.removeAt(index);
    if (auto saved = save(*record); !saved)
        return saved.error();
    refreshHosts({network->id});
    Q_EMIT networkEvent(QStringLiteral("disconnect"), network->id,
                        {{QStringLiteral("name"), network->name}, {QStringLiteral("container"), record->id}});
    return {};
}

} // namespace berth
