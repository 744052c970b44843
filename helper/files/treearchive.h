#pragma once

// A container's files as `docker cp` and a file browser see them: paths looked up below a root
// directory (the container's "/") with openat2(RESOLVE_IN_ROOT), then walked descriptor by
// descriptor, never following a symlink.  However the container arranges its links, and even
// if it swaps a directory for a link while a copy runs, nothing outside its root is read.
//
//     auto info = statInRoot(rootFd, "/etc/hostname", false);
//     auto entries = listInRoot(rootFd, "/etc", 10000);
//     writeTreeArchive(rootFd, "/etc", outFd, {});   // "etc", "etc/hostname", ...

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QSet>

#include <functional>
#include <sys/stat.h>

namespace berth {

struct PathInfo
{
    QByteArray name; // the last component; "/" for the root
    mode_t mode = 0; // type and permission bits
    qint64 size = 0;
    uid_t uid = 0;
    gid_t gid = 0;
    timespec mtime{};
    QByteArray linkTarget; // of a symlink
};

// "a/./b/../c/" -> "a/c": ".." stops at the root, as it does inside the container.
QByteArray cleanContainerPath(const QByteArray &path);

// The file at `path`; a symlink there is described itself unless `followLink`.
Result<PathInfo> statInRoot(int rootFd, const QByteArray &path, bool followLink);

struct DirectoryListing
{
    QList<PathInfo> entries; // sorted by name
    bool truncated = false;
};
Result<DirectoryListing> listInRoot(int rootFd, const QByteArray &path, int limit);

struct TreeArchiveOptions
{
    bool followLink = false; // a symlink at `path` itself is followed (`cp -L`)
    // The tree is an overlayfs upper directory becoming a layer (`docker commit`): its
    // whiteouts (0/0 character devices) and opaque directories are written in the layer tar
    // form, ".wh.<name>" and ".wh..wh..opq".
    bool layerWhiteouts = false;
    // Entries left out, with what is below them: paths below the tree's root ("etc/hosts").
    QSet<QByteArray> skip;
    // Bytes so far (of file content into a descriptor, of the stream into a sink); returning
    // false stops the archive with a Cancelled error.
    std::function<bool(qint64)> progress;
    // Into a socket to Berth's CLI, which asked for it: large files' own descriptors beside the
    // stream (files/passedcontent.h).  The tree must be one whose files may be handed out
    // (openContainerRoot with RootUse::HandOut).
    bool passContent = false;
};

// Writes `path` as a tar stream to `outFd`: its first entry is named after the path's last
// component ("." for the root) and everything below it follows.  Directories of kernel file
// systems (/proc, /sys, ...) are written empty; device nodes and sockets are left out.
// Returns the bytes of file content written.
Result<qint64> writeTreeArchive(int rootFd, const QByteArray &path, int outFd, const TreeArchiveOptions &options);
Result<qint64> writeTreeArchive(int rootFd, const QByteArray &path, const std::function<Result<void>(QByteArrayView)> &sink,
                                const TreeArchiveOptions &options);

} // namespace berth
