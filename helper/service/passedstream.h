#pragma once

// A file descriptor handed in over D-Bus for a stream: a pipe, a socket or a regular file, open
// in the direction the engine needs.  Anything else (a directory, a device, the wrong mode) is
// refused.  The engine keeps its own duplicate, close-on-exec.

#include "result.h"
#include "system/uniquefd.h"

#include <QDBusUnixFileDescriptor>

namespace berth {

Result<UniqueFd> passedStream(const QDBusUnixFileDescriptor &passed, bool forWriting);

} // namespace berth
