#pragma once

// The default seccomp profile of a Berth container, in the OCI format (linux.seccomp), so that
// berth-runtime, runc and crun all read the same bundle.  The idea is Docker's: an allowlist of
// the system calls ordinary programs make, everything else failing with EPERM, and a few more
// calls allowed when the container holds the capability that guards them anyway.

#include <nlohmann/json.hpp>

#include <QStringList>

namespace berth {

// `capabilities`: the container's bounding set, "CAP_SYS_ADMIN" and so on.
nlohmann::json defaultSeccompProfile(const QStringList &capabilities);

} // namespace berth
