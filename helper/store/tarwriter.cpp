#include "tarwriter.h"

#include "files/passedcontent.h"
#include "files/tarstreamout.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cerrno>
#include <unistd.h>
#include <utility>

namespace berth {
namespace {

bool isUtf8(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

} // namespace

TarWriter::Sink TarWriter::toFd(int fd)
{
    return [fd](QByteArrayView bytes) -> Result<void> {
        for (qsizetype done = 0; done < bytes.size();) {
            const ssize_t n = ::write(fd, bytes.data() + done, size_t(bytes.size() - done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return Error::fromErrno(errno, QStringLiteral("write the archive"));
            done += n;
        }
        return {};
    };
}

TarWriter::TarWriter(Sink sink, time_t mtime)
    : m_sink(std::move(sink))
    , m_mtime(mtime)
    , m_archive(archive_write_new())
{
    archive_write_set_format_pax_restricted(m_archive);
    // Large blocks: a pipe then carries a few big writes instead of many 10 KiB ones.
    archive_write_set_bytes_per_block(m_archive, 256 * 1024);
    archive_write_set_bytes_in_last_block(m_archive, 1);
    archive_write_open(m_archive, this, nullptr, &TarWriter::write, nullptr);
}

TarWriter::TarWriter(int fd, std::function<bool(qint64)> progress, PassedContent passing, time_t mtime)
    : m_mtime(mtime)
    , m_archive(archive_write_new())
    , m_out(std::make_unique<TarStreamOut>(fd, std::move(progress), passing))
{
    archive_write_set_format_pax_restricted(m_archive);
    m_out->open(m_archive);
}

TarWriter::~TarWriter()
{
    archive_write_free(m_archive);
}

ssize_t TarWriter::write(archive *, void *self, const void *buffer, size_t length)
{
    auto *tar = static_cast<TarWriter *>(self);
    if (auto written = tar->m_sink(QByteArrayView(static_cast<const char *>(buffer), qsizetype(length))); !written) {
        tar->m_sinkError = written.error();
        return -1;
    }
    return ssize_t(length);
}

Error TarWriter::error() const
{
    if (m_sinkError)
        return *m_sinkError; // keeps its kind: a full disk stays LimitExceeded
    if (m_out && m_out->error())
        return *m_out->error();
    const char *message = archive_error_string(m_archive);
    return Error::unavailable(
        QStringLiteral("writing a tar stream: %1").arg(message ? QString::fromUtf8(message) : QStringLiteral("write failed")));
}

Result<void> TarWriter::header(const QByteArray &path, mode_t type, mode_t mode, qint64 size, const QByteArray &link)
{
    archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname(entry, path.constData());
    archive_entry_set_filetype(entry, type);
    archive_entry_set_perm(entry, mode);
    archive_entry_set_size(entry, size);
    archive_entry_set_mtime(entry, m_mtime, 0);
    if (!link.isEmpty())
        archive_entry_set_symlink(entry, link.constData());
    const int status = archive_write_header(m_archive, entry);
    archive_entry_free(entry);
    return status == ARCHIVE_OK ? Result<void>{} : error();
}

Result<void> TarWriter::directory(const QByteArray &path, mode_t mode)
{
    return header(path, AE_IFDIR, mode, 0, {});
}

Result<void> TarWriter::symlink(const QByteArray &path, const QByteArray &target)
{
    return header(path, AE_IFLNK, 0777, 0, target);
}

Result<void> TarWriter::file(const QByteArray &path, QByteArrayView content, mode_t mode)
{
    if (auto started = beginFile(path, mode, content.size()); !started)
        return started;
    return data(content);
}

Result<void> TarWriter::beginFile(const QByteArray &path, mode_t mode, qint64 size)
{
    return header(path, AE_IFREG, mode, size, {});
}

Result<void> TarWriter::entry(const QByteArray &path, const struct stat &st, const Extra &extra)
{
    archive_entry *entry = archive_entry_new();
    archive_entry_copy_stat(entry, &st);
    // Names are bytes.  UTF-8 ones are handed over as such, whatever the locale; libarchive
    // writes any other as it is (pax's hdrcharset=BINARY for that entry) and warns.
    bool binary = false;
    const auto name = [&binary](const QByteArray &bytes, void (*utf8)(archive_entry *, const char *),
                                void (*raw)(archive_entry *, const char *), archive_entry *e) {
        const bool valid = isUtf8(bytes);
        binary = binary || !valid;
        (valid ? utf8 : raw)(e, bytes.constData());
    };
    name(path, archive_entry_set_pathname_utf8, archive_entry_set_pathname, entry);
    if (!extra.hardlinkTo.isEmpty()) {
        name(extra.hardlinkTo, archive_entry_set_hardlink_utf8, archive_entry_set_hardlink, entry);
        archive_entry_set_size(entry, 0);
    } else if (S_ISLNK(st.st_mode)) {
        name(extra.symlinkTarget, archive_entry_set_symlink_utf8, archive_entry_set_symlink, entry);
    } else if (!S_ISREG(st.st_mode)) {
        archive_entry_set_size(entry, 0);
    }
    for (const auto &[name, value] : extra.xattrs)
        archive_entry_xattr_add_entry(entry, name.constData(), value.constData(), size_t(value.size()));
    m_passing = m_out && S_ISREG(st.st_mode) && extra.hardlinkTo.isEmpty() && m_out->passes(st.st_size);
    if (m_passing) {
        markPassedContent(entry, st.st_size);
        m_out->holdForPassedContent();
    }
    const int status = archive_write_header(m_archive, entry);
    archive_entry_free(entry);
    return status == ARCHIVE_OK || (status == ARCHIVE_WARN && binary) ? Result<void>{} : error();
}

Result<void> TarWriter::data(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return {};
    return archive_write_data(m_archive, bytes.data(), size_t(bytes.size())) == bytes.size() ? Result<void>{} : error();
}

Result<void> TarWriter::fileData(int file, qint64 size)
{
    if (m_out && std::exchange(m_passing, false))
        return m_out->passFile(file, size);
    if (m_out)
        return m_out->copyFile(m_archive, file, size);
    constexpr qint64 kPiece = 256 * 1024;
    QByteArray buffer(qsizetype(std::min(size, kPiece)), Qt::Uninitialized);
    // A file that shrinks is cut short here and padded by libarchive to the header's size.
    for (qint64 offset = 0; offset < size;) {
        auto read = readAt(file, buffer.data(), std::min(size - offset, kPiece), offset);
        if (!read)
            return read.error();
        if (*read == 0)
            break;
        if (auto written = data(QByteArrayView(buffer.constData(), *read)); !written)
            return written;
        offset += *read;
    }
    return {};
}

Result<void> TarWriter::close()
{
    return archive_write_close(m_archive) == ARCHIVE_OK && !m_sinkError ? Result<void>{} : error();
}

} // namespace berth
