#include "fileutil.h"

#include "error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::runtime {

void writeFileAtomic(const std::string &path, const std::string &content)
{
    const std::string temporary = path + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        throwErrno("cannot write " + temporary);
    const bool written = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
    const int error = errno;
    ::close(fd);
    if (!written || ::rename(temporary.c_str(), path.c_str()) != 0) {
        errno = written ? errno : error;
        ::unlink(temporary.c_str());
        throwErrno("cannot write " + path);
    }
}

std::string readSmallFile(const std::string &path, size_t limit)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        throwErrno("cannot open " + path);
    struct stat st
    {
    };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw RuntimeError(path + " is not a regular file");
    }
    // Files in /proc say they are empty; read to the end instead of trusting st_size.
    std::string content;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) {
        content.append(buffer, static_cast<size_t>(n));
        if (content.size() > limit) {
            ::close(fd);
            throw RuntimeError(path + " is larger than " + std::to_string(limit) + " bytes");
        }
    }
    ::close(fd);
    return content;
}

void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

unsigned long long processStartTime(pid_t pid)
{
    std::string stat;
    try {
        stat = readSmallFile("/proc/" + std::to_string(pid) + "/stat", 4096);
    } catch (const RuntimeError &) {
        return 0;
    }
    // The command name (field 2) may hold spaces and parentheses; count from the last ')'.
    const auto close = stat.rfind(')');
    if (close == std::string::npos)
        return 0;
    size_t position = close + 2;
    for (int field = 3; field < 22; ++field) {
        position = stat.find(' ', position);
        if (position == std::string::npos)
            return 0;
        ++position;
    }
    return std::strtoull(stat.c_str() + position, nullptr, 10);
}

} // namespace berth::runtime
