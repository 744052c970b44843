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
};

// Never returns: execs the command, or reports on `sync` and exits with the error's code.
[[noreturn]] void runContainerInit(const Spec &spec, const CgroupLayout &cgroups, const InitChannels &channels,
                                   const std::optional<SeccompProgram> &seccomp);

// Maps "network" -> CLONE_NEWNET and so on; 0 for an unknown type.
int namespaceFlag(const std::string &type);

} // namespace berth::runtime
