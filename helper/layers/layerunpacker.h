#pragma once

// unpackLayer: reads a layer tarball (plain, gzip, zstd or xz) from a file descriptor and
// writes its entries into a directory with TreeWriter, streaming: the layer is never whole in
// memory nor copied to a temporary file.  The uncompressed bytes are hashed on the way, giving
// the layer's diff ID.
//
// libarchive reads the tar format only, and the decompression runs in this process.  Any
// warning from libarchive is treated as an error.  Whiteouts become overlayfs whiteouts,
// device nodes are skipped (a container's /dev is made fresh), and the limits below stop
// archive bombs.

#include "image/digest.h"
#include "result.h"

#include <QString>

#include <functional>
#include <optional>
#include <sys/types.h>

namespace berth {

struct UnpackLimits
{
    qint64 maxBytes = qint64(64) << 30; // uncompressed
    qint64 maxEntries = 1'000'000;
    int maxPathLength = 4096;
};

struct UnpackResult
{
    Digest diffId = Digest::ofBytes({});
    qint64 size = 0; // bytes of file content written
    qint64 entries = 0;
    qint64 skippedDevices = 0;
};

// `progress` receives the number of input (compressed) bytes read so far; returning false
// stops the unpacking with a Cancelled error.
Result<UnpackResult> unpackLayer(int inputFd, const QString &targetDir, const UnpackLimits &limits = {},
                                 const std::function<bool(qint64)> &progress = {});

class TreeWriter;

// The same reader for any tar stream into any tree.  A layer's entries follow the layer rules
// (whiteouts become overlayfs whiteouts, the stream is hashed for its diff ID); a copy's
// (`docker cp`) are plain files whatever their names, owned by `owner` unless it is empty.
struct UnpackOptions
{
    UnpackLimits limits;
    bool layer = true;
    std::optional<std::pair<uid_t, gid_t>> owner;
    std::function<bool(qint64)> progress;
};
Result<UnpackResult> unpackTar(int inputFd, TreeWriter &tree, const UnpackOptions &options);

} // namespace berth
