#pragma once

// The device allowlist on cgroup v2, which has no devices.allow file: an eBPF program of type
// BPF_PROG_TYPE_CGROUP_DEVICE, attached to the container's cgroup, answers each mknod and
// open of a device node.  The same rules as v1's devices.allow and devices.deny, read as the
// OCI spec orders them: a later rule overrides an earlier one.  runc and crun do the same.

#include "spec.h"

#include <linux/bpf.h>

#include <vector>

namespace berth::runtime {

// The program's instructions for `rules`; what no rule matches is denied.
std::vector<bpf_insn> deviceFilterProgram(const std::vector<DeviceRule> &rules);

// Loads the program for `rules` and attaches it to the cgroup2 directory open as `cgroupFd`,
// beside any program an ancestor holds (both must allow).  Throws RuntimeError.
void attachDeviceFilter(int cgroupFd, const std::vector<DeviceRule> &rules);

} // namespace berth::runtime
