#pragma once

// NetworksObject: the org.berth.Engine1.Networks interface on /org/berth/Engine1/networks,
// behind the generated NetworksAdaptor; docker's `network` commands on ContainerEngine.

#include "containers/containerengine.h"
#include "gate.h"

namespace berth {

class EventBus;

class NetworksObject : public GatedObject
{
    Q_OBJECT
public:
    NetworksObject(Gate &gate, ContainerEngine &engine, EventBus &events, QObject *parent = nullptr);

public Q_SLOTS: // called by the generated adaptor
    QVariantMap CreateNetwork(const QString &name, const QVariantMap &options);
    void RemoveNetwork(const QString &network, const QVariantMap &options);
    QList<QVariantMap> ListNetworks(const QVariantMap &options);
    QString InspectNetwork(const QString &network, const QVariantMap &options);
    void ConnectNetwork(const QString &network, const QString &container, const QVariantMap &options);
    void DisconnectNetwork(const QString &network, const QString &container, const QVariantMap &options);
    QVariantMap PruneNetworks(const QVariantMap &options);

private:
    ContainerEngine &m_engine;
};

} // namespace berth
