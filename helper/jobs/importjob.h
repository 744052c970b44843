#pragma once

// ImportJob: `docker import`: a root filesystem tarball (plain or compressed) from the caller's
// file descriptor becomes a one-layer image, its configuration set by Dockerfile instructions.

#include "image/imagetypes.h"
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
    };
    ImportJob(UniqueFd tarball, Request request, BlobStore &blobs, LayerStore &layers, ImageStore &images, uint ownerUid);

Q_SIGNALS:
    void imageImported(const QString &id, const QString &name);

protected:
    Result<QVariantMap> work() override;
    void completed(const Result<QVariantMap> &outcome) override;

private:
    Result<Digest> ingestTarball();
    void discard();

    UniqueFd m_tarball;
    Request m_request;
    BlobStore &m_blobs;
    LayerStore &m_layers;
    ImageStore &m_images;
    std::optional<Digest> m_manifest;
    QSet<Digest> m_newBlobs;
    std::optional<Digest> m_newLayer;
};

} // namespace berth
