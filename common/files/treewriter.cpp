#include "treewriter.h"

#include <QFile>
#include <QString>

#include <cerrno>
#include <fcntl.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace berth {
namespace {

QString shown(const QByteArray &path)
{
    return QString::fromUtf8(path);
}

Error failed(const char *operation, const QByteArray &path)
{
    return Error::fromErrno(errno, QStringLiteral("%1 \"%2\"").arg(QLatin1StringView(operation), shown(path)));
}

// Only these xattrs may come from an image: "trusted.overlay.*" would let a layer forge
// overlayfs metadata (opaque directories, redirects), and other namespaces are the host's.
bool xattrAllowed(const QByteArray &name)
{
    return name.startsWith("user.") || name == "security.capability";
}

} // namespace

Result<QByteArray> normalizeEntryPath(const QByteArray &path, int maxLength)
{
    if (path.size() > maxLength)
        return Error::invalidArgument(
            QStringLiteral("path \"%1…\" is longer than %2 bytes").arg(shown(path.left(64))).arg(maxLength));
    QList<QByteArray> kept;
    for (const QByteArray &component : path.split('/')) {
        if (component.isEmpty() || component == ".")
            continue;
        if (component == "..")
            return Error::invalidArgument(QStringLiteral("path \"%1\" climbs out of its tree with \"..\"").arg(shown(path)));
        kept << component;
    }
    return kept.join('/');
}

TreeWriter::TreeWriter(UniqueFd root, Mounts mounts)
    : m_root(std::move(root))
    , m_mounts(mounts)
{ }

TreeWriter TreeWriter::rootedAt(UniqueFd root, Mounts mounts)
{
    return TreeWriter(std::move(root), mounts);
}

Result<UniqueFd> TreeWriter::openBelow(const QByteArray &path, int flags) const
{
    return openInRoot(m_root.get(), path, flags, 0, m_mounts);
}

Result<TreeWriter> TreeWriter::open(const QString &dir)
{
    UniqueFd root(::open(QFile::encodeName(dir).constData(), O_DIRECTORY | O_RDONLY | O_CLOEXEC));
    if (!root)
        return Error::fromErrno(errno, QStringLiteral("open directory \"%1\"").arg(dir));
    return TreeWriter(std::move(root), Mounts::Stay);
}

Result<UniqueFd> TreeWriter::makeDirectories(const QByteArray &path)
{
    QByteArray prefix;
    auto current = openBelow({}, O_PATH | O_DIRECTORY);
    for (const QByteArray &component : path.split('/')) {
        if (!current)
            return current.error();
        if (component.isEmpty())
            continue;
        prefix += (prefix.isEmpty() ? "" : "/") + component;
        if (::mkdirat(current->get(), component.constData(), 0755) != 0 && errno != EEXIST)
            return failed("mkdir", prefix);
        current = openBelow(prefix, O_PATH | O_DIRECTORY);
    }
    return current;
}

Result<UniqueFd> TreeWriter::parentOf(const QByteArray &path, QByteArray *name)
{
    const qsizetype slash = path.lastIndexOf('/');
    *name = path.mid(slash + 1);
    if (name->isEmpty())
        return Error::invalidArgument(QStringLiteral("an entry names the layer's root directory as a file"));
    const QByteArray parent = slash < 0 ? QByteArray() : path.left(slash);
    auto fd = openBelow(parent, O_PATH | O_DIRECTORY);
    if (!fd && fd.error().kind() == ErrorKind::NotFound)
        return makeDirectories(parent);
    return fd;
}

Result<UniqueFd> TreeWriter::freeSlot(const QByteArray &path, QByteArray *name)
{
    auto parent = parentOf(path, name);
    if (!parent)
        return parent;
    if (auto cleared = clearSlot(parent->get(), *name, path); !cleared)
        return cleared.error();
    return parent;
}

