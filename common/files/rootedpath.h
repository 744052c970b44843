#pragma once

// Opening a path strictly inside a directory tree, however the tree's links are arranged: the
// one way Berth looks up paths in layers, containers and a person's copy targets.

#include "result.h"
#include "system/uniquefd.h"

#include <QByteArray>

namespace berth {

// Opens `relative` below the directory `rootFd` with openat2(RESOLVE_IN_ROOT |
// RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV): symlinks resolve as if rootFd were "/", so no
// path, however crafted, leaves the tree.  Retries while the kernel reports a concurrent
// rename (EAGAIN).  A container's files span mounts (its volumes): `mounts` Cross lets the walk
// enter them, still rooted at rootFd.
enum class Mounts { Stay, Cross };
Result<UniqueFd> openInRoot(int rootFd, const QByteArray &relative, int flags, int mode = 0, Mounts mounts = Mounts::Stay);

// Whether `name` in the directory is the root of a mount (a volume, a bind-mounted file).  The
// kernel lets a process unlink a mount point of another mount namespace (a container's) and
// then detaches the mount: whatever removes entries of a tree that spans mounts checks this.
bool isMountRoot(int dirFd, const QByteArray &name);

} // namespace berth
