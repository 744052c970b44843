#pragma once

// `berth-runtime exec`: one more process in a running container, as `docker exec` starts it:
// in the container's cgroup and every namespace of its first process, with the container's
// capabilities, no_new_privs and seccomp profile.

#include "process.h"

#include <sys/types.h>

namespace berth::runtime {

struct ExecOptions
{
    std::string bundle; // the container's bundle: capabilities, seccomp, user, environment
    pid_t pid = 0; // the container's first process
    unsigned long long pidStartTime = 0; // proves `pid` is still that process
    std::string cgroup;
    std::string seccompCache; // compiled seccomp filters (seccomp.h); empty: none
    std::vector<std::string> env; // added to the container's
    std::string cwd;
    std::optional<std::string> user;
    std::vector<std::string> args;
    bool tty = false; // a terminal made in the container; this process relays it to its stdio
    unsigned rows = 0, columns = 0;
    int resizeFd = -1; // TerminalSize records from the client, for the terminal
};

// Returns the command's exit code (128 + signal when killed), or throws RuntimeError.
int runExec(const ExecOptions &options);

} // namespace berth::runtime
