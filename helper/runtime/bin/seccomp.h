#pragma once

// The OCI seccomp profile (linux.seccomp) compiled into a BPF filter with libseccomp.
//
// Compiling Docker's default profile took libseccomp about 10 ms, a quarter of a container's
// start, for the same few profiles every time.  So a compiled program is kept in a cache
// directory of the engine's run root (root's alone, cleared by a reboot), named by a hash of
// the profile and holding the whole profile text beside the program: a program is reused only
// for exactly the profile it was made from, by the same libseccomp version.

#include "core/spec.h"

#include <linux/filter.h>
#include <string>
#include <vector>

namespace berth::runtime {

using SeccompProgram = std::vector<sock_filter>;

// The filter for `profile`, from `cacheDir` when it was compiled before (an empty dir: no
// cache).  Syscall names this kernel or architecture does not know are skipped, as runc and
// crun do.  Runs before the container's process is cloned, where the host's files are seen.
SeccompProgram compileSeccomp(const Seccomp &profile, const std::string &cacheDir);

// Loads the filter into the calling thread; the last step before execve.  Sets no_new_privs
// first, as libseccomp's loader does.
void loadSeccomp(const SeccompProgram &program);

} // namespace berth::runtime
