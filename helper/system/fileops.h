#pragma once

// File operations the stores share: atomic writes (temporary file, fsync, rename, fsync of the
// directory); opening a path strictly inside a directory tree is files/rootedpath.h.

#include "files/rootedpath.h"
#include "result.h"
#include "system/uniquefd.h"

#include <QByteArray>
#include <QString>

namespace berth {

// Writes `bytes` to `path` so that after a crash the file is either the old one or the new one.
Result<void> writeFileAtomically(const QString &path, QByteArrayView bytes);
// The same without syncing: a reader, or the helper after a crash of its own, finds the old
// file or the new one, but a power loss may leave either, or a file cut short.  For files
// whose loss is tolerated by their reader.
Result<void> replaceFileUnsynced(const QString &path, QByteArrayView bytes);

Result<UniqueFd> openDirectory(const QString &path);

// Removes a directory tree without following symlinks out of it.
Result<void> removeTree(const QString &path);

Result<void> fsyncDirectory(const QString &path);

} // namespace berth
