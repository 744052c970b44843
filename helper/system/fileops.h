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
// Moves the tree at `path` aside, under a hidden name beside it that starts with `asidePrefix`,
// and removes it on a worker thread: the name is free at once, and the caller does not wait
// on the disk, where each deleted file may wait for a discard (0.3 ms on this project's VM).
// The tree's owner removes what an engine that stopped first left aside (removeLeftovers),
// so a crash never leaves half a tree under its name. A missing tree is no error.
Result<void> removeTreeLater(const QString &path, const QString &asidePrefix = QStringLiteral(".removing-"));
// Removes each entry of `directory` whose name starts with `prefix`.
Result<void> removeLeftovers(const QString &directory, const QString &prefix = QStringLiteral(".removing-"));

Result<void> fsyncDirectory(const QString &path);

} // namespace berth
