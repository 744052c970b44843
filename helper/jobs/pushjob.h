#pragma once

// PushJob: `docker push` as a job.  On the worker thread each blob of the image (its layers,
// then its config) is checked with the registry and, when the repository lacks it, mounted
// from another repository of the registry that may have it or else uploaded, streamed from
// the blob store; the manifest goes last, under the tag.  Items report each blob: pushing
// (bytes), pushed, "mounted from <repository>", or "layer already exists".

#include "image/imageref.h"
#include "image/imagetypes.h"
#include "registry/registry.h"
#include "threadedjob.h"

namespace berth {

class BlobStore;

class PushJob : public ThreadedJob
{
    Q_OBJECT
public:
    struct Request
    {
        ImageRef reference;
        QList<oci::Descriptor> blobs; // layers, then the config
        QByteArray manifest;
        QString manifestMediaType;
        RegistryAccess access;
        // Other repositories of the registry, by blob, that local images say hold it.
        QHash<Digest, QStringList> mountSources;
    };
    PushJob(Request request, const BlobStore &blobs, uint ownerUid);

protected:
    Result<QVariantMap> work() override;

private:
    Request m_request;
    const BlobStore &m_blobs;
};

} // namespace berth
