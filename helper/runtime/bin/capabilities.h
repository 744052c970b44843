#pragma once

// Capability sets by their OCI names ("CAP_CHOWN", ...), applied with capset(2) and prctl(2).

#include "core/spec.h"

namespace berth::runtime {

// Drops from the bounding set every capability the spec does not name; needs CAP_SETPCAP, so it
// runs before the user changes.
void limitBoundingSet(const Capabilities &capabilities);

// Sets effective, permitted and inheritable, then the ambient set.  Runs after the uid change
// (with PR_SET_KEEPCAPS, so permitted survives it).
void applyCapabilities(const Capabilities &capabilities);

// -1 when the name is unknown.
int capabilityNumber(const std::string &name);

} // namespace berth::runtime
