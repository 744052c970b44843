#include "imagedocuments.h"

#include "blobstore.h"
#include "image/imagetypes.h"

namespace berth {

Result<Digest> storeDocument(BlobStore &blobs, const QByteArray &bytes, QSet<Digest> *created)
{
    const Digest digest = Digest::ofBytes(bytes);
    if (blobs.contains(digest))
        return digest;
    auto written = blobs.writeDocument(bytes);
    if (written && created)
        created->insert(*written);
    return written;
}

Result<Digest> writeManifest(BlobStore &blobs, const Digest &config, const QList<Digest> &layers, QSet<Digest> *created)
{
    oci::Manifest manifest;
    manifest.config = {oci::media::kConfig, config, blobs.sizeOf(config), std::nullopt, {}, oci::Json::object()};
    for (const Digest &layer : layers)
        manifest.layers << oci::Descriptor{
            oci::layerMediaType(blobs.head(layer, 4)), layer, blobs.sizeOf(layer), std::nullopt, {}, oci::Json::object()};
    return storeDocument(blobs, manifest.serialize(), created);
}

} // namespace berth
