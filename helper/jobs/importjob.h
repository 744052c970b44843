#pragma once

// ImportJob: `docker import`: a root filesystem tarball (plain or compressed) from the caller's
// file descriptor becomes a one-layer image, its configuration set by Dockerfile instructions.
//
// CommitJob: `docker commit`: the same with a container's writable layer, written as a layer
// tarball from its upper directory, on top of the container's image.

#include "image/imagetypes.h"
#include "store/pendingimage.h"
#include "system/uniquefd.h"
#include "threadedjob.h"

#include <QSet>

#include <optional>

namespace berth {

class BlobStore;
class ImageStore;
class ImageRef;
class LayerStore;

class ImportJob : public ThreadedJob
{
    Q_OBJECT
public:
    struct Request
    {
        oci::RunConfig config;
        QString message;
        std::optional<QString> reference; // normalized; validated before the job starts
        QString author;
        QString createdBy = QStringLiteral("berth import");
        // The image below the new layer (commit); none for an import.
        struct Base
        {
            oci::ImageConfig config;
            QList<Digest> layerBlobs;
            Digest topChainId;
        };
        std::optional<Base> base;
    };
    ImportJob(UniqueFd tarball, Request request, BlobStore &blobs, LayerStore &layers, ImageStore &images, uint ownerUid);

Q_SIGNALS:
    void imageImported(const QString &id, const QString &name);

protected:
    Result<QVariantMap> work() override;
    void completed(const Result<QVariantMap> &outcome) override;
    // The new layer's tarball, stored as a blob.
    virtual Result<Digest> ingestLayer();
    Result<Digest> committed(Result<Digest> digest);

    BlobStore &m_blobs;

private:
    UniqueFd m_tarball;
    Request m_request;
    LayerStore &m_layers;
    std::optional<Digest> m_manifest;
    PendingImage m_pending;
};

class CommitJob : public ImportJob
{
    Q_OBJECT
public:
    CommitJob(QString upperDir, Request request, BlobStore &blobs, LayerStore &layers, ImageStore &images, uint ownerUid);

protected:
    Result<Digest> ingestLayer() override;

private:
    QString m_upperDir;
};

} // namespace berth
