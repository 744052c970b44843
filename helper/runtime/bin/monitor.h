#pragma once

// The monitor: one small process per container that outlives the helper.  It starts the
// container, then execs berth-monitor (helper/runtime/monitor/), which reaps the container's
// first process, records the exit, writes the logs and serves attach.

#include "core/spec.h"

#include <string>

namespace berth::runtime {

struct MonitorOptions
{
    std::string id;
    std::string bundle;
    std::string stateDir; // state.json and exit.json are written here
    std::string seccompCache; // compiled seccomp filters (seccomp.h); empty: none
    std::string logPath; // empty: no log file
    uint64_t logMaxSize = 0;
    unsigned logMaxFiles = 1;
    bool openStdin = false; // keep the container's stdin open (docker's -i)
    int attachStdin = -1; // descriptors of a client attached from the start, or -1
    int attachStdout = -1;
    int attachStderr = -1;
    int attachResize = -1; // with a terminal: the client's stream of new sizes
};

// Runs in the forked monitor process.  Writes "ok" or "<code> <message>" to `status` once the
// container's command is running or has failed, then becomes berth-monitor.
[[noreturn]] void runMonitor(const MonitorOptions &options, int status);

} // namespace berth::runtime
