#include "networks.h"

#include "container/containerconfig.h"
#include "jsonvalues.h"
#include "system/fileops.h"
#include "system/randomid.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>

#include <nlohmann/json.hpp>

Q_DECLARE_LOGGING_CATEGORY(lcNetwork)

namespace berth {
namespace {

using Json = nlohmann::ordered_json;

// The built-in networks keep the same id on every start.
NetworkRecord builtin(const QString &name, const QString &driver)
{
    NetworkRecord network;
    network.name = name;
    network.driver = driver;
    network.id
        = QString::fromLatin1(QCryptographicHash::hash("berth-network:" + name.toUtf8(), QCryptographicHash::Sha256).toHex());
    return network;
}

QByteArray toJson(const NetworkRecord &network)
{
    Json labels = Json::object();
    for (auto it = network.labels.cbegin(); it != network.labels.cend(); ++it)
        labels[it.key().toStdString()] = it.value().toStdString();
    const Json json = {{"Id", network.id.toStdString()},         {"Name", network.name.toStdString()},
                       {"Driver", network.driver.toStdString()}, {"Created", network.created.toStdString()},
                       {"Subnet", network.subnet.toStdString()}, {"Gateway", network.gateway.toStdString()},
                       {"Internal", network.internal},           {"Labels", labels}};
    return QByteArray::fromStdString(json.dump(2));
}

std::optional<NetworkRecord> fromJson(const QByteArray &bytes)
{
    const Json json = Json::parse(bytes.toStdString(), nullptr, false);
    if (!json.is_object())
        return std::nullopt;
    NetworkRecord network;
    network.id = berth::json::string(json, "Id");
    network.name = berth::json::string(json, "Name");
    network.driver = berth::json::string(json, "Driver");
    network.created = berth::json::string(json, "Created");
    network.subnet = berth::json::string(json, "Subnet");
    network.gateway = berth::json::string(json, "Gateway");
    network.internal = json.value("Internal", false);
    if (const auto labels = json.find("Labels"); labels != json.end() && labels->is_object())
        for (const auto &[key, value] : labels->items())
            if (value.is_string())
                network.labels.insert(QString::fromStdString(key), QString::fromStdString(value.get<std::string>()));
    if (network.id.size() != 64 || !isValidContainerName(network.name) || network.driver != u"bridge")
        return std::nullopt;
    return network;
}

} // namespace

Networks::Networks(QString directory, QString defaultBridge, QString defaultSubnet)
    : m_directory(std::move(directory))
    , m_defaultBridge(std::move(defaultBridge))
    , m_defaultSubnet(std::move(defaultSubnet))
    , m_records({builtin(QStringLiteral("bridge"), QStringLiteral("bridge")),
                 builtin(QStringLiteral("host"), QStringLiteral("host")),
                 builtin(QStringLiteral("none"), QStringLiteral("null"))})
{
    m_records.first().subnet = m_defaultSubnet;
}

Networks::~Networks() = default;

Result<void> Networks::load()
{
    if (!QDir().mkpath(m_directory))
        return Error::unavailable(QStringLiteral("cannot create %1").arg(m_directory));
    QDir dir(m_directory);
    for (const QString &file : dir.entryList(QDir::Files)) {
        if (!file.endsWith(u".json"))
            continue;
        QFile json(dir.filePath(file));
        std::optional<NetworkRecord> network;
        if (json.open(QIODevice::ReadOnly) && json.size() < 1024 * 1024)
            network = fromJson(json.readAll());
        if (!network || network->builtin()) {
            qCWarning(lcNetwork) << "ignoring the damaged network record" << json.fileName();
            continue;
        }
        m_records << *network;
    }
    return {};
}

void Networks::setUp()
{
    for (const NetworkRecord &network : std::as_const(m_records))
        if (network.isBridge())
            if (auto up = bridgeOf(network)->setUp(); !up)
                qCWarning(lcNetwork) << "network" << network.name << "is not available:" << up.error().message();
}

Result<NetworkRecord> Networks::find(const QString &nameOrId) const
{
    for (const NetworkRecord &network : m_records)
        if (network.name == nameOrId || network.id == nameOrId)
            return network;
    const NetworkRecord *found = nullptr;
    for (const NetworkRecord &network : m_records)
        if (!nameOrId.isEmpty() && network.id.startsWith(nameOrId)) {
            if (found)
                return Error::invalidArgument(QStringLiteral("network %1 is ambiguous (%2 matches)").arg(nameOrId).arg(2));
            found = &network;
        }
    if (!found)
        return Error::notFound(QStringLiteral("network %1 not found").arg(nameOrId));
    return *found;
}

QList<NetworkRecord> Networks::list() const
{
    return m_records;
}

std::unique_ptr<BridgeNetwork> Networks::makeBridge(const NetworkRecord &network) const
{
    return std::make_unique<BridgeNetwork>(
        BridgeOptions{network.bridge(m_defaultBridge), network.subnet, network.gateway, network.internal, m_defaultBridge});
}

BridgeNetwork *Networks::bridgeOf(const NetworkRecord &network)
{
    auto it = m_bridges.find(network.id);
    if (it == m_bridges.end())
        it = m_bridges.emplace(network.id, makeBridge(network)).first;
    return it->second.get();
}

std::pair<QString, QString> Networks::addressing(const NetworkRecord &network) const
{
    const auto it = m_bridges.find(network.id);
    if (it == m_bridges.end() || !it->second->isSetUp())
        return {network.subnet, network.gateway};
    return {it->second->subnet().toString(), ipv4Text(it->second->gateway())};
}

Result<NetworkRecord> Networks::create(const QString &name, const NetworkCreateOptions &options)
{
    if (!isValidContainerName(name))
        return Error::invalidArgument(
            QStringLiteral("invalid network name \"%1\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed").arg(name));
    if (find(name))
        return Error::conflict(QStringLiteral("network with name %1 already exists").arg(name));
    if (!options.subnet.isEmpty()) {
        const auto wanted = Subnet::parse(options.subnet);
        if (!wanted)
            return Error::invalidArgument(
                QStringLiteral("invalid subnet %1: an IPv4 range with a prefix of 8 to 30, like 10.1.0.0/24")
                    .arg(options.subnet));
        for (const NetworkRecord &other : std::as_const(m_records)) {
            const auto [range, gateway] = addressing(other);
            if (const auto theirs = Subnet::parse(range); theirs && theirs->overlaps(*wanted))
                return Error::conflict(QStringLiteral("invalid pool request: Pool overlaps with other one on this address space "
                                                      "(network %1 has %2)")
                                           .arg(other.name, theirs->toString()));
        }
    } else if (!options.gateway.isEmpty()) {
        return Error::invalidArgument(QStringLiteral("a gateway needs a subnet (--subnet)"));
    }
    NetworkRecord network;
    network.id = randomId();
    network.name = name;
    network.created = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    network.subnet = options.subnet;
    network.gateway = options.gateway;
    network.internal = options.internal;
    network.labels = options.labels;
    auto bridge = makeBridge(network);
    if (auto up = bridge->setUp(); !up) {
        bridge->tearDown();
        return up.error();
    }
    if (auto saved = save(network); !saved) {
        bridge->tearDown();
        return saved.error();
    }
    m_records << network;
    m_bridges.emplace(network.id, std::move(bridge));
    return network;
}

Result<void> Networks::remove(const QString &nameOrId, const QStringList &users)
{
    auto network = find(nameOrId);
    if (!network)
        return network.error();
    if (network->builtin())
        return Error::permissionDenied(QStringLiteral("%1 is a pre-defined network and cannot be removed").arg(network->name));
    if (!users.isEmpty())
        return Error::conflict(QStringLiteral("error while removing network: network %1 id %2 has active endpoints (%3)")
                                   .arg(network->name, network->id, users.join(QStringLiteral(", "))));
    if (!QFile::remove(QDir(m_directory).filePath(network->id + QStringLiteral(".json"))))
        return Error::unavailable(QStringLiteral("cannot remove the record of network %1").arg(network->name));
    bridgeOf(*network)->tearDown();
    m_bridges.erase(network->id);
    m_records.removeIf([&](const NetworkRecord &n) { return n.id == network->id; });
    return {};
}

Result<void> Networks::save(const NetworkRecord &network) const
{
    return writeFileAtomically(QDir(m_directory).filePath(network.id + QStringLiteral(".json")), toJson(network));
}

} // namespace berth
