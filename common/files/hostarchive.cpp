#include "hostarchive.h"

#include "passedcontent.h"

#include "tarstreamout.h"
#include "tarunpacker.h"
#include "treewriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

namespace berth {
namespace {

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

} // namespace

Result<qint64> writeHostArchive(const QString &path, const QByteArray &rootName, bool followLink, int fd,
                                const CopyProgress &progress, PassedContent passing)
{
    ReaderPtr disk(archive_read_disk_new(), archive_read_free);
    // Hybrid: the path named is followed (with -L), links met below it are stored as links.
    if (followLink)
        archive_read_disk_set_symlink_hybrid(disk.get());
    else
        archive_read_disk_set_symlink_physical(disk.get());
    archive_read_disk_set_standard_lookup(disk.get());
    // What docker's cp carries: no ACLs, no file flags (chattr), no sparse maps; each of those
    // costs the reader system calls on every file (six lseeks alone for the holes).
    archive_read_disk_set_behavior(disk.get(), ARCHIVE_READDISK_NO_ACL | ARCHIVE_READDISK_NO_FFLAGS | ARCHIVE_READDISK_NO_SPARSE);
    WriterPtr tar(archive_write_new(), archive_write_free);
    archive_write_set_format_pax_restricted(tar.get());
    TarStreamOut out(fd, progress, passing);
    if (out.open(tar.get()) != ARCHIVE_OK)
        return archiveError(tar.get(), QStringLiteral("writing the copy"));
    const QByteArray root = QFile::encodeName(path);
    if (archive_read_disk_open(disk.get(), root.constData()) != ARCHIVE_OK)
        return archiveError(disk.get(), path);
    qint64 total = 0;
    for (;;) {
        archive_entry *entry = archive_entry_new();
        const std::unique_ptr<archive_entry, decltype(&archive_entry_free)> owned(entry, archive_entry_free);
        const int status = archive_read_next_header2(disk.get(), entry);
        if (status == ARCHIVE_EOF)
            break;
        if (status != ARCHIVE_OK && status != ARCHIVE_WARN)
            return archiveError(disk.get(), path);
        archive_read_disk_descend(disk.get());
        // Names are bytes: UTF-8 ones are handed over as such, whatever the locale; libarchive
        // writes any other as it is (pax's hdrcharset=BINARY for that entry) and warns.
        bool binary = false;
        const auto setName = [&binary, entry](const QByteArray &bytes, auto utf8, auto raw) {
            const bool valid = QString::fromUtf8(bytes).toUtf8() == bytes;
            binary = binary || !valid;
            (valid ? utf8 : raw)(entry, bytes.constData());
        };
        const QByteArray name = archive_entry_pathname(entry);
        setName(rebased(name, root, rootName), archive_entry_set_pathname_utf8, archive_entry_set_pathname);
        if (const char *link = archive_entry_hardlink(entry))
            setName(rebased(link, root, rootName), archive_entry_set_hardlink_utf8, archive_entry_set_hardlink);
        if (const char *target = archive_entry_symlink(entry))
            setName(QByteArray(target), archive_entry_set_symlink_utf8, archive_entry_set_symlink);
        // The size the header gave, no more: a file that grows meanwhile is cut there.
        const qint64 size = archive_entry_size(entry);
        const bool regular = archive_entry_filetype(entry) == AE_IFREG && !archive_entry_hardlink(entry);
        const bool passed = regular && out.passes(size);
        if (passed) {
            markPassedContent(entry, size);
            out.holdForPassedContent();
        }
        const int written = archive_write_header(tar.get(), entry);
        if (written != ARCHIVE_OK && !(written == ARCHIVE_WARN && binary))
            return archiveError(tar.get(), QFile::decodeName(name));
        if (!regular || size == 0)
            continue;
        // By its bytes: a name that is not UTF-8 must not be decoded on the way.
        const char *source = archive_entry_sourcepath(entry);
        const UniqueFd file(::open(source, O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
        if (!file)
            return Error::fromErrno(errno, QStringLiteral("open %1").arg(QFile::decodeName(source)));
        if (auto copied = passed ? out.passFile(file.get(), size) : out.copyFile(tar.get(), file.get(), size); !copied)
            return copied.error().kind() == ErrorKind::Cancelled
                ? copied.error()
                : copied.error().wrapped(QStringLiteral("copying %1").arg(QFile::decodeName(source)));
        total += size;
    }
    if (archive_write_close(tar.get()) != ARCHIVE_OK)
        return out.error() ? *out.error() : archiveError(tar.get(), QStringLiteral("writing the copy"));
    return total;
}

Result<qint64> extractHostArchive(int fd, const QString &target, const ExtractOptions &options)
{
    // Rooted at the target's directory, as the engine unpacks into containers: no entry, link
    // or hard link of the stream reaches above it, whatever links it makes or finds there.
    const QFileInfo targetInfo(target);
    UniqueFd directory(::open(QFile::encodeName(targetInfo.absolutePath()).constData(), O_DIRECTORY | O_RDONLY | O_CLOEXEC));
    if (!directory)
        return errno == ENOENT ? Error::notFound(QStringLiteral("no such directory: %1").arg(targetInfo.absolutePath()))
                               : Error::fromErrno(errno, QStringLiteral("open %1").arg(targetInfo.absolutePath()));
    // Mounts below the target are entered (a person's tree may have them) but never replaced.
    auto tree = TreeWriter::rootedAt(std::move(directory), Mounts::Cross);
    const QByteArray name = QFile::encodeName(targetInfo.fileName());
    UnpackOptions unpack;
    unpack.layer = false;
    unpack.limits = UnpackLimits{qint64(1) << 40, 10'000'000, 4096};
    if (!options.keepOwners || ::geteuid() != 0)
        unpack.owner = std::pair{::geteuid(), ::getegid()};
    unpack.userXattrsOnly = ::geteuid() != 0;
    // The stream's first entry is the root of what was copied; it lands as `name`.
    auto root = std::make_shared<std::optional<QByteArray>>();
    unpack.rename = [root, name](const QByteArray &path) -> Result<QByteArray> {
        if (!*root)
            *root = path;
        const QByteArray &from = **root;
        if (path == from)
            return name;
        if (from.isEmpty())
            return name + '/' + path;
        if (path.startsWith(from + '/'))
            return name + path.mid(from.size());
        return Error::invalidArgument(QStringLiteral("the copy holds \"%1\", outside its root \"%2\"")
                                          .arg(QFile::decodeName(path), QFile::decodeName(from)));
    };
    unpack.progress = options.progress;
    unpack.acceptPassedContent = options.acceptPassedContent;
    auto unpacked = unpackTar(fd, tree, unpack);
    if (!unpacked)
        return unpacked.error();
    return unpacked->size;
}

} // namespace berth
