#include "pendingimage.h"

#include "blobstore.h"
#include "imagestore.h"
#include "layers/layerstore.h"

namespace berth {

PendingImage::PendingImage(BlobStore &blobStore, LayerStore &layerStore, ImageStore &imageStore)
    : m_blobs(blobStore)
    , m_layers(layerStore)
    , m_images(imageStore)
{ }

Result<ImageRecord> PendingImage::registerImage(const Digest &manifest, const std::optional<ImageRef> &tag)
{
    auto image = m_images.add(manifest);
    if (!image) {
        discard();
        return image.error();
    }
    if (tag)
        if (auto tagged = m_images.tag(image->id, *tag); !tagged)
            return tagged.error();
    return image;
}

void PendingImage::discard()
{
    for (const Digest &layer : std::as_const(layers))
        if (!m_images.usesLayer(layer))
            (void)m_layers.remove(layer);
    for (const Digest &blob : std::as_const(blobs))
        if (!m_images.usesBlob(blob))
            (void)m_blobs.remove(blob);
}

} // namespace berth
