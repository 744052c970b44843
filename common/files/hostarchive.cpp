#include "hostarchive.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <fcntl.h>
#include <memory>

namespace berth {
namespace {

constexpr size_t kBufferSize = 256 * 1024;

using ReaderPtr = std::unique_ptr<archive, decltype(&archive_read_free)>;
using WriterPtr = std::unique_ptr<archive, decltype(&archive_write_free)>;

Error archiveError(archive *a, const QString &what)
{
    const char *message = archive_error_string(a);
    return Error::invalidArgument(
        QStringLiteral("%1: %2").arg(what, message ? QString::fromLocal8Bit(message) : QStringLiteral("failed")));
}

// "root/rest" -> "<to>/rest": the stream's root renamed, with whatever follows it.
QByteArray rebased(const QByteArray &name, const QByteArray &from, const QByteArray &to)
{
    if (name == from || name == from + '/')
        return to;
    if (from == "." && !name.startsWith("./"))
        return to + '/' + name;
    return to + name.mid(from.size());
}

Result<qint64> copyEntryData(archive *in, archive *out, const QString &name, const CopyProgress &progress, qint64 &total)
{
    const void *block = nullptr;
    size_t size = 0;
    la_int64_t offset = 0;
    for (;;) {
        const int status = archive_read_data_block(in, &block, &size, &offset);
        if (status == ARCHIVE_EOF)
            return total;
        if (status != ARCHIVE_OK)
            return archiveError(in, QStringLiteral("reading %1").arg(name));
        if (archive_write_data_block(out, block, size, offset) != ARCHIVE_OK)
            return archiveError(out, QStringLiteral("writing %1").arg(name));
        total += qint64(size);
        if (progress && !progress(total))
            return Error::cancelled(QStringLiteral("the copy was cancelled"));
    }
}

} // namespace

Result<qint64> writeHostArchive(const QString &path, const QByteArray &rootName, bool followLink, int fd,
                                const CopyProgress &progress)
{
    ReaderPtr disk(archive_read_disk_new(), archive_read_free);
    // Hybrid: the path named is followed (with -L), links met below it are stored as links.
    if (followLink)
        archive_read_disk_set_symlink_hybrid(disk.get());
    else
        archive_read_disk_set_symlink_physical(disk.get());
    archive_read_disk_set_standard_lookup(disk.get());
    WriterPtr tar(archive_write_new(), archive_write_free);
    archive_write_set_format_pax_restricted(tar.get());
    archive_write_set_options(tar.get(), "hdrcharset=BINARY"); // names are bytes, UTF-8 or not
    archive_write_set_bytes_per_block(tar.get(), 256 * 1024); // a few big writes into the pipe
    archive_write_set_bytes_in_last_block(tar.get(), 1);
    if (archive_write_open_fd(tar.get(), fd) != ARCHIVE_OK)
        return archiveError(tar.get(), QStringLiteral("writing the copy"));
    const QByteArray root = QFile::encodeName(path);
    if (archive_read_disk_open(disk.get(), root.constData()) != ARCHIVE_OK)
        return archiveError(disk.get(), path);
    qint64 total = 0;
    auto buffer = std::make_unique<char[]>(kBufferSize);
    for (;;) {
        archive_entry *entry = archive_entry_new();
        const std::unique_ptr<archive_entry, decltype(&archive_entry_free)> owned(entry, archive_entry_free);
        const int status = archive_read_next_header2(disk.get(), entry);
        if (status == ARCHIVE_EOF)
            break;
        if (status != ARCHIVE_OK && status != ARCHIVE_WARN)
            return archiveError(disk.get(), path);
        archive_read_disk_descend(disk.get());
        const QByteArray name = archive_entry_pathname(entry);
        archive_entry_set_pathname(entry, rebased(name, root, rootName).constData());
        if (const char *link = archive_entry_hardlink(entry))
            archive_entry_set_hardlink(entry, rebased(link, root, rootName).constData());
        if (archive_write_header(tar.get(), entry) != ARCHIVE_OK)
            return archiveError(tar.get(), QFile::decodeName(name));
        if (archive_entry_filetype(entry) != AE_IFREG || archive_entry_size(entry) == 0)
            continue;
        // By its bytes: a name that is not UTF-8 must not be decoded on the way.
        const char *source = archive_entry_sourcepath(entry);
        QFile file;
        if (!file.open(::open(source, O_RDONLY | O_CLOEXEC | O_NOFOLLOW), QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
            return Error::fromErrno(errno, QStringLiteral("open %1").arg(QFile::decodeName(source)));
        qint64 n = 0;
        for (; (n = file.read(buffer.get(), kBufferSize)) > 0;) {
            if (archive_write_data(tar.get(), buffer.get(), size_t(n)) < 0)
                return archiveError(tar.get(), QStringLiteral("writing the copy"));
            total += n;
            if (progress && !progress(total))
                return Error::cancelled(QStringLiteral("the copy was cancelled"));
        }
        if (n < 0)
            return Error::unavailable(QStringLiteral("read %1: %2").arg(QFile::decodeName(source), file.errorString()));
    }
    if (archive_write_close(tar.get()) != ARCHIVE_OK)
        return archiveError(tar.get(), QStringLiteral("writing the copy"));
    return total;
}

Result<qint64> extractHostArchive(int fd, const QString &target, const ExtractOptions &options)
{
    // The target's directory, without symlinks: secure extraction then refuses any link on the
    // way that the stream itself made or that sits below the target.
    const QFileInfo targetInfo(target);
    const QString parent = QFileInfo(targetInfo.absolutePath()).canonicalFilePath();
    if (parent.isEmpty())
        return Error::notFound(QStringLiteral("no such directory: %1").arg(targetInfo.absolutePath()));
    const QByteArray destination = QFile::encodeName(QDir(parent).filePath(targetInfo.fileName()));

    ReaderPtr in(archive_read_new(), archive_read_free);
    archive_read_support_format_tar(in.get());
    if (archive_read_open_fd(in.get(), fd, kBufferSize) != ARCHIVE_OK)
        return archiveError(in.get(), QStringLiteral("reading the copy"));
    WriterPtr out(archive_write_disk_new(), archive_write_free);
    int flags = ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_PERM | ARCHIVE_EXTRACT_SECURE_SYMLINKS | ARCHIVE_EXTRACT_SECURE_NODOTDOT;
    if (options.keepOwners)
        flags |= ARCHIVE_EXTRACT_OWNER;
    archive_write_disk_set_options(out.get(), flags);
    archive_write_disk_set_standard_lookup(out.get());

    QByteArray rootName;
    qint64 total = 0;
    for (;;) {
        archive_entry *entry = nullptr;
        const int status = archive_read_next_header(in.get(), &entry);
        if (status == ARCHIVE_EOF)
            break;
        if (status != ARCHIVE_OK)
            return archiveError(in.get(), QStringLiteral("reading the copy"));
        const QByteArray name = archive_entry_pathname(entry);
        if (rootName.isNull())
            rootName = name.endsWith('/') ? name.chopped(1) : name;
        if (name != rootName && !name.startsWith(rootName + '/'))
            return Error::invalidArgument(QStringLiteral("the copy holds \"%1\", outside its root \"%2\"")
                                              .arg(QFile::decodeName(name), QFile::decodeName(rootName)));
        // Every name is rebased onto the target (absolute), so ".." is refused here, before.
        if (name.split('/').contains(".."))
            return Error::invalidArgument(
                QStringLiteral("the copy holds \"%1\", which climbs with \"..\"").arg(QFile::decodeName(name)));
        archive_entry_set_pathname(entry, rebased(name, rootName, destination).constData());
        if (const char *link = archive_entry_hardlink(entry)) {
            const QByteArray linkName(link);
            if (linkName.split('/').contains("..") || (linkName != rootName && !linkName.startsWith(rootName + '/')))
                return Error::invalidArgument(QStringLiteral("the copy links \"%1\" to \"%2\", outside it")
                                                  .arg(QFile::decodeName(name), QFile::decodeName(linkName)));
            archive_entry_set_hardlink(entry, rebased(linkName, rootName, destination).constData());
        }
        if (archive_write_header(out.get(), entry) != ARCHIVE_OK)
            return archiveError(out.get(), QFile::decodeName(archive_entry_pathname(entry)));
        if (archive_entry_size(entry) > 0)
            if (auto copied = copyEntryData(in.get(), out.get(), QFile::decodeName(name), options.progress, total); !copied)
                return copied.error();
        if (archive_write_finish_entry(out.get()) != ARCHIVE_OK)
            return archiveError(out.get(), QFile::decodeName(archive_entry_pathname(entry)));
    }
    if (archive_write_close(out.get()) != ARCHIVE_OK)
        return archiveError(out.get(), QStringLiteral("finishing the copy"));
    return total;
}

} // namespace berth
