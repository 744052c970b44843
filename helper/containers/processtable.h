#pragma once

// What `docker top` shows of a container: its processes as `ps -ef` lists them, read from
// /proc of the host.

#include <QList>
#include <QVariantMap>

#include <sys/types.h>

#include <vector>

namespace berth {

// One map per process: UID, PID, PPID, C, STIME, TTY, TIME, CMD (strings, as ps prints them).
// Processes that end while they are read are left out.
QList<QVariantMap> processTable(const std::vector<pid_t> &pids);

} // namespace berth
