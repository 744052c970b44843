#pragma once

// Writing an image's documents into the blob store: the config and an OCI manifest that names
// it and the layer blobs (their media types read from the blobs' first bytes).  Load, import
// and the built-in image all make images this way.
//
//     QSet<Digest> created;                                   // what did not exist before
//     auto config = storeDocument(blobs, configBytes, &created);
//     auto manifest = writeManifest(blobs, *config, layerBlobs, &created);

#include "image/digest.h"
#include "result.h"

#include <QList>
#include <QSet>

namespace berth {

class BlobStore;

// Stores `bytes` unless a blob with that content exists; `created` learns of a new blob.
Result<Digest> storeDocument(BlobStore &blobs, const QByteArray &bytes, QSet<Digest> *created = nullptr);

Result<Digest> writeManifest(BlobStore &blobs, const Digest &config, const QList<Digest> &layers,
                             QSet<Digest> *created = nullptr);

} // namespace berth
