#include "networksobject.h"

#include "eventbus.h"
#include "networksadaptor.h"

#include <QDBusMetaType>

namespace berth {
namespace {

Reply empty(const Result<void> &result)
{
    if (!result)
        return result.error();
    return QVariantList{};
}

} // namespace

NetworksObject::NetworksObject(Gate &gate, ContainerEngine &engine, EventBus &events, QObject *parent)
    : GatedObject(gate, parent)
    , m_engine(engine)
{
    new NetworksAdaptor(this);
    connect(&m_engine, &ContainerEngine::networkEvent, this,
            [&events](const QString &action, const QString &id, const QMap<QString, QString> &attributes) {
                QVariantMap values;
                for (auto it = attributes.cbegin(); it != attributes.cend(); ++it)
                    values.insert(it.key(), it.value());
                events.publish({QStringLiteral("network"), action, id, values});
            });
}

QVariantMap NetworksObject::CreateNetwork(const QString &name, const QVariantMap &options)
{
    admit([this, name, options](const Call &) -> Reply {
        NetworkCreateOptions create;
        create.subnet = options.value(QStringLiteral("subnet")).toString();
        create.gateway = options.value(QStringLiteral("gateway")).toString();
        create.internal = options.value(QStringLiteral("internal")).toBool();
        const QVariantMap labels = qdbus_cast<QVariantMap>(options.value(QStringLiteral("labels")));
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            create.labels.insert(it.key(), it.value().toString());
        auto network = m_engine.createNetwork(name, create);
        if (!network)
            return network.error();
        return QVariantList{QVariantMap{{QStringLiteral("Id"), network->id}}};
    });
    return {};
}

void NetworksObject::RemoveNetwork(const QString &network, const QVariantMap &)
{
    admit([this, network](const Call &) -> Reply { return empty(m_engine.removeNetwork(network)); });
}

QList<QVariantMap> NetworksObject::ListNetworks(const QVariantMap &)
{
    admit([this](const Call &) -> Reply {
        QList<QVariantMap> rows;
        for (const NetworkRecord &network : m_engine.networks())
            rows << QVariantMap{{QStringLiteral("Id"), network.id},           {QStringLiteral("Name"), network.name},
                                {QStringLiteral("Driver"), network.driver},   {QStringLiteral("Scope"), QStringLiteral("local")},
                                {QStringLiteral("Created"), network.created}, {QStringLiteral("Internal"), network.internal}};
        return QVariantList{QVariant::fromValue(rows)};
    });
    return {};
}

QString NetworksObject::InspectNetwork(const QString &network, const QVariantMap &)
{
    admit([this, network](const Call &) -> Reply {
        auto json = m_engine.inspectNetwork(network);
        if (!json)
            return json.error();
        return QVariantList{QString::fromUtf8(*json)};
    });
    return {};
}

void NetworksObject::ConnectNetwork(const QString &network, const QString &container, const QVariantMap &options)
{
    admit([this, network, container, options](const Call &) -> Reply {
        return empty(
            m_engine.connectNetwork(network, container, qdbus_cast<QStringList>(options.value(QStringLiteral("aliases")))));
    });
}

void NetworksObject::DisconnectNetwork(const QString &network, const QString &container, const QVariantMap &)
{
    admit([this, network, container](const Call &) -> Reply { return empty(m_engine.disconnectNetwork(network, container)); });
}

QVariantMap NetworksObject::PruneNetworks(const QVariantMap &)
{
    admit([this](const Call &) -> Reply {
        return QVariantList{QVariantMap{{QStringLiteral("NetworksDeleted"), m_engine.pruneNetworks()}}};
    });
    return {};
}

} // namespace berth
