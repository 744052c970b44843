#include "volumesobject.h"

#include "volumesadaptor.h"

#include <QDBusMetaType>

namespace berth {
namespace {

QVariantMap labelsMap(const QMap<QString, QString> &labels)
{
    QVariantMap map;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        map.insert(it.key(), it.value());
    return map;
}

} // namespace

VolumesObject::VolumesObject(Gate &gate, ContainerEngine &engine, QObject *parent)
    : GatedObject(gate, parent)
    , m_engine(engine)
{
    new VolumesAdaptor(this);
}

QVariantMap VolumesObject::CreateVolume(const QString &name, const QVariantMap &options)
{
    admit([this, name, options](const Call &) -> Reply {
        QMap<QString, QString> labels;
        const QVariantMap given = qdbus_cast<QVariantMap>(options.value(QStringLiteral("labels")));
        for (auto it = given.cbegin(); it != given.cend(); ++it)
            labels.insert(it.key(), it.value().toString());
        auto volume = m_engine.createVolume(name, labels);
        if (!volume)
            return volume.error();
        return QVariantList{QVariantMap{{QStringLiteral("Name"), volume->name}}};
    });
    return {};
}

void VolumesObject::RemoveVolume(const QString &name, const QVariantMap &)
{
    admit([this, name](const Call &) -> Reply {
        if (auto removed = m_engine.removeVolume(name); !removed)
            return removed.error();
        return QVariantList{};
    });
}

QList<QVariantMap> VolumesObject::ListVolumes(const QVariantMap &options)
{
    admit([this, options](const Call &) -> Reply {
        const bool sizes = options.value(QStringLiteral("size")).toBool();
        QList<QVariantMap> rows;
        for (const VolumeRecord &volume : m_engine.volumes()) {
            rows << QVariantMap{{QStringLiteral("Name"), volume.name},
                                {QStringLiteral("Driver"), QStringLiteral("local")},
                                {QStringLiteral("Mountpoint"), m_engine.volumeMountpoint(volume.name)},
                                {QStringLiteral("CreatedAt"), volume.created},
                                {QStringLiteral("Anonymous"), volume.anonymous},
                                {QStringLiteral("Labels"), labelsMap(volume.labels)},
                                {QStringLiteral("Users"), m_engine.usersOfVolume(volume.name)}};
            if (sizes)
                rows.last().insert(QStringLiteral("Size"), quint64(m_engine.volumeSize(volume.name)));
        }
        return QVariantList{QVariant::fromValue(rows)};
    });
    return {};
}

QString VolumesObject::InspectVolume(const QString &name, const QVariantMap &)
{
    admit([this, name](const Call &) -> Reply {
        auto json = m_engine.inspectVolume(name);
        if (!json)
            return json.error();
        return QVariantList{QString::fromUtf8(*json)};
    });
    return {};
}

QVariantMap VolumesObject::PruneVolumes(const QVariantMap &options)
{
    admit([this, options](const Call &) -> Reply {
        const auto [removed, reclaimed] = m_engine.pruneVolumes(options.value(QStringLiteral("all")).toBool());
        return QVariantList{
            QVariantMap{{QStringLiteral("VolumesDeleted"), removed}, {QStringLiteral("SpaceReclaimed"), quint64(reclaimed)}}};
    });
    return {};
}

} // namespace berth
