#pragma once

// The default seccomp profile of a Berth container, in the OCI format (linux.seccomp), so that
// berth-runtime, runc and crun all read the same bundle.  The idea is Docker's: an allowlist of
// the system calls ordinary programs make, everything else failing with EPERM, and a few more
// calls allowed when the container holds the capability that guards them anyway.

#include "result.h"

#include <nlohmann/json.hpp>

#include <QStringList>

namespace berth {

// `capabilities`: the container's bounding set, "CAP_SYS_ADMIN" and so on.
nlohmann::json defaultSeccompProfile(const QStringList &capabilities);

// A profile in docker's format (--security-opt seccomp=profile.json) as linux.seccomp: the
// rules whose includes and excludes fit this machine's architecture and `capabilities`, the
// architectures of its archMap entry for this machine (or its own list).
Result<nlohmann::json> seccompFromDockerProfile(const QByteArray &profile, const QStringList &capabilities);

} // namespace berth
