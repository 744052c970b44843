#pragma once

// The OCI seccomp profile (linux.seccomp) compiled into a filter with libseccomp.

#include "core/spec.h"

namespace berth::runtime {

// Loads the filter into the calling thread; the last step before execve.  Syscall names this
// kernel or architecture does not know are skipped, as runc and crun do.
void loadSeccomp(const Seccomp &profile);

} // namespace berth::runtime
