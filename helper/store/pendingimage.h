#pragma once

// PendingImage: what a job adds to the stores on its way to one image (blobs, layers), so that
// at the end the image is registered and tagged all at once, or everything the job added that
// no image uses is removed again.  Import, commit and pull share it.
//
//     PendingImage pending(blobs, layers, images);
//     pending.blobs << digest;  pending.layers << chainId;       // on the worker thread
//     auto image = pending.registerImage(manifest, tag);         // on the engine's thread

#include "image/digest.h"
#include "image/imageref.h"
#include "result.h"

#include <QList>
#include <QSet>

#include <optional>

namespace berth {

class BlobStore;
class ImageStore;
class LayerStore;
struct ImageRecord;

struct PendingImage
{
    PendingImage(BlobStore &blobStore, LayerStore &layerStore, ImageStore &imageStore);

    // Registers the image its manifest describes and gives it the tag, if any; on failure,
    // discards.
    Result<ImageRecord> registerImage(const Digest &manifest, const std::optional<ImageRef> &tag);
    void discard();

    QSet<Digest> blobs;
    QList<Digest> layers; // chain IDs

private:
    BlobStore &m_blobs;
    LayerStore &m_layers;
    ImageStore &m_images;
};

} // namespace berth
