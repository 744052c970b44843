#pragma once

// The OCI runtime bundle of a container: config.json written from its record, with Docker's
// defaults for everything the person did not ask to change (capabilities, seccomp, masked and
// read-only paths, a fresh /dev, the resource limits).  berth-runtime runs it; so would runc or
// crun, given the root as a directory.

#include "containers/containerrecord.h"

#include <QStringList>

namespace berth {

struct BundleInputs
{
    QStringList lowerDirs; // the image's layers, top first
    QString upperDir;
    QString workDir;
    QString rootfs; // an empty directory the runtime mounts the overlay on
    QString hostsFile;
    QString hostnameFile;
    QString resolvConfFile;
    QString cgroupPath; // "/berth/<id>"
    qint64 defaultPidsLimit = 0;
    QString initBinary; // a static init on the host, for --init
    QString networkNamespace; // a namespace to join ("/proc/<pid>/fd/<n>"); empty: a new one
    // Host paths and volumes' directories, as the engine resolved -v and the image's VOLUMEs.
    struct BindMount
    {
        QString source;
        QString destination;
        bool readOnly = false;
        bool copyUp = false; // a volume: filled with the image's content there while empty
    };
    QList<BindMount> binds;
};

// Docker's default capability set.
QStringList defaultCapabilities();

// The capabilities the container's processes get: the default set changed by --cap-add and
// --cap-drop, or all this host can grant (its bounding set) with --privileged.
QStringList containerCapabilities(const ContainerSpec &spec);

// Whether this host can give what `host` asks of it: every --device a device node, every
// --cap-add in its capability bounding set.  The error says which cannot be had.
Result<void> checkHostGrants(const HostConfig &host);

// Whether the container's own seccomp profile, if any, reads as a profile.
Result<void> checkSeccompProfile(const ContainerSpec &spec);

Result<QByteArray> ociConfig(const ContainerRecord &record, const BundleInputs &inputs);

} // namespace berth
