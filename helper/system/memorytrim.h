#pragma once

// glibc keeps freed heap pages mapped until malloc_trim; after a container run that is about
// 1 MiB of the helper's resident memory, idle.  Each burst of work calls this; two seconds
// after the last call the freed pages go back to the system.  Main thread only.

namespace berth {

void trimMemoryWhenQuiet();

// One malloc arena for all threads; called before the first thread starts. Otherwise each
// of the engine's other threads (the bus's, a network namespace's setup, a job's worker) gets
// an arena whose pages stay resident for whatever is still allocated there: 0.1 MiB in the
// containers benchmark. Those threads seldom allocate at the same moment as the main one.
void shareOneHeapAmongThreads();

} // namespace berth
