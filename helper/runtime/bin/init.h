#pragma once

// The container's first process, from clone(2) to execve(2): namespaces, the root filesystem,
// hostname, user, rlimits, capabilities, no_new_privs, seccomp, and the command.

#include "core/cgroups.h"
#include "core/spec.h"
#include "seccomp.h"

#include <map>

namespace berth::runtime {

struct InitChannels
{
    int sync = -1; // socket to the monitor: "go" arrives on it, an error leaves on it
    int stdinFd = -1;
    int stdoutFd = -1;
    int stderrFd = -1;
    std::map<std::string, int> joinNamespaces; // type -> fd of a namespace to enter
    bool bornInCgroup = false; // set by cloneContainerInit for the child
};

// clone(2) of the container's first process with `flags` (new namespaces).  On cgroup v2 the
// child is born in its cgroup (clone3 with CLONE_INTO_CGROUP, Linux 5.7), which no move can
// match: moving a process waits for an RCU grace period there.  Returns as fork(2) does.
long cloneContainerInit(int flags, const Cgroup &cgroup, InitChannels &channels);

// Never returns: execs the command, or reports on `sync` and exits with the error's code.
[[noreturn]] void runContainerInit(const Spec &spec, const Cgroup &cgroup, const InitChannels &channels,
                                   const std::optional<SeccompProgram> &seccomp);

// Maps "network" -> CLONE_NEWNET and so on; 0 for an unknown type.
int namespaceFlag(const std::string &type);

} // namespace berth::runtime
