#pragma once

// The last steps of every process Berth starts in a container, its first one (init.cpp) and
// those of `exec` (exec.cpp): user and groups from the container's own files, rlimits, the
// working directory, capabilities, no_new_privs, descriptors closed, seccomp, execve.

#include "core/spec.h"
#include "seccomp.h"

#include <optional>
#include <string>
#include <vector>

namespace berth::runtime {

struct Command
{
    std::vector<std::string> args;
    std::vector<std::string> env;
    std::string cwd;
    std::optional<std::string> user; // "name[:group]"; unset: the container's own user
};

// Default signal dispositions, nothing blocked, umask 022.
void resetProcessState();

// Runs in the container's namespaces and root.  Never returns: execs the command or throws
// RuntimeError with docker's message and exit code.
// `seccomp`: the spec's profile, compiled before the process entered the container.
[[noreturn]] void becomeTheCommand(const Spec &spec, const Command &command, const std::optional<SeccompProgram> &seccomp);

} // namespace berth::runtime
