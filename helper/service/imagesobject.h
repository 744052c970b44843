#pragma once

// ImagesObject: the org.berth.Engine1.Images interface on /org/berth/Engine1, behind the
// generated ImagesAdaptor.  It turns D-Bus arguments into store calls and store records into
// docker-shaped answers.

#include "gate.h"

namespace berth {

class EventBus;
class ImageStore;
class LayerStore;
struct ImageRecord;

class ImagesObject : public GatedObject
{
    Q_OBJECT
public:
    ImagesObject(Gate &gate, ImageStore &images, LayerStore &layers, EventBus &events, QObject *parent = nullptr);

public Q_SLOTS: // called by the generated adaptor
    QList<QVariantMap> ListImages(const QVariantMap &options);
    QString InspectImage(const QString &image, const QVariantMap &options);
    QList<QVariantMap> ImageHistory(const QString &image, const QVariantMap &options);
    QVariantMap LayerChanges(const QString &layer, const QVariantMap &options);
    void TagImage(const QString &image, const QString &target, const QVariantMap &options);
    QVariantMap RemoveImage(const QString &image, const QVariantMap &options);
    QVariantMap PruneImages(const QVariantMap &options);

private:
    Reply list(const QVariantMap &options) const;
    Reply inspect(const QString &name) const;
    Reply history(const QString &name) const;
    Reply tag(const QString &name, const QString &target);
    Reply changes(const QString &layer) const;
    QVariantMap summary(const ImageRecord &image) const;

    ImageStore &m_images;
    LayerStore &m_layers;
    EventBus &m_events;
};

} // namespace berth
