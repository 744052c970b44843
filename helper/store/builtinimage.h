#pragma once

// The built-in image: busybox:latest made from the host's busybox-static, so Berth runs
// containers on a machine that has never seen a registry.
//
// It is a real single-layer OCI image (uncompressed layer, config with Cmd ["sh"] and PATH,
// one history entry).  Its files take the busybox binary's time, so the same Debian package
// gives the same image id on every machine.

#include "result.h"

#include <QString>

namespace berth {

class BlobStore;
class ImageStore;
class LayerStore;

struct BuiltinImageSources
{
    QString busybox = QStringLiteral("/bin/busybox");
};

// Creates and tags busybox:latest unless that tag exists.  Without busybox on the host it
// does nothing and says so in the log.
Result<void> ensureBuiltinImage(BlobStore &blobs, LayerStore &layers, ImageStore &images,
                                const BuiltinImageSources &sources = {});

} // namespace berth
