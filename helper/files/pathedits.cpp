#include "pathedits.h"

#include "files/rootedpath.h"
#include "treearchive.h"

#include <QList>

#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth {
namespace {

constexpr int kMaxDepth = 256;

QString shown(const QByteArray &path)
{
    return u'/' + QString::fromUtf8(path);
}

// The directory holding `cleaned` (found from the root, symlinks resolved inside it) and the
// name in it.
Result<UniqueFd> parentOf(int rootFd, const QByteArray &cleaned, QByteArray *name)
{
    if (cleaned.isEmpty())
        return Error::invalidArgument(QStringLiteral("the container's root directory cannot be changed"));
    const qsizetype slash = cleaned.lastIndexOf('/');
    *name = cleaned.mid(slash + 1);
    auto parent = openInRoot(rootFd, slash < 0 ? QByteArray() : cleaned.left(slash), O_PATH | O_DIRECTORY, 0, Mounts::Cross);
    if (!parent && parent.error().kind() == ErrorKind::NotFound)
        return Error::notFound(
            QStringLiteral("%1: no such directory").arg(shown(slash < 0 ? QByteArray() : cleaned.left(slash))));
    return parent;
}

Result<void> removeEntry(int dirFd, const QByteArray &name, const QByteArray &path, int depth)
{
    struct stat st
    {
    };
    if (::fstatat(dirFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT ? Result<void>{}
                               : Result<void>(Error::fromErrno(errno, QStringLiteral("stat %1").arg(shown(path))));
    if (isMountRoot(dirFd, name))
        return Error::conflict(
            QStringLiteral("%1 is a mount point (a volume or a bind mount); it cannot be removed").arg(shown(path)));
    if (S_ISDIR(st.st_mode)) {
        if (depth > kMaxDepth)
            return Error::limitExceeded(QStringLiteral("%1 is more than %2 directories deep").arg(shown(path)).arg(kMaxDepth));
        const int fd = ::openat(dirFd, name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        DIR *dir = fd < 0 ? nullptr : ::fdopendir(fd);
        if (!dir) {
            if (fd >= 0)
                ::close(fd);
            return Error::fromErrno(errno, QStringLiteral("open %1").arg(shown(path)));
        }
        QList<QByteArray> children;
        while (const dirent *d = ::readdir(dir))
            if (qstrcmp(d->d_name, ".") != 0 && qstrcmp(d->d_name, "..") != 0)
                children << QByteArray(d->d_name);
        Result<void> removed;
        for (const QByteArray &child : std::as_const(children))
            if (removed = removeEntry(::dirfd(dir), child, path + '/' + child, depth + 1); !removed)
                break;
        ::closedir(dir);
        if (!removed)
            return removed;
    }
    if (::unlinkat(dirFd, name.constData(), S_ISDIR(st.st_mode) ? AT_REMOVEDIR : 0) != 0 && errno != ENOENT)
        return Error::fromErrno(errno, QStringLiteral("remove %1").arg(shown(path)));
    return {};
}

} // namespace

Result<void> makeDirectoryInRoot(int rootFd, const QByteArray &path)
{
    QByteArray name;
    auto parent = parentOf(rootFd, cleanContainerPath(path), &name);
    if (!parent)
        return parent.error();
    if (::mkdirat(parent->get(), name.constData(), 0755) != 0)
        return errno == EEXIST ? Error::conflict(QStringLiteral("%1 already exists").arg(shown(cleanContainerPath(path))))
                               : Error::fromErrno(errno, QStringLiteral("mkdir %1").arg(shown(cleanContainerPath(path))));
    return {};
}

Result<void> removeInRoot(int rootFd, const QByteArray &path)
{
    const QByteArray cleaned = cleanContainerPath(path);
    QByteArray name;
    auto parent = parentOf(rootFd, cleaned, &name);
    if (!parent)
        return parent.error();
    if (::faccessat(parent->get(), name.constData(), F_OK, AT_SYMLINK_NOFOLLOW) != 0)
        return Error::notFound(QStringLiteral("%1: no such file or directory").arg(shown(cleaned)));
    return removeEntry(parent->get(), name, cleaned, 0);
}

} // namespace berth
