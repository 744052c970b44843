#pragma once

// TreeWriter: creates files, directories and links strictly inside one directory (a layer's
// diff directory), however hostile the paths and links it is given.
//
// Every path is resolved from the tree's root with openat2(RESOLVE_IN_ROOT): a symlink in the
// tree that points to "/etc" resolves to "<root>/etc", so no entry, link or whiteout can reach a
// file outside.  Paths arrive normalized (normalizeEntryPath): no "..", no leading "/".
//
//     auto tree = TreeWriter::open(diffDir);
//     auto fd = tree->createFile("usr/bin/tool");  ... write ... tree->finishFile(fd, meta);
//     tree->whiteout("etc/removed");               // overlayfs: a 0/0 character device
//     tree->finish();                              // directory times last

#include "files/rootedpath.h"
#include "result.h"
#include "system/uniquefd.h"

#include <QByteArray>
#include <QList>

#include <sys/stat.h>

namespace berth {

struct EntryMeta
{
    uid_t uid = 0;
    gid_t gid = 0;
    mode_t mode = 0644;
    timespec mtime{};
    QList<std::pair<QByteArray, QByteArray>> xattrs;
};

// "./a//b/" -> "a/b"; "/etc/x" -> "etc/x"; a ".." component is refused.
Result<QByteArray> normalizeEntryPath(const QByteArray &path, int maxLength);

class TreeWriter
{
public:
    static Result<TreeWriter> open(const QString &dir);
    // A tree that spans mounts, such as a directory of a container with its volumes.
    static TreeWriter rootedAt(UniqueFd root, Mounts mounts);

    Result<void> directory(const QByteArray &path, const EntryMeta &meta);
    Result<UniqueFd> createFile(const QByteArray &path);
    Result<void> finishFile(int fd, const EntryMeta &meta);
    // Removes the file createFile(path) just made, whose content could not be written whole.
    void discardFile(const QByteArray &path);
    Result<void> symlink(const QByteArray &path, const QByteArray &target, const EntryMeta &meta);
    Result<void> hardlink(const QByteArray &path, const QByteArray &target);
    Result<void> fifo(const QByteArray &path, const EntryMeta &meta);
    // overlayfs forms: a 0/0 character device hides a lower file, an xattr makes a directory opaque.
    Result<void> whiteout(const QByteArray &path);
    Result<void> opaque(const QByteArray &directoryPath);
    // Sets directory times, which creating their children changed.
    Result<void> finish();

private:
    TreeWriter(UniqueFd root, Mounts mounts);
    Result<UniqueFd> openBelow(const QByteArray &path, int flags) const;
    Result<UniqueFd> parentOf(const QByteArray &path, QByteArray *name);
    Result<UniqueFd> makeDirectories(const QByteArray &path);
    Result<void> clearSlot(int parentFd, const QByteArray &name, const QByteArray &path);
    // The parent directory of `path`, with nothing left at its name.
    Result<UniqueFd> freeSlot(const QByteArray &path, QByteArray *name);
    Result<void> applyXattrs(int fd, const EntryMeta &meta, const QByteArray &path);

    UniqueFd m_root;
    Mounts m_mounts;
    UniqueFd m_lastParent; // the directory of the last file created, kept for the next
    QByteArray m_lastParentPath;
    QList<std::pair<QByteArray, timespec>> m_directoryTimes;
};

} // namespace berth
