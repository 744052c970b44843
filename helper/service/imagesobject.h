#pragma once

// ImagesObject: the org.berth.Engine1.Images interface on /org/berth/Engine1, behind the
// generated ImagesAdaptor.  It turns D-Bus arguments into store calls and store records into
// docker-shaped answers.

#include "gate.h"
#include "image/imagetypes.h"
#include "jobs/importjob.h"
#include "registry/registry.h"
#include "store/imagestore.h"

#include <QDBusObjectPath>
#include <QDBusUnixFileDescriptor>

namespace berth {

class BlobStore;
class ContainerEngine;
class EventBus;
class JobManager;
class LayerStore;

class ImagesObject : public GatedObject
{
    Q_OBJECT
public:
    struct Stores
    {
        BlobStore &blobs;
        LayerStore &layers;
        ImageStore &images;
    };
    ImagesObject(Gate &gate, Stores stores, ContainerEngine &containers, JobManager &jobs, EventBus &events,
                 QObject *parent = nullptr);

    // engine.json's insecure-registries, registry-certs-dir and registry-mirrors (no
    // credentials: those come with each call), for the pulls and pushes to come.
    void setRegistrySettings(RegistryAccess settings);

public Q_SLOTS: // called by the generated adaptor
    QList<QVariantMap> ListImages(const QVariantMap &options);
    QString InspectImage(const QString &image, const QVariantMap &options);
    QList<QVariantMap> ImageHistory(const QString &image, const QVariantMap &options);
    QVariantMap LayerChanges(const QString &layer, const QVariantMap &options);
    QDBusObjectPath LoadImages(const QDBusUnixFileDescriptor &archive, const QVariantMap &options);
    QDBusObjectPath ImportImage(const QDBusUnixFileDescriptor &tarball, const QVariantMap &options);
    QDBusObjectPath SaveImages(const QStringList &images, const QDBusUnixFileDescriptor &output, const QVariantMap &options);
    void TagImage(const QString &image, const QString &target, const QVariantMap &options);
    QVariantMap RemoveImage(const QString &image, const QVariantMap &options);
    QVariantMap PruneImages(const QVariantMap &options);
    QDBusObjectPath CommitContainer(const QString &container, const QVariantMap &options);
    QDBusObjectPath PullImage(const QString &reference, const QVariantMap &options);
    QDBusObjectPath PushImage(const QString &reference, const QVariantMap &options);
    void CheckRegistryLogin(const QString &registry, const QVariantMap &options);
    QList<QVariantMap> SearchRegistry(const QString &registry, const QString &term, const QVariantMap &options);
    QStringList ListRegistryTags(const QString &repository, const QVariantMap &options);

private:
    Reply list(const QVariantMap &options) const;
    Reply inspect(const QString &name) const;
    Reply history(const QString &name) const;
    Reply tag(const QString &name, const QString &target);
    Reply changes(const QString &layer) const;
    Reply load(const QDBusUnixFileDescriptor &archive, const Call &call);
    Reply importImage(const QDBusUnixFileDescriptor &tarball, const QVariantMap &options, const Call &call);
    Reply save(const QStringList &names, const QDBusUnixFileDescriptor &output, const Call &call);
    Reply commit(const QString &container, const QVariantMap &options, const Call &call);
    Reply pull(const QString &reference, const QVariantMap &options, const Call &call);
    // Other repositories of the target's registry that local images say hold each layer.
    QHash<Digest, QStringList> mountSources(const ImageRef &target, const QList<oci::Descriptor> &layers) const;
    Reply push(const QString &reference, const QVariantMap &options, const Call &call);
    // How to reach registries: the settings, and the person's credentials from the call.
    RegistryAccess accessFrom(const QVariantMap &options) const;
    // Runs `work` with a client for the registry on a thread of its own, then answers with it.
    void withRegistry(const QString &registry, const QVariantMap &options, std::function<Reply(Registry &)> work,
                      const Respond &respond);
    // The new image's name and configuration from `import` and `commit` options.
    Result<void> readImageOptions(const QVariantMap &options, ImportJob::Request &request) const;
    // Publishes the image event when the job has made the image.
    Reply startImageJob(std::unique_ptr<ImportJob> job, const QString &action, const Call &call);
    QVariantMap summary(const ImageRecord &image) const;
    Result<std::pair<ImageRecord, oci::ImageConfig>> imageWithConfig(const QString &name) const;

    BlobStore &m_blobs;
    ImageStore &m_images;
    LayerStore &m_layers;
    ContainerEngine &m_containers;
    RegistryAccess m_registrySettings;
    JobManager &m_jobs;
    EventBus &m_events;
};

} // namespace berth
