#include "tarstreamout.h"

#include "passedcontent.h"

#include <archive.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace berth {
namespace {

constexpr size_t kChunkSize = 1024 * 1024; // of a large file, between progress reports
constexpr qint64 kSmallFile = 64 * 1024; // read and gathered rather than sent
constexpr qsizetype kGatherSize = 256 * 1024;

} // namespace

Result<qint64> readAt(int fd, char *buffer, qint64 length, qint64 offset)
{
    qint64 done = 0;
    while (done < length) {
        const ssize_t n = ::pread(fd, buffer + done, size_t(length - done), offset + done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return Error::fromErrno(errno, QStringLiteral("read"));
        if (n == 0)
            break;
        done += n;
    }
    return done;
}

TarStreamOut::TarStreamOut(int fd, std::function<bool(qint64)> progress, PassedContent passing)
    : m_fd(fd)
    , m_progress(std::move(progress))
    , m_passing(passing)
    , m_placeholder(new char[kChunkSize]) // never read, so never touched
{
    m_gathered.reserve(kGatherSize);
    struct stat st = {};
    if (m_passing != PassedContent::None && (::fstat(fd, &st) != 0 || !S_ISSOCK(st.st_mode)))
        m_passing = PassedContent::None;
}

bool TarStreamOut::passes(qint64 size) const
{
    return m_passing != PassedContent::None && size >= kPassedContentMinimum;
}

Result<void> TarStreamOut::passFile(int file, qint64 size)
{
    m_holding = false;
    auto sent = sendWithDescriptor(m_fd, m_gathered.constData(), size_t(m_gathered.size()), file);
    m_gathered.resize(0);
    if (!sent) {
        if (!m_error)
            m_error = sent.error();
        return sent;
    }
    return counted(size);
}

int TarStreamOut::open(archive *tar)
{
    archive_write_set_bytes_per_block(tar, 0);
    archive_write_set_bytes_in_last_block(tar, 1);
    return archive_write_open(tar, this, nullptr, &TarStreamOut::write, &TarStreamOut::close);
}

Result<void> TarStreamOut::copyFile(archive *tar, int file, qint64 size)
{
    auto fail = [&]() -> Result<void> {
        if (m_error)
            return *m_error;
        const char *message = archive_error_string(tar);
        return Error::unavailable(
            QStringLiteral("writing a tar stream: %1").arg(message ? QString::fromUtf8(message) : QStringLiteral("failed")));
    };
    if (size <= kSmallFile) {
        QByteArray content(size, '\0'); // what a shrunken file no longer has stays zero
        if (auto read = readAt(file, content.data(), size, 0); !read)
            return read.error();
        if (archive_write_data(tar, content.constData(), size_t(size)) != size)
            return fail();
        return counted(size);
    }
    for (off_t offset = 0; offset < size;) {
        const size_t chunk = size_t(std::min<qint64>(size - offset, qint64(kChunkSize)));
        m_file = file;
        m_chunkStart = offset;
        const bool written = archive_write_data(tar, m_placeholder.get(), chunk) == la_ssize_t(chunk);
        m_file = -1;
        if (!written)
            return fail();
        offset += off_t(chunk);
        if (auto going = counted(qint64(chunk)); !going)
            return going;
    }
    return {};
}

ssize_t TarStreamOut::write(archive *a, void *self, const void *buffer, size_t length)
{
    auto &out = *static_cast<TarStreamOut *>(self);
    const char *bytes = static_cast<const char *>(buffer);
    const char *placeholder = out.m_placeholder.get();
    const bool ofFile = out.m_file >= 0 && bytes >= placeholder && bytes + length <= placeholder + kChunkSize;
    const bool written
        = ofFile ? out.flush() && out.sendFromFile(out.m_chunkStart + (bytes - placeholder), length) : out.gather(bytes, length);
    if (written)
        return ssize_t(length);
    archive_set_error(a, errno, "%s", std::strerror(errno));
    return -1;
}

int TarStreamOut::close(archive *a, void *self)
{
    if (static_cast<TarStreamOut *>(self)->flush())
        return ARCHIVE_OK;
    archive_set_error(a, errno, "%s", std::strerror(errno));
    return ARCHIVE_FATAL;
}

bool TarStreamOut::gather(const char *bytes, size_t length)
{
    m_gathered.append(bytes, qsizetype(length));
    return m_holding || m_gathered.size() < kGatherSize || flush();
}

bool TarStreamOut::flush()
{
    const bool written = writeAll(m_gathered.constData(), size_t(m_gathered.size()));
    m_gathered.resize(0); // keeps its capacity
    return written;
}

bool TarStreamOut::writeAll(const char *data, size_t length)
{
    while (length > 0) {
        const ssize_t written = ::write(m_fd, data, length);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return failed(written < 0 ? errno : EIO);
        data += written;
        length -= size_t(written);
    }
    return true;
}

// Bytes of the file with sendfile; read and written where the file cannot be spliced, zeros
// where it has ended.
bool TarStreamOut::sendFromFile(off_t offset, size_t length)
{
    while (length > 0) {
        const ssize_t sent = ::sendfile(m_fd, m_file, &offset, length);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent < 0 && errno != EINVAL && errno != ENOSYS)
            return failed(errno);
        if (sent <= 0) {
            std::vector<char> bounce(length);
            const ssize_t n = sent == 0 ? 0 : ::pread(m_file, bounce.data(), length, offset);
            return n >= 0 ? writeAll(bounce.data(), length) : failed(errno);
        }
        length -= size_t(sent);
    }
    return true;
}

Result<void> TarStreamOut::counted(qint64 bytes)
{
    m_content += bytes;
    if (m_progress && !m_progress(m_content))
        return Error::cancelled(QStringLiteral("the copy was cancelled"));
    return {};
}

bool TarStreamOut::failed(int error)
{
    if (!m_error)
        m_error = Error::fromErrno(error, QStringLiteral("write the tar stream"));
    errno = error;
    return false;
}

} // namespace berth
