#pragma once

// writeImageArchive: `docker save`: images as one tar on a file descriptor the caller opened.
// The archive is both a docker archive (manifest.json, read by `docker load`, `podman load`
// and skopeo's docker-archive transport) and an OCI image layout (oci-layout, index.json,
// blobs/sha256/<hex>), with each blob stored once.  Blobs are checked against their digests
// as they are copied out.

#include "image/imageref.h"
#include "result.h"

#include <QList>

#include <atomic>
#include <functional>

namespace berth {

class BlobStore;
struct ImageRecord;
class ImageStore;

struct SaveItem
{
    Digest manifest = Digest::ofBytes({});
    Digest config = Digest::ofBytes({});
    QList<Digest> layers;
    QStringList tags; // normalized references to write; empty for an image saved by id
};

struct SaveCallbacks
{
    std::function<void(qint64 bytesWritten, qint64 total)> progress;
    const std::atomic<bool> *cancelled = nullptr;
};

Result<void> writeImageArchive(int fd, const BlobStore &blobs, const QList<SaveItem> &items, const SaveCallbacks &callbacks);

} // namespace berth
