#pragma once

// File operations the stores share: atomic writes (temporary file, fsync, rename, fsync of the
// directory) and opening a path strictly inside a directory tree.

#include "result.h"
#include "uniquefd.h"

#include <QByteArray>
#include <QString>

namespace berth {

// Writes `bytes` to `path` so that after a crash the file is either the old one or the new one.
Result<void> writeFileAtomically(const QString &path, QByteArrayView bytes);

// Opens `relative` below the directory `rootFd` with openat2(RESOLVE_IN_ROOT |
// RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV): symlinks resolve as if rootFd were "/", so no
// path, however crafted, leaves the tree.  Retries while the kernel reports a concurrent
// rename (EAGAIN).  A container's files span mounts (its volumes): `crossMounts` lets the walk
// enter them, still rooted at rootFd.
enum class Mounts { Stay, Cross };
Result<UniqueFd> openInRoot(int rootFd, const QByteArray &relative, int flags, int mode = 0, Mounts mounts = Mounts::Stay);

Result<UniqueFd> openDirectory(const QString &path);

// Whether `name` in the directory is the root of a mount (a volume, a bind-mounted file).  The
// kernel lets a process unlink a mount point of another mount namespace (a container's) and
// then detaches the mount: whatever removes entries of a container checks this first.
bool isMountRoot(int dirFd, const QByteArray &name);

// Removes a directory tree without following symlinks out of it.
Result<void> removeTree(const QString &path);

Result<void> fsyncDirectory(const QString &path);

} // namespace berth
