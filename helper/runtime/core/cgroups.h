#pragma once

// Control groups for one container, on the unified hierarchy (cgroup v2) or on the per-controller
// hierarchies of cgroup v1 (with or without a controller-less cgroup2 mount beside them, the
// "hybrid" layout).  Plain C++: used by berth-runtime to set a container up and by the helper
// to pause, measure and clean up.

#include "spec.h"

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace berth::runtime {

struct CgroupLayout
{
    bool unified = false; // cgroup v2 is mounted at the root
    std::string unifiedRoot; // e.g. /sys/fs/cgroup
    std::map<std::string, std::string> v1Roots; // controller -> mount point (v1)
    std::map<std::string, std::string> v1Mounts; // mount point -> mount options, for containers

    static CgroupLayout detect();
};

struct CgroupStats
{
    uint64_t memoryUsage = 0;
    uint64_t memoryLimit = 0; // 0: none
    uint64_t cpuUsageNanoseconds = 0;
    uint64_t pids = 0;
    uint64_t blockRead = 0; // bytes read from and written to block devices
    uint64_t blockWritten = 0;
};

class Cgroup
{
public:
    // `path` is absolute within each hierarchy, e.g. "/berth/<id>".
    Cgroup(CgroupLayout layout, std::string path);

    void create();
    void apply(const Resources &resources);
    // Moves the calling process, which must have one thread only, into the cgroup.  On v1 it
    // writes 0 to each hierarchy's `tasks`: a thread moving itself spares the kernel the global
    // lock that a move by pid takes, and taking that lock waits for an RCU grace period (5 to
    // 20 ms on an otherwise idle machine).  v2 moves only whole processes, with that lock; a
    // child is better born in its cgroup there (directoryForClone).
    void enterSelf() const;
    // The cgroup's directory on the unified hierarchy, opened for clone3's CLONE_INTO_CGROUP;
    // -1 on v1, where no such thing exists.  The caller closes it.
    int directoryForClone() const;
    void setFrozen(bool frozen);
    bool oomKilled() const;
    CgroupStats stats() const;
    // The processes in the cgroup, as the kernel lists them.
    std::vector<pid_t> processes() const;
    // Removes the cgroup directories; true when they are gone.  Processes still in them make it
    // fail, so the caller kills first.
    bool remove();

    const std::string &path() const { return m_path; }
    const CgroupLayout &layout() const { return m_layout; }

private:
    std::string directory(const std::string &controller) const;
    void write(const std::string &controller, const std::string &file, const std::string &value) const;
    std::string read(const std::string &controller, const std::string &file) const;
    void applyV2(const Resources &resources);
    void applyV1(const Resources &resources);
    void enableV2Controllers();

    CgroupLayout m_layout;
    std::string m_path;
};

// The cgroup of a process as the container runtime made it, from /proc/<pid>/cgroup; empty if
// the process is gone.
std::string cgroupOfProcess(pid_t pid, const CgroupLayout &layout);

} // namespace berth::runtime
