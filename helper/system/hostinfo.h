#pragma once

// HostInfo: facts about the machine the engine runs on, read once at start (and cheaply again
// for `berth info`): kernel, OS, CPUs, memory, cgroup layout, overlayfs support.

#include <QString>
#include <QStringList>

namespace berth {

struct CgroupLayout
{
    // "2" on a pure cgroup v2 (unified) host, "1" on a legacy or hybrid one, where the
    // controllers are mounted as v1 hierarchies (possibly beside an empty cgroup2 tree).
    QString version;
    QStringList controllers;
};

struct HostInfo
{
    QString kernelVersion;
    QString operatingSystem;
    QString architecture;
    QString hostName;
    int cpus = 0;
    quint64 memTotal = 0;
    bool overlaySupported = false;
    CgroupLayout cgroups;

    static HostInfo read();
};

CgroupLayout detectCgroups(const QString &cgroupRoot = QStringLiteral("/sys/fs/cgroup"));

} // namespace berth
