#pragma once

// Small file helpers for the runtime binary, which links no Qt (the helper's own are in
// helper/system/fileops.h).

#include <string>
#include <sys/types.h>

namespace berth::runtime {

// Temporary file, then rename: a reader sees the old file or the new one, never half of one.
// No fsync: the runtime writes only into the run root, which a reboot clears anyway, and a
// crash of the helper or the monitor does not lose what the kernel already has.
void writeFileAtomic(const std::string &path, const std::string &content);

// Reads a regular file of at most `limit` bytes; throws otherwise.
std::string readSmallFile(const std::string &path, size_t limit = 1 << 20);

// Closes `fd` if open and marks it closed (-1).
void closeFd(int &fd);

// Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot.  With
// the pid it names one process for good, as a pid alone does not once it is reused.  0 if
// the process is gone.
unsigned long long processStartTime(pid_t pid);

} // namespace berth::runtime
