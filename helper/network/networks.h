#pragma once

// Networks: the engine's networks, docker's way.  "bridge" (the default, on engine.json's
// bridge), "host" and "none" always exist; people create more bridge networks, each with a
// bridge of its own ("br-<id>"), a range (given or chosen), and optionally --internal.  Kept
// as <data-root>/networks/<id>.json; each bridge network is a BridgeNetwork.

#include "bridgenetwork.h"
#include "result.h"

#include <QMap>
#include <QString>

#include <memory>

namespace berth {

struct NetworkRecord
{
    QString id; // 64 hex digits
    QString name;
    QString driver = QStringLiteral("bridge"); // bridge, host, null
    QString created;
    QString subnet; // as asked ("10.1.0.0/24"); empty: chosen when the bridge is made
    QString gateway;
    bool internal = false;
    QMap<QString, QString> labels;

    bool builtin() const { return name == u"bridge" || name == u"host" || name == u"none"; }
    bool isBridge() const { return driver == u"bridge"; }
    QString bridge(const QString &defaultBridge) const
    {
        return name == u"bridge" ? defaultBridge : QStringLiteral("br-") + id.left(12);
    }
};

struct NetworkCreateOptions
{
    QString subnet;
    QString gateway;
    bool internal = false;
    QMap<QString, QString> labels;
};

class Networks
{
public:
    // `directory`: where user networks are kept; the default network's bridge and range.
    Networks(QString directory, QString defaultBridge, QString defaultSubnet);
    ~Networks();

    // Reads the user networks.  Then adopt() what running containers hold, then setUp().
    Result<void> load();
    void setUp();

    // By name, full id or unique id prefix, as docker finds networks.
    Result<NetworkRecord> find(const QString &nameOrId) const;
    QList<NetworkRecord> list() const;
    Result<NetworkRecord> create(const QString &name, const NetworkCreateOptions &options);
    // Refused (Conflict) while `users` is not empty: the containers on it, by name.
    Result<void> remove(const QString &nameOrId, const QStringList &users);

    // The BridgeNetwork of a bridge network, made and set up when first needed.
    BridgeNetwork *bridgeOf(const NetworkRecord &network);
    // The range and gateway a bridge network has now (for inspect), empty when not set up.
    std::pair<QString, QString> addressing(const NetworkRecord &network) const;

private:
    Result<void> save(const NetworkRecord &network) const;
    std::unique_ptr<BridgeNetwork> makeBridge(const NetworkRecord &network) const;

    QString m_directory;
    QString m_defaultBridge;
    QString m_defaultSubnet;
    QList<NetworkRecord> m_records; // the three built-in ones first
    std::map<QString, std::unique_ptr<BridgeNetwork>> m_bridges; // by network id
};

} // namespace berth
