#pragma once

// Whether a descriptor's file lives on one of the kernel's own file systems (proc, sysfs,
// cgroup, debugfs, ...): views of the kernel, endless or sensitive, some of whose files answer
// a reader by the reader's privileges.  A walk of a container's tree does not enter them, and
// the engine reads none that a caller passes it.

namespace berth {

bool onKernelFileSystem(int fd);

} // namespace berth
