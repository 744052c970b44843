#pragma once

// Where a container's files are, for copying and browsing.
//
// A running container's "/" is its first process's root, reached through /proc/<pid>/root with
// the process pinned by its pidfd: the overlay, volumes and bind mounts exactly as the
// container sees them, read-only where it has them read-only.
//
// A container that does not run has no mounts.  The worker thread then moves into a mount
// namespace of its own (unshare(CLONE_FS | CLONE_NEWNS), nothing propagating back), mounts the
// container's overlay there with its upper directory, makes missing mount points as the
// runtime would, binds the volumes at their places, and makes it all read-only unless it
// writes.  The engine holds the container meanwhile: it cannot start, and no second copy
// mounts the same upper directory.  Export needs no volumes: it stacks the upper directory as
// one more read-only layer and holds nothing, so it works while the container runs.
//
// openContainerRoot() must run on a thread that ends after the work: for a stopped container it
// changes that thread's namespace for good.

#include "result.h"
#include "system/uniquefd.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace berth {

struct ContainerFiles
{
    QString id;
    // Running: the first process and its pidfd.
    int pid = 0;
    std::shared_ptr<UniqueFd> pidfd;
    // Not running (and always for export): the layers.
    QStringList lowerDirs; // top first
    QString upperDir;
    QString workDir;
    QString mountPoint; // an empty directory of the engine's
    bool readOnlyRoot = false;
    struct Bind
    {
        QString source;
        QString destination;
        bool readOnly = false;
    };
    QList<Bind> binds;
};

enum class RootUse {
    Read, // copy out, browse
    HandOut, // copy out with files' own descriptors handed to the caller (sealed, see below)
    Write, // copy in
    Export, // the container's own files only: no volumes, no binds, even while it runs
};

// With RootUse::HandOut the root is a detached copy of the container's mount tree on which
// nothing can be written, executed, made setuid or opened as a device (open_tree, mount_setattr:
// read-only, noexec, nosuid, nodev): descriptors of its files can be handed to a caller, who
// can read them and do nothing else with them.  A running container's tree is copied from
// inside its mount namespace, which this thread enters for that moment.
Result<UniqueFd> openContainerRoot(const ContainerFiles &files, RootUse use);

// A stopped container's overlay is mounted for copies and browsing with "volatile": its end
// then does not sync the whole disk (the copy's data is written back like any other, as `cp`
// leaves it), which made a copy into a stopped container take 0.1 s to 2 s longer.  The kernel
// marks the work directory (work/incompat/volatile) and refuses it to later mounts until the
// mark is gone, so every mount of the container's overlay clears it first.  Data a copy wrote
// just before the machine itself stopped may be lost, as with any unsynced write.
void clearVolatileMark(const QString &workDir);

} // namespace berth
