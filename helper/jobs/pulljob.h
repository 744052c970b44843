#pragma once

// PullJob: `docker pull` as a job.  On the worker thread it reads the manifest (an index or
// manifest list resolved to this machine's platform), the config and every layer the layer
// store does not hold yet from the registry, each blob verified by its digest as it streams
// in and each layer unpacked and checked against the config's diff ID.  The image is
// registered and tagged on the engine's thread at the end, or not at all: whatever the pull
// added that no image uses is removed on failure.  Items report each layer: waiting,
// downloading (bytes), retrying, extracting, done, or "already exists".  Images named after
// Docker Hub are asked of its mirrors (engine.json's registry-mirrors) first.

#include "image/imageref.h"
#include "registry/registry.h"
#include "store/pendingimage.h"
#include "threadedjob.h"

#include <QSet>

#include <optional>

namespace berth {

class BlobStore;
class ImageStore;
class LayerStore;

class PullJob : public ThreadedJob
{
    Q_OBJECT
public:
    // `platform`: the one to pull from a manifest list, and the one a single image must be for.
    PullJob(ImageRef reference, oci::Platform platform, RegistryAccess access, BlobStore &blobs, LayerStore &layers,
            ImageStore &images, uint ownerUid);

Q_SIGNALS:
    void imagePulled(const QString &id, const QString &name);

protected:
    Result<QVariantMap> work() override;
    void completed(const Result<QVariantMap> &outcome) override;

private:
    // The whole pull from one registry or mirror.
    Result<QVariantMap> pullFrom(const QString &endpoint, const RegistryAccess &access);

    ImageRef m_reference;
    oci::Platform m_platform;
    RegistryAccess m_access;
    BlobStore &m_blobs;
    LayerStore &m_layers;
    std::optional<Digest> m_manifest;
    PendingImage m_pending;
};

} // namespace berth
