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

// Whether busybox:latest is to be made: the tag is missing and the host has busybox (without
// it, says so in the log).
bool builtinImageWanted(const ImageStore &images, const BuiltinImageSources &sources = {});

// Creates and tags busybox:latest in the stores of the data root at dataRoot.  The engine has
// a short-lived process of its own do it (berth-helper --make-builtin-image), so that the
// code for writing and reading tar streams is never mapped into the engine for this.
Result<void> makeBuiltinImage(const QString &dataRoot, const BuiltinImageSources &sources = {});

} // namespace berth