Result<void> TreeWriter::clearSlot(int parentFd, const QByteArray &name, const QByteArray &path)
{
    struct stat st
    {
    };
    if (::fstatat(parentFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT ? Result<void>{} : Result<void>(failed("stat", path));
    if (m_mounts == Mounts::Cross && isMountRoot(parentFd, name))
        return Error::conflict(
            QStringLiteral("\"%1\" is a mount point (a volume or a bind mount); it cannot be replaced").arg(shown(path)));
    if (::unlinkat(parentFd, name.constData(), S_ISDIR(st.st_mode) ? AT_REMOVEDIR : 0) == 0) {
        // A directory gone: the one createFile keeps may have been it or below it.
        if (S_ISDIR(st.st_mode) && (m_lastParentPath == path || m_lastParentPath.startsWith(path + '/')))
            m_lastParent = UniqueFd();
        return {};
    }
    if (errno == ENOTEMPTY)
        return Error::conflict(QStringLiteral("\"%1\" would replace a directory that is not empty").arg(shown(path)));
    return failed("remove", path);
}

Result<void> TreeWriter::applyXattrs(int fd, const EntryMeta &meta, const QByteArray &path)
{
    for (const auto &[name, value] : meta.xattrs) {
        if (!xattrAllowed(name))
            continue;
        if (::fsetxattr(fd, name.constData(), value.constData(), size_t(value.size()), 0) != 0 && errno != ENOTSUP)
            return failed("set extended attribute on", path);
    }
    return {};
}

Result<void> TreeWriter::directory(const QByteArray &path, const EntryMeta &meta)
{
    if (path.isEmpty())
        return {}; // the layer root keeps the engine's own owner and mode
    QByteArray name;
    auto parent = parentOf(path, &name);
    if (!parent)
        return parent.error();
    struct stat st
    {
    };
    if (::fstatat(parent->get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR(st.st_mode))
        if (auto cleared = clearSlot(parent->get(), name, path); !cleared)
            return cleared;
    if (::mkdirat(parent->get(), name.constData(), 0700) != 0 && errno != EEXIST)
        return failed("mkdir", path);
    UniqueFd dir(::openat(parent->get(), name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dir)
        return failed("open", path);
    if (::fchown(dir.get(), meta.uid, meta.gid) != 0 || ::fchmod(dir.get(), meta.mode & 07777) != 0)
        return failed("set owner and mode of", path);
    m_directoryTimes.append({path, meta.mtime});
    return applyXattrs(dir.get(), meta, path);
}

Result<UniqueFd> TreeWriter::createFile(const QByteArray &path)
{
    // Files come one after another in the same directory: its fd is kept from one to the
    // next rather than looked up again for each (20,000 lookups for 20,000 files).  It is a
    // directory inside the root whatever happens to its path meanwhile, and it is forgotten
    // whenever this writer removes anything.
    QByteArray name;
    const qsizetype slash = path.lastIndexOf('/');
    const QByteArray parentPath = slash < 0 ? QByteArray() : path.left(slash);
    if (!m_lastParent || m_lastParentPath != parentPath) {
        auto parent = parentOf(path, &name);
        if (!parent)
            return parent.error();
        m_lastParent = std::move(*parent);
        m_lastParentPath = parentPath;
    }
    name = path.mid(slash + 1);
    const auto create = [&] {
        return UniqueFd(
            ::openat(m_lastParent.get(), name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    };
    UniqueFd fd = create();
    if (!fd && errno == EEXIST) { // something there already: replaced, as tar replaces it
        if (auto cleared = clearSlot(m_lastParent.get(), name, path); !cleared)
            return cleared.error();
        fd = create();
    }
    if (!fd)
        return failed("create", path);
    return fd;
}

void TreeWriter::discardFile(const QByteArray &path)
{
    const qsizetype slash = path.lastIndexOf('/');
    if (m_lastParent && m_lastParentPath == (slash < 0 ? QByteArray() : path.left(slash)))
        ::unlinkat(m_lastParent.get(), path.mid(slash + 1).constData(), 0);
}

Result<void> TreeWriter::finishFile(int fd, const EntryMeta &meta)
{
    // chown first: it clears set-user-ID and set-group-ID bits that fchmod then sets.
    if (::fchown(fd, meta.uid, meta.gid) != 0 || ::fchmod(fd, meta.mode & 07777) != 0)
        return Error::fromErrno(errno, QStringLiteral("set owner and mode"));
    if (auto xattrs = applyXattrs(fd, meta, {}); !xattrs)
        return xattrs;
    const timespec times[2] = {meta.mtime, meta.mtime};
    if (::futimens(fd, times) != 0)
        return Error::fromErrno(errno, QStringLiteral("set times"));
    return {};
}

Result<void> TreeWriter::symlink(const QByteArray &path, const QByteArray &target, const EntryMeta &meta)
{
    QByteArray name;
    auto parent = freeSlot(path, &name);
    if (!parent)
        return parent.error();
    // The target is stored as it is: it is never followed here, and inside a container it
    // resolves within the container's root.
    if (::symlinkat(target.constData(), parent->get(), name.constData()) != 0)
        return failed("symlink", path);
    const timespec times[2] = {meta.mtime, meta.mtime};
    if (::fchownat(parent->get(), name.constData(), meta.uid, meta.gid, AT_SYMLINK_NOFOLLOW) != 0
        || ::utimensat(parent->get(), name.constData(), times, AT_SYMLINK_NOFOLLOW) != 0)
        return failed("set owner and times of", path);
    return {};
}

Result<void> TreeWriter::hardlink(const QByteArray &path, const QByteArray &target)
{
    auto source = openBelow(target, O_PATH | O_NOFOLLOW);
    if (!source)
        return Error::invalidArgument(
            QStringLiteral("hard link \"%1\" points to \"%2\", which is not in the layer").arg(shown(path), shown(target)));
    struct stat st
    {
    };
    if (::fstat(source->get(), &st) != 0 || S_ISDIR(st.st_mode))
        return Error::invalidArgument(QStringLiteral("hard link \"%1\" points to a directory").arg(shown(path)));
    QByteArray name;
    auto parent = freeSlot(path, &name);
    if (!parent)
        return parent.error();
    if (::linkat(source->get(), "", parent->get(), name.constData(), AT_EMPTY_PATH) != 0)
        return failed("link", path);
    return {};
}

Result<void> TreeWriter::fifo(const QByteArray &path, const EntryMeta &meta)
{
    QByteArray name;
    auto parent = freeSlot(path, &name);
    if (!parent)
        return parent.error();
    if (::mknodat(parent->get(), name.constData(), S_IFIFO | 0600, 0) != 0)
        return failed("mkfifo", path);
    const timespec times[2] = {meta.mtime, meta.mtime};
    if (::fchownat(parent->get(), name.constData(), meta.uid, meta.gid, AT_SYMLINK_NOFOLLOW) != 0
        || ::utimensat(parent->get(), name.constData(), times, AT_SYMLINK_NOFOLLOW) != 0)
        return failed("set owner and times of", path);
    // The name is the FIFO just made in a directory only the engine writes to.
    if (::fchmodat(parent->get(), name.constData(), meta.mode & 07777, 0) != 0)
        return failed("chmod", path);
    return {};
}

Result<void> TreeWriter::whiteout(const QByteArray &path)
{
    QByteArray name;
    auto parent = freeSlot(path, &name);
    if (!parent)
        return parent.error();
    if (::mknodat(parent->get(), name.constData(), S_IFCHR | 0000, makedev(0, 0)) != 0)
        return failed("create whiteout", path);
    return {};
}

Result<void> TreeWriter::opaque(const QByteArray &directoryPath)
{
    auto made = directoryPath.isEmpty() ? openBelow({}, O_PATH | O_DIRECTORY) : makeDirectories(directoryPath);
    if (!made)
        return made.error();
    auto dir = openBelow(directoryPath, O_RDONLY | O_DIRECTORY);
    if (!dir)
        return dir.error();
    if (::fsetxattr(dir->get(), "trusted.overlay.opaque", "y", 1, 0) != 0)
        return failed("mark opaque", directoryPath);
    return {};
}

Result<void> TreeWriter::finish()
{
    for (auto it = m_directoryTimes.crbegin(); it != m_directoryTimes.crend(); ++it) {
        auto dir = openBelow(it->first, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
        if (!dir)
            continue; // replaced by a later entry; its own times were set then
        const timespec times[2] = {it->second, it->second};
        if (::futimens(dir->get(), times) != 0)
            return failed("set times of", it->first);
    }
    return {};
}

} // namespace berth
