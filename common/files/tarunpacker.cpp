#include "tarunpacker.h"

#include "passedcontent.h"
#include "treewriter.h"

#include <QLoggingCategory>

#include <archive.h>
#include <archive_entry.h>

#include <memory>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcUnpack, "berth.tar")

namespace berth {
namespace {

constexpr std::size_t kBufferSize = 256 * 1024;
const QByteArray kWhiteoutPrefix = ".wh.";
const QByteArray kOpaqueMarker = ".wh..wh..opq";

using ArchivePtr = std::unique_ptr<archive, decltype(&archive_read_free)>;

Error archiveError(archive *a, const QString &what)
{
    const char *message = archive_error_string(a);
    return Error::invalidArgument(
        QStringLiteral("%1: %2").arg(what, message ? QString::fromUtf8(message) : QStringLiteral("unreadable archive")));
}

// The decompressed stream, between the outer archive (filters only) and the tar reader.
struct Stream
{
    archive *outer = nullptr;
    int inputFd = -1;
    Sha256 hash;
    qint64 bytes = 0;
    qint64 maxBytes = 0;
    std::optional<Error> error;
    std::function<bool(qint64)> progress;
    char buffer[kBufferSize];
};

la_ssize_t readDecompressed(archive *, void *data, const void **block)
{
    auto *stream = static_cast<Stream *>(data);
    const la_ssize_t n = archive_read_data(stream->outer, stream->buffer, sizeof stream->buffer);
    if (n < 0) {
        stream->error = archiveError(stream->outer, QStringLiteral("decompressing the layer"));
        return ARCHIVE_FATAL;
    }
    stream->bytes += n;
    if (stream->bytes > stream->maxBytes) {
        stream->error
            = Error::limitExceeded(QStringLiteral("the layer is larger than %1 bytes uncompressed").arg(stream->maxBytes));
        return ARCHIVE_FATAL;
    }
    stream->hash.add(QByteArrayView(stream->buffer, n));
    if (stream->progress && !stream->progress(archive_filter_bytes(stream->outer, -1))) {
        stream->error = Error::cancelled(QStringLiteral("unpacking the layer was cancelled"));
        return ARCHIVE_FATAL;
    }
    *block = stream->buffer;
    return n;
}

Result<ArchivePtr> openOuter(int fd)
{
    ArchivePtr a(archive_read_new(), archive_read_free);
    archive_read_support_filter_gzip(a.get());
    archive_read_support_filter_zstd(a.get());
    archive_read_support_filter_xz(a.get());
    archive_read_support_format_raw(a.get());
    archive_entry *entry = nullptr;
    if (archive_read_open_fd(a.get(), fd, kBufferSize) != ARCHIVE_OK || archive_read_next_header(a.get(), &entry) != ARCHIVE_OK)
        return archiveError(a.get(), QStringLiteral("reading the layer"));
    return a;
}

// Names as bytes, whatever the locale: the UTF-8 form a pax header keeps, else the raw bytes
// (a ustar name, or a pax name marked binary).
QByteArray nameOf(const char *utf8, const char *raw)
{
    return QByteArray(utf8 ? utf8 : raw ? raw : "");
}

EntryMeta metaOf(archive_entry *entry)
{
    EntryMeta meta;
    meta.uid = uid_t(archive_entry_uid(entry));
    meta.gid = gid_t(archive_entry_gid(entry));
    meta.mode = archive_entry_perm(entry);
    meta.mtime = {archive_entry_mtime(entry), archive_entry_mtime_nsec(entry)};
    const char *name = nullptr;
    const void *value = nullptr;
    size_t size = 0;
    archive_entry_xattr_reset(entry);
    while (archive_entry_xattr_next(entry, &name, &value, &size) == ARCHIVE_OK)
        meta.xattrs.append({QByteArray(name), QByteArray(static_cast<const char *>(value), qsizetype(size))});
    return meta;
}

// The entry's data as libarchive holds it (no copy of ours), each block written at its offset;
// a hole at the end of a sparse file is made by the size.  `check` runs after each block.
Result<void> copyData(archive *tar, int fd, const QByteArray &path, qint64 size, const std::function<Result<void>()> &check)
{
    qint64 end = 0;
    for (;;) {
        const void *block = nullptr;
        size_t length = 0;
        la_int64_t offset = 0;
        const int status = archive_read_data_block(tar, &block, &length, &offset);
        if (status == ARCHIVE_EOF)
            break;
        if (status != ARCHIVE_OK)
            return archiveError(tar, QStringLiteral("reading \"%1\"").arg(QString::fromUtf8(path)));
        for (size_t done = 0; done < length;) {
            const ssize_t w = ::pwrite(fd, static_cast<const char *>(block) + done, length - done, offset + la_int64_t(done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0)
                return Error::fromErrno(errno, QStringLiteral("write \"%1\"").arg(QString::fromUtf8(path)));
            done += size_t(w);
        }
        end = qMax(end, qint64(offset) + qint64(length));
        if (check)
            if (auto checked = check(); !checked)
                return checked;
    }
    if (end < size && ::ftruncate(fd, size) != 0)
        return Error::fromErrno(errno, QStringLiteral("write \"%1\"").arg(QString::fromUtf8(path)));
    return {};
}

Result<void> writeWhiteout(TreeWriter &tree, const QByteArray &path)
{
    const qsizetype slash = path.lastIndexOf('/');
    const QByteArray directory = slash < 0 ? QByteArray() : path.left(slash);
    const QByteArray name = path.mid(slash + 1);
    if (name == kOpaqueMarker)
        return tree.opaque(directory);
    const QByteArray hidden = name.mid(kWhiteoutPrefix.size());
    if (hidden.isEmpty() || hidden == "." || hidden == ".." || hidden.startsWith(kWhiteoutPrefix))
        return Error::invalidArgument(QStringLiteral("whiteout \"%1\" names no file").arg(QString::fromUtf8(path)));
    return tree.whiteout(directory.isEmpty() ? hidden : directory + '/' + hidden);
}

// What a copy's entries need besides the tar reader: the content passed beside the stream, and
// the checks after each piece of data.
struct CopyContext
{
    PassedContentReader *passed = nullptr; // when the stream may pass content
    qint64 passedBytes = 0;
    std::function<Result<void>()> check;
};

// A regular file's content: from the stream, or passed beside it.
Result<qint64> writeContent(archive *tar, archive_entry *entry, int fd, const QByteArray &path, CopyContext &copy)
{
    auto passedSize = passedContentSize(entry);
    if (!passedSize)
        return passedSize.error().wrapped(QString::fromUtf8(path));
    if (!*passedSize) {
        if (auto copied = copyData(tar, fd, path, archive_entry_size(entry), copy.check); !copied)
            return copied.error();
        return qint64(archive_entry_size(entry));
    }
    if (!copy.passed)
        return Error::invalidArgument(
            QStringLiteral("\"%1\" marks its content as passed beside the stream, which is not taken here")
                .arg(QString::fromUtf8(path)));
    auto content = copy.passed->take();
    if (!content)
        return content.error().wrapped(QString::fromUtf8(path));
    const qint64 before = copy.passedBytes;
    auto copied = copyPassedContent(content->get(), fd, **passedSize, [&](qint64 bytes) -> Result<void> {
        copy.passedBytes = before + bytes;
        return copy.check ? copy.check() : Result<void>{};
    });
    if (!copied)
        return copied.error().wrapped(QString::fromUtf8(path));
    copy.passedBytes = before + **passedSize;
    return **passedSize;
}

Result<void> writeEntry(TreeWriter &tree, archive *tar, archive_entry *entry, const QByteArray &path,
                        const UnpackOptions &options, UnpackResult &result, CopyContext &copy)
{
    if (options.layer && path.mid(path.lastIndexOf('/') + 1).startsWith(kWhiteoutPrefix))
        return writeWhiteout(tree, path);
    if (archive_entry_hardlink(entry) || archive_entry_hardlink_utf8(entry)) {
        auto normalized = normalizeEntryPath(nameOf(archive_entry_hardlink_utf8(entry), archive_entry_hardlink(entry)), 4096);
        if (normalized && options.rename)
            normalized = options.rename(*normalized);
        if (!normalized)
            return normalized.error();
        return tree.hardlink(path, *normalized);
    }
    EntryMeta meta = metaOf(entry);
    meta.xattrs.removeIf([](const auto &xattr) { return xattr.first == kPassedSizeAttribute; });
    if (options.owner)
        std::tie(meta.uid, meta.gid) = *options.owner;
    if (options.userXattrsOnly)
        meta.xattrs.removeIf([](const auto &xattr) { return !xattr.first.startsWith("user."); });
    switch (archive_entry_filetype(entry)) {
    case AE_IFDIR: return tree.directory(path, meta);
    case AE_IFLNK: return tree.symlink(path, nameOf(archive_entry_symlink_utf8(entry), archive_entry_symlink(entry)), meta);
    case AE_IFIFO: return tree.fifo(path, meta);
    case AE_IFCHR:
    case AE_IFBLK:
    case AE_IFSOCK: ++result.skippedDevices; return {};
    case AE_IFREG: {
        auto fd = tree.createFile(path);
        if (!fd)
            return fd.error();
        auto written = writeContent(tar, entry, fd->get(), path, copy);
        if (!written) {
            tree.discardFile(path); // no file cut short is left behind
            return written.error();
        }
        result.size += *written;
        if (auto finished = tree.finishFile(fd->get(), meta); !finished)
            return finished.error().wrapped(QString::fromUtf8(path));
        return {};
    }
    default:
        return Error::invalidArgument(QStringLiteral("\"%1\" has a file type Berth does not know").arg(QString::fromUtf8(path)));
    }
}

Result<void> drain(Stream &stream)
{
    const void *block = nullptr;
    while (readDecompressed(nullptr, &stream, &block) > 0) { }
    return stream.error ? Result<void>(*stream.error) : Result<void>{};
}

// A copy's stream, read in one pass: no second stage (that is for hashing a layer's
// decompressed bytes), the limit and progress checked as the tar reader goes.  With `passed`,
// read through it, which keeps the descriptors passed with the stream.
Result<ArchivePtr> openCopy(int fd, PassedContentReader *passed)
{
    ArchivePtr a(archive_read_new(), archive_read_free);
    archive_read_support_filter_gzip(a.get());
    archive_read_support_filter_zstd(a.get());
    archive_read_support_filter_xz(a.get());
    archive_read_support_format_tar(a.get());
    if ((passed ? passed->open(a.get()) : archive_read_open_fd(a.get(), fd, kBufferSize)) != ARCHIVE_OK)
        return archiveError(a.get(), QStringLiteral("reading the tar stream"));
    return a;
}

bool isSocket(int fd)
{
    struct stat st = {};
    return ::fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode);
}

} // namespace

Result<UnpackResult> unpackTar(int inputFd, TreeWriter &tree, const UnpackOptions &options)
{
    const UnpackLimits &limits = options.limits;
    const QString what = options.layer ? QStringLiteral("reading the layer") : QStringLiteral("reading the tar stream");
    std::unique_ptr<Stream> stream;
    ArchivePtr outer(nullptr, archive_read_free);
    ArchivePtr tar(nullptr, archive_read_free);
    CopyContext copy;
    std::unique_ptr<PassedContentReader> passed;
    if (options.layer) {
        auto opened = openOuter(inputFd);
        if (!opened)
            return opened.error();
        outer = std::move(*opened);
        stream = std::make_unique<Stream>();
        stream->outer = outer.get();
        stream->maxBytes = limits.maxBytes;
        stream->progress = options.progress;
        tar.reset(archive_read_new());
        archive_read_support_format_tar(tar.get());
        if (archive_read_open(tar.get(), stream.get(), nullptr, readDecompressed, nullptr) != ARCHIVE_OK)
            return stream->error ? *stream->error : archiveError(tar.get(), what);
    } else {
        if (options.acceptPassedContent && isSocket(inputFd)) {
            passed = std::make_unique<PassedContentReader>(inputFd);
            copy.passed = passed.get();
        }
        auto opened = openCopy(inputFd, passed.get());
        if (!opened)
            return passed && passed->error() ? *passed->error() : opened.error();
        tar = std::move(*opened);
        copy.check = [&tar, &limits, &options, &copy]() -> Result<void> {
            if (archive_filter_bytes(tar.get(), 0) + copy.passedBytes > limits.maxBytes)
                return Error::limitExceeded(QStringLiteral("the tar stream is larger than %1 bytes").arg(limits.maxBytes));
            if (options.progress && !options.progress(archive_filter_bytes(tar.get(), -1) + copy.passedBytes))
                return Error::cancelled(QStringLiteral("unpacking was cancelled"));
            return {};
        };
    }
    const auto failure = [&](const Error &error) {
        if (passed && passed->error())
            return *passed->error();
        return stream && stream->error ? *stream->error : error;
    };
    const auto &check = copy.check;

    UnpackResult result;
    archive_entry *entry = nullptr;
    for (;;) {
        const int status = archive_read_next_header(tar.get(), &entry);
        if (status == ARCHIVE_EOF)
            break;
        if (status != ARCHIVE_OK) // ARCHIVE_WARN included: a damaged stream is not guessed at
            return failure(archiveError(tar.get(), what));
        if (++result.entries > limits.maxEntries)
            return Error::limitExceeded(QStringLiteral("the tar stream has more than %1 entries").arg(limits.maxEntries));
        if (check)
            if (auto checked = check(); !checked)
                return checked.error();
        auto path
            = normalizeEntryPath(nameOf(archive_entry_pathname_utf8(entry), archive_entry_pathname(entry)), limits.maxPathLength);
        if (path && options.rename)
            path = options.rename(*path);
        if (!path)
            return path.error();
        if (auto written = writeEntry(tree, tar.get(), entry, *path, options, result, copy); !written)
            return failure(written.error());
    }
    if (stream)
        if (auto drained = drain(*stream); !drained)
            return drained.error();
    if (auto finished = tree.finish(); !finished)
        return finished.error();
    if (result.skippedDevices > 0)
        qCInfo(lcUnpack) << "skipped" << result.skippedDevices << "device nodes and sockets in a tar stream";
    if (stream)
        result.diffId = stream->hash.digest();
    return result;
}

} // namespace berth
