#pragma once

// The host's side of `cp`: tar streams of a person's own files, read and written as that
// person (the CLI and the desktop app run as the user; the engine never opens host paths).
//
//     writeHostArchive("/home/me/site", "site", false, pipeFd, {});   // "site", "site/index.html"
//     extractHostArchive(pipeFd, "/home/me/copy", {});                // "site/..." lands as "copy/..."

#include "files/tarstreamout.h"
#include "result.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace berth {

// Bytes of file content so far; returning false stops with a Cancelled error.
using CopyProgress = std::function<bool(qint64)>;

// Writes the file or directory at `path` as a tar stream to `fd`, its first entry named
// `rootName` ("." to send a directory's contents) and everything below following it.  A symlink
// at `path` is followed only with `followLink`; symlinks below are kept as links.  With
// `passing` TheFile, a large file's own descriptor goes beside the stream (into a socket to the
// engine, which reads it with copy_file_range; files/passedcontent.h).
Result<qint64> writeHostArchive(const QString &path, const QByteArray &rootName, bool followLink, int fd,
                                const CopyProgress &progress, PassedContent passing);

struct ExtractOptions
{
    bool keepOwners = false; // as root only: the owners in the stream
    CopyProgress progress;
    // The stream comes from the engine, asked to pass large files' content beside it.
    bool acceptPassedContent = false;
};

// Reads a tar stream whose first entry is the root of what was copied and writes it so that
// this root lands at `target` (merged into a directory already there); the rest follows below
// it.  The same reader and TreeWriter as the engine's (files/tarunpacker.h), rooted at the
// target's directory: ".." is refused and no link, in the stream or already on disk, leads a
// write above that directory.  Owners are the person's unless `keepOwners` as root.
Result<qint64> extractHostArchive(int fd, const QString &target, const ExtractOptions &options);

} // namespace berth
