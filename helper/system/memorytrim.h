#pragma once

// glibc keeps freed heap pages mapped until malloc_trim; after a container run that is about
// 1 MiB of the helper's resident memory, idle.  Each burst of work calls this; two seconds
// after the last call the freed pages go back to the system.  Main thread only.

namespace berth {

void trimMemoryWhenQuiet();

} // namespace berth
