#pragma once

// unpackTar: reads a tar stream (plain, gzip, zstd or xz) from a file descriptor and writes its
// entries with a TreeWriter, streaming: the stream is never whole in memory nor copied to a
// temporary file.  The same reader serves layers (whiteouts become overlayfs whiteouts, the
// uncompressed bytes are hashed for the diff ID), copies into containers and copies onto the
// host (`cp`: plain files whatever their names, owners chosen by the caller, the root renamed).
//
// libarchive reads the tar format only, and the decompression runs in this process.  Any
// warning from libarchive is treated as an error.  Device nodes and sockets are skipped, and
// the limits below stop archive bombs.

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

class TreeWriter;

struct UnpackOptions
{
    UnpackLimits limits;
    bool layer = true; // the layer rules above; otherwise a copy's
    std::optional<std::pair<uid_t, gid_t>> owner; // every entry owned by this when set
    bool userXattrsOnly = false; // only user.* (a person cannot set security.capability)
    // Entry names (normalized) and hard link targets as the tree gets them; an error refuses
    // the entry.  None: as they are.
    std::function<Result<QByteArray>(const QByteArray &)> rename;
    // The number of input (compressed) bytes read so far, with any content passed beside the
    // stream; returning false stops the unpacking with a Cancelled error.
    std::function<bool(qint64)> progress;
    // A copy's stream from another of Berth's programs, on a socket: large files' content may
    // come beside it (files/passedcontent.h).  Otherwise an entry marked so is refused.
    bool acceptPassedContent = false;
};
Result<UnpackResult> unpackTar(int inputFd, TreeWriter &tree, const UnpackOptions &options);

} // namespace berth
