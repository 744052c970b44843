#include "fileops.h"

#include <QFile>
#include <QSaveFile>

#include <cerrno>
#include <fcntl.h>
#include <ftw.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace berth {
namespace {

int unlinkEntry(const char *path, const struct stat *, int type, struct FTW *)
{
    return type == FTW_DP ? ::rmdir(path) : ::unlink(path);
}

} // namespace

Result<void> writeFileAtomically(const QString &path, QByteArrayView bytes)
{
    // A temporary file, fsynced and renamed over `path`; the helper's umask keeps it 0600.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::unavailable(QStringLiteral("cannot write \"%1\": %2").arg(path, file.errorString()));
    if (file.write(bytes.data(), bytes.size()) != bytes.size() || !file.commit())
        return file.error() == QFileDevice::ResourceError
            ? Error::limitExceeded(QStringLiteral("cannot write \"%1\": the disk is full").arg(path))
            : Error::unavailable(QStringLiteral("cannot write \"%1\": %2").arg(path, file.errorString()));
    return fsyncDirectory(path.section(u'/', 0, -2));
}

Result<UniqueFd> openInRoot(int rootFd, const QByteArray &relative, int flags, int mode, Mounts mounts)
{
    open_how how{};
    how.flags = quint64(flags | O_CLOEXEC);
    how.mode = quint64(mode);
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS | (mounts == Mounts::Stay ? RESOLVE_NO_XDEV : 0);
    const char *name = relative.isEmpty() ? "." : relative.constData();
    for (int attempt = 0; attempt < 64; ++attempt) {
        const long fd = ::syscall(SYS_openat2, rootFd, name, &how, sizeof how);
        if (fd >= 0)
            return UniqueFd(int(fd));
        if (errno != EAGAIN && errno != EINTR)
            return Error::fromErrno(errno, QStringLiteral("open \"%1\"").arg(QString::fromUtf8(relative)));
    }
    return Error::conflict(
        QStringLiteral("open \"%1\": the path kept changing while it was resolved").arg(QString::fromUtf8(relative)));
}

Result<UniqueFd> openDirectory(const QString &path)
{
    UniqueFd fd(::open(QFile::encodeName(path).constData(), O_DIRECTORY | O_RDONLY | O_CLOEXEC));
    if (!fd)
        return Error::fromErrno(errno, QStringLiteral("open directory \"%1\"").arg(path));
    return fd;
}

bool isMountRoot(int dirFd, const QByteArray &name)
{
    struct statx st
    {
    };
    if (::statx(dirFd, name.constData(), AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &st) != 0)
        return false;
    return (st.stx_attributes_mask & STATX_ATTR_MOUNT_ROOT) && (st.stx_attributes & STATX_ATTR_MOUNT_ROOT);
}

Result<void> removeTree(const QString &path)
{
    if (::nftw(QFile::encodeName(path).constData(), unlinkEntry, 64, FTW_DEPTH | FTW_PHYS | FTW_MOUNT) != 0 && errno != ENOENT)
        return Error::fromErrno(errno, QStringLiteral("remove \"%1\"").arg(path));
    return {};
}

Result<void> fsyncDirectory(const QString &path)
{
    auto dir = openDirectory(path);
    if (!dir)
        return dir.error();
    if (::fsync(dir->get()) != 0)
        return Error::fromErrno(errno, QStringLiteral("fsync \"%1\"").arg(path));
    return {};
}

} // namespace berth
