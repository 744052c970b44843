#pragma once

// Changes to single paths of a container for the desktop's file browser: a new directory, and
// removing a file or a whole tree.  Paths are found from the container's root like every other
// (treearchive.h); a removal walks descriptor by descriptor, never follows a symlink and never
// enters another mount (a volume mounted below is left alone: removing it is refused).

#include "result.h"

#include <QByteArray>

namespace berth {

Result<void> makeDirectoryInRoot(int rootFd, const QByteArray &path);
Result<void> removeInRoot(int rootFd, const QByteArray &path);

} // namespace berth
