#include "passedcontent.h"

#include "system/kernelfilesystems.h"
#include "system/rightsmessage.h"

#include <archive.h>
#include <archive_entry.h>

#include <QByteArray>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth {
namespace {

constexpr size_t kReadBuffer = 256 * 1024;
constexpr int kMaxDescriptorsPerMessage = 8;
// Descriptors received but not yet taken: a sender that passes more than the entries it names
// is refused before it can fill the descriptor table.
constexpr size_t kMaxPendingDescriptors = 64;
constexpr size_t kCopyChunk = 16 * 1024 * 1024; // between progress reports

Error shortContent(qint64 copied, qint64 size)
{
    return Error::invalidArgument(
        QStringLiteral("the content passed beside the stream ended after %1 of %2 bytes").arg(copied).arg(size));
}

// One step from a regular file, in the kernel; sendfile where the two file systems cannot
// copy_file_range between them.
ssize_t copyFromFile(int from, int to, off_t &in, off_t &out, size_t length)
{
    ssize_t n = ::copy_file_range(from, &in, to, &out, length, 0);
    if (n >= 0 || (errno != EXDEV && errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP))
        return n;
    if (::lseek(to, out, SEEK_SET) < 0)
        return -1;
    n = ::sendfile(to, from, &in, length);
    if (n > 0)
        out += n;
    return n;
}

} // namespace

void markPassedContent(archive_entry *entry, qint64 size)
{
    const QByteArray value = QByteArray::number(size);
    archive_entry_set_size(entry, 0);
    archive_entry_xattr_add_entry(entry, kPassedSizeAttribute, value.constData(), size_t(value.size()));
}

Result<std::optional<qint64>> passedContentSize(archive_entry *entry)
{
    const char *name = nullptr;
    const void *value = nullptr;
    size_t length = 0;
    archive_entry_xattr_reset(entry);
    while (archive_entry_xattr_next(entry, &name, &value, &length) == ARCHIVE_OK) {
        if (std::strcmp(name, kPassedSizeAttribute) != 0)
            continue;
        const char *text = static_cast<const char *>(value);
        qint64 size = -1;
        const auto [end, error] = std::from_chars(text, text + length, size);
        if (error != std::errc() || end != text + length || size < 0 || archive_entry_size(entry) != 0
            || archive_entry_filetype(entry) != AE_IFREG)
            return Error::invalidArgument(QStringLiteral("an entry marks content passed beside the stream wrongly"));
        return std::optional<qint64>(size);
    }
    return std::optional<qint64>();
}

Result<void> sendWithDescriptor(int socket, const char *data, size_t length, int fd)
{
    if (length == 0) // a stream socket carries a descriptor only with a byte to hold it
        return Error::internal(QStringLiteral("a descriptor cannot be passed without bytes"));
    RightsMessage rights(data, length, fd);
    msghdr &message = rights.message;
    iovec &part = rights.part;
    // The descriptor goes with the first part; the rest follows as plain bytes.
    while (length > 0 || message.msg_controllen > 0) {
        const ssize_t sent = ::sendmsg(socket, &message, MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent < 0)
            return Error::fromErrno(errno, QStringLiteral("write the tar stream"));
        message.msg_control = nullptr;
        message.msg_controllen = 0;
        part.iov_base = static_cast<char *>(part.iov_base) + sent;
        part.iov_len -= size_t(sent);
        length -= size_t(sent);
    }
    return {};
}

Result<void> copyPassedContent(int from, int to, qint64 size, const std::function<Result<void>(qint64)> &progress)
{
    struct stat st = {};
    if (::fstat(from, &st) != 0)
        return Error::fromErrno(errno, QStringLiteral("the content passed beside the stream"));
    if (!S_ISREG(st.st_mode))
        return Error::invalidArgument(QStringLiteral("the content passed beside the stream is not a file"));
    if (onKernelFileSystem(from))
        return Error::invalidArgument(QStringLiteral("the content passed beside the stream is a file of the kernel's own"));
    if (st.st_size < size)
        return shortContent(st.st_size, size);
    off_t in = 0, out = 0;
    qint64 reported = 0;
    while (out < size) {
        const size_t length = size_t(std::min<qint64>(size - out, qint64(kCopyChunk)));
        const ssize_t n = copyFromFile(from, to, in, out, length);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return Error::fromErrno(errno, QStringLiteral("copy the content passed beside the stream"));
        if (n == 0)
            return shortContent(out, size);
        if (progress && (out - reported >= qint64(kCopyChunk) || out == size)) {
            reported = out;
            if (auto going = progress(out); !going)
                return going;
        }
    }
    return {};
}

int PassedContentReader::open(archive *tar)
{
    m_buffer.reset(new char[kReadBuffer]);
    return archive_read_open(tar, this, nullptr, &PassedContentReader::read, nullptr);
}

Result<UniqueFd> PassedContentReader::take()
{
    if (m_passed.empty())
        return Error::invalidArgument(QStringLiteral("the stream names content passed beside it, but none came"));
    UniqueFd fd = std::move(m_passed.front());
    m_passed.pop_front();
    return fd;
}

ssize_t PassedContentReader::read(archive *a, void *self, const void **block)
{
    auto &reader = *static_cast<PassedContentReader *>(self);
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * kMaxDescriptorsPerMessage)];
    iovec part{reader.m_buffer.get(), kReadBuffer};
    msghdr message{};
    message.msg_iov = &part;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = sizeof control;
    ssize_t n;
    while ((n = ::recvmsg(reader.m_socket, &message, MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR) { }
    if (n < 0) {
        archive_set_error(a, errno, "%s", std::strerror(errno));
        return -1;
    }
    for (cmsghdr *header = CMSG_FIRSTHDR(&message); header; header = CMSG_NXTHDR(&message, header)) {
        if (header->cmsg_level != SOL_SOCKET || header->cmsg_type != SCM_RIGHTS)
            continue;
        const size_t count = (header->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (size_t i = 0; i < count; ++i) {
            int fd = -1;
            std::memcpy(&fd, CMSG_DATA(header) + i * sizeof(int), sizeof fd);
            reader.m_passed.emplace_back(fd);
        }
    }
    if ((message.msg_flags & MSG_CTRUNC) || reader.m_passed.size() > kMaxPendingDescriptors) {
        reader.m_error = Error::invalidArgument(QStringLiteral("more descriptors came with the stream than its entries name"));
        archive_set_error(a, EINVAL, "too many descriptors passed");
        return -1;
    }
    *block = reader.m_buffer.get();
    return n;
}

} // namespace berth
