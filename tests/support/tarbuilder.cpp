#include "tarbuilder.h"

#include <archive.h>
#include <archive_entry.h>

#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace berth::test {
namespace {

la_ssize_t append(archive *, void *data, const void *buffer, size_t length)
{
    static_cast<QByteArray *>(data)->append(static_cast<const char *>(buffer), qsizetype(length));
    return la_ssize_t(length);
}

archive *openWriter(QByteArray *out, TarBuilder::Compression compression)
{
    archive *a = archive_write_new();
    archive_write_set_format_pax_restricted(a);
    if (compression == TarBuilder::Compression::Gzip)
        archive_write_add_filter_gzip(a);
    if (compression == TarBuilder::Compression::Zstd)
        archive_write_add_filter_zstd(a);
    archive_write_set_bytes_in_last_block(a, 1);
    archive_write_open(a, out, nullptr, append, nullptr);
    return a;
}

} // namespace

TarBuilder::TarBuilder(Compression compression)
    : m_compression(compression)
    , m_plain(openWriter(&m_plainBytes, Compression::None))
    , m_packed(openWriter(&m_packedBytes, compression))
{ }

TarBuilder::~TarBuilder()
{
    archive_write_free(m_plain);
    archive_write_free(m_packed);
}

void TarBuilder::add(const QByteArray &path, mode_t type, mode_t mode, uid_t uid, gid_t gid, const QByteArray &content,
                     const QByteArray &link, bool hard, const QList<std::pair<QByteArray, QByteArray>> &xattrs, dev_t dev)
{
    for (archive *a : {m_plain, m_packed}) {
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, path.constData());
        archive_entry_set_filetype(entry, type);
        archive_entry_set_perm(entry, mode);
        archive_entry_set_uid(entry, uid);
        archive_entry_set_gid(entry, gid);
        archive_entry_set_mtime(entry, 1700000000, 0);
        archive_entry_set_size(entry, content.size());
        if (!link.isEmpty())
            hard ? archive_entry_set_hardlink(entry, link.constData()) : archive_entry_set_symlink(entry, link.constData());
        if (dev)
            archive_entry_set_rdev(entry, dev);
        for (const auto &[name, value] : xattrs)
            archive_entry_xattr_add_entry(entry, name.constData(), value.constData(), size_t(value.size()));
        archive_write_header(a, entry);
        if (!content.isEmpty())
            archive_write_data(a, content.constData(), size_t(content.size()));
        archive_entry_free(entry);
    }
}

TarBuilder &TarBuilder::file(const QByteArray &path, const QByteArray &content, mode_t mode, uid_t uid, gid_t gid,
                             const QList<std::pair<QByteArray, QByteArray>> &xattrs)
{
    add(path, AE_IFREG, mode, uid, gid, content, {}, false, xattrs);
    return *this;
}

TarBuilder &TarBuilder::dir(const QByteArray &path, mode_t mode, uid_t uid, gid_t gid)
{
    add(path, AE_IFDIR, mode, uid, gid, {}, {}, false);
    return *this;
}

TarBuilder &TarBuilder::symlink(const QByteArray &path, const QByteArray &target)
{
    add(path, AE_IFLNK, 0777, 0, 0, {}, target, false);
    return *this;
}

TarBuilder &TarBuilder::hardlink(const QByteArray &path, const QByteArray &target)
{
    add(path, AE_IFREG, 0644, 0, 0, {}, target, true);
    return *this;
}

TarBuilder &TarBuilder::charDevice(const QByteArray &path, int major, int minor)
{
    add(path, AE_IFCHR, 0666, 0, 0, {}, {}, false, {}, makedev(major, minor));
    return *this;
}

TarBuilder &TarBuilder::fifo(const QByteArray &path)
{
    add(path, AE_IFIFO, 0600, 0, 0, {}, {}, false);
    return *this;
}

QByteArray TarBuilder::finish()
{
    archive_write_close(m_plain);
    archive_write_close(m_packed);
    m_uncompressed = m_plainBytes;
    return m_compression == Compression::None ? m_plainBytes : m_packedBytes;
}

} // namespace berth::test
