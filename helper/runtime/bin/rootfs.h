#pragma once

// The container's filesystem, built inside its new mount namespace: the root (an overlay of
// the image layers or a plain directory), the spec's mounts, a fresh /dev, pivot_root, and the
// masked and read-only paths.  Every destination is resolved inside the new root with openat2
// (RESOLVE_IN_ROOT), so a symlink in an image cannot aim a mount at the host.

#include "core/cgroups.h"
#include "core/spec.h"

#include <functional>

namespace berth::runtime {

// Everything up to and including pivot_root; afterwards "/" is the container's root.
// `enterCgroup` runs once, before the first cgroup mount (or before pivot_root when there is
// none): it waits until the monitor has moved this process into its cgroup, which takes an RCU
// grace period, so the mounts before it are made meanwhile.
void prepareRootfs(const Spec &spec, const CgroupLayout &cgroups, const std::function<void()> &enterCgroup);

// After pivot_root: masks, read-only paths, a read-only root.
void finishRootfs(const Spec &spec);

} // namespace berth::runtime
