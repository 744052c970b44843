#include "rootedpath.h"

#include <QString>

#include <cerrno>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace berth {

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

bool isMountRoot(int dirFd, const QByteArray &name)
{
    struct statx st
    {
    };
    if (::statx(dirFd, name.constData(), AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &st) != 0)
        return false;
    return (st.stx_attributes_mask & STATX_ATTR_MOUNT_ROOT) && (st.stx_attributes & STATX_ATTR_MOUNT_ROOT);
}

} // namespace berth
