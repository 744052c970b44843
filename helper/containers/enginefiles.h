#pragma once

// The files the engine puts into every container's tree as mount points and mounts over (the
// /etc files it writes, --init's binary).  Docker keeps them in an "init" layer of its own;
// here `diff` does not show them and `commit` leaves them out.

namespace berth {

inline constexpr const char *kEngineFiles[] = {"etc/hostname", "etc/hosts", "etc/resolv.conf", "sbin/docker-init"};

} // namespace berth
