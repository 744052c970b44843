#include "passedstream.h"

#include <fcntl.h>
#include <sys/stat.h>

namespace berth {

Result<UniqueFd> passedStream(const QDBusUnixFileDescriptor &passed, bool forWriting)
{
    if (!passed.isValid())
        return Error::invalidArgument(QStringLiteral("no file descriptor was passed"));
    struct stat st
    {
    };
    if (::fstat(passed.fileDescriptor(), &st) != 0)
        return Error::fromErrno(errno, QStringLiteral("fstat the passed file descriptor"));
    // A character device too: the caller's /dev/null or terminal, which the caller may use anyway.
    if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode) && !S_ISCHR(st.st_mode))
        return Error::invalidArgument(
            QStringLiteral("the passed file descriptor must be a file, a pipe, a socket or a character device"));
    const int flags = ::fcntl(passed.fileDescriptor(), F_GETFL);
    const int refused = forWriting ? O_RDONLY : O_WRONLY;
    if (flags < 0 || (flags & O_ACCMODE) == refused)
        return Error::invalidArgument(forWriting ? QStringLiteral("the passed file descriptor is not open for writing")
                                                 : QStringLiteral("the passed file descriptor is not open for reading"));
    UniqueFd own(::fcntl(passed.fileDescriptor(), F_DUPFD_CLOEXEC, 3));
    if (!own)
        return Error::fromErrno(errno, QStringLiteral("duplicate the passed file descriptor"));
    return own;
}

} // namespace berth
