#pragma once

// VolumesObject: the org.berth.Engine1.Volumes interface on /org/berth/Engine1/volumes,
// behind the generated VolumesAdaptor; docker's `volume` commands on ContainerEngine.

#include "containers/containerengine.h"
#include "gate.h"

namespace berth {

class VolumesObject : public GatedObject
{
    Q_OBJECT
public:
    VolumesObject(Gate &gate, ContainerEngine &engine, QObject *parent = nullptr);

public Q_SLOTS: // called by the generated adaptor
    QVariantMap CreateVolume(const QString &name, const QVariantMap &options);
    void RemoveVolume(const QString &name, const QVariantMap &options);
    QList<QVariantMap> ListVolumes(const QVariantMap &options);
    QString InspectVolume(const QString &name, const QVariantMap &options);
    QVariantMap PruneVolumes(const QVariantMap &options);

private:
    ContainerEngine &m_engine;
};

} // namespace berth
