#include "treearchive.h"

#include "files/rootedpath.h"
#include "store/tarwriter.h"
#include "system/kernelfilesystems.h"

#include <QHash>

#include <algorithm>
#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace berth {
namespace {

constexpr int kMaxDepth = 256; // each level holds a descriptor; a container must not exhaust ours

QString shown(const QByteArray &path)
{
    return QString::fromUtf8(path);
}

Error failed(const char *operation, const QByteArray &path)
{
    return Error::fromErrno(errno, QStringLiteral("%1 \"/%2\"").arg(QLatin1StringView(operation), shown(path)));
}

QByteArray lastComponent(const QByteArray &cleaned)
{
    return cleaned.isEmpty() ? QByteArrayLiteral("/") : cleaned.mid(cleaned.lastIndexOf('/') + 1);
}

QList<std::pair<QByteArray, QByteArray>> copiedXattrs(int fd)
{
    // The same names an image may carry (see TreeWriter): file capabilities and user data.
    QList<std::pair<QByteArray, QByteArray>> result;
    char names[4096];
    const ssize_t length = ::flistxattr(fd, names, sizeof names);
    for (ssize_t at = 0; length > 0 && at < length;) {
        const QByteArray name(names + at);
        at += name.size() + 1;
        if (!name.startsWith("user.") && name != "security.capability")
            continue;
        char value[4096];
        const ssize_t size = ::fgetxattr(fd, name.constData(), value, sizeof value);
        if (size >= 0)
            result.append({name, QByteArray(value, size)});
    }
    return result;
}

Result<QByteArray> readLink(int dirFd, const char *name, const QByteArray &path)
{
    char target[4096];
    const ssize_t n = ::readlinkat(dirFd, name, target, sizeof target);
    if (n < 0)
        return failed("readlink", path);
    return QByteArray(target, n);
}

PathInfo infoOf(const QByteArray &name, const struct stat &st)
{
    return PathInfo{name, st.st_mode, S_ISREG(st.st_mode) ? qint64(st.st_size) : 0, st.st_uid, st.st_gid, st.st_mtim, {}};
}

// Reopens an O_PATH descriptor for reading: the same inode, whatever the path now names.
Result<UniqueFd> reopen(int pathFd, int flags, const QByteArray &path)
{
    const QByteArray proc = "/proc/thread-self/fd/" + QByteArray::number(pathFd);
    UniqueFd fd(::open(proc.constData(), flags | O_CLOEXEC));
    if (!fd)
        return failed("open", path);
    return fd;
}

Result<std::pair<UniqueFd, struct stat>> openPath(int rootFd, const QByteArray &cleaned, bool followLink)
{
    auto fd = openInRoot(rootFd, cleaned, O_PATH | (followLink ? 0 : O_NOFOLLOW), 0, Mounts::Cross);
    if (!fd) {
        if (fd.error().kind() == ErrorKind::NotFound)
            return Error::notFound(QStringLiteral("Could not find the file /%1").arg(shown(cleaned)));
        return fd.error();
    }
    struct stat st
    {
    };
    if (::fstat(fd->get(), &st) != 0)
        return failed("stat", cleaned);
    return std::pair{std::move(*fd), st};
}

class ArchiveWalk
{
public:
    ArchiveWalk(TarWriter &tar, const TreeArchiveOptions &options)
        : m_options(options)
        , m_tar(tar)
    { }

    Result<void> top(int pathFd, const struct stat &st, const QByteArray &name, const QByteArray &shownPath)
    {
        if (S_ISDIR(st.st_mode)) {
            auto dir = reopen(pathFd, O_RDONLY | O_DIRECTORY, shownPath);
            if (!dir)
                return dir.error();
            return directory(dir->get(), st, name, 0);
        }
        if (S_ISLNK(st.st_mode)) {
            auto target = readLink(pathFd, "", shownPath);
            if (!target)
                return target.error();
            return m_tar.entry(name, st, {*target, {}, {}});
        }
        if (S_ISREG(st.st_mode)) {
            auto file = reopen(pathFd, O_RDONLY | O_NONBLOCK, shownPath);
            if (!file)
                return file.error();
            return regular(file->get(), st, name);
        }
        return other(st, name);
    }

    qint64 contentBytes() const { return m_content; }

private:
    Result<void> directory(int dirFd, const struct stat &st, const QByteArray &name, int depth)
    {
        if (depth > kMaxDepth)
            return Error::limitExceeded(
                QStringLiteral("\"%1\" is more than %2 directories deep").arg(shown(name)).arg(kMaxDepth));
        if (auto written = m_tar.entry(name, st, {{}, {}, copiedXattrs(dirFd)}); !written)
            return written;
        if (m_options.layerWhiteouts && isOpaque(dirFd))
            if (auto written = whiteoutEntry(name + "/.wh..wh..opq", st); !written)
                return written;
        if (onKernelFileSystem(dirFd))
            return {};
        auto children = namesIn(dirFd, name);
        if (!children)
            return children.error();
        for (const QByteArray &child : std::as_const(*children))
            if (auto written = entry(dirFd, child, name + '/' + child, depth + 1); !written)
                return written;
        return {};
    }

    Result<QList<QByteArray>> namesIn(int dirFd, const QByteArray &path)
    {
        // Read whole before descending, so one open directory stream is held per level at most.
        DIR *stream = ::fdopendir(::fcntl(dirFd, F_DUPFD_CLOEXEC, 0));
        if (!stream)
            return failed("read directory", path);
        QList<QByteArray> names;
        errno = 0;
        while (const dirent *d = ::readdir(stream)) {
            const QByteArray child(d->d_name);
            if (child != "." && child != "..")
                names << child;
        }
        const int error = errno;
        ::closedir(stream);
        if (error != 0) {
            errno = error;
            return failed("read directory", path);
        }
        std::sort(names.begin(), names.end());
        return names;
    }

    Result<void> entry(int dirFd, const QByteArray &child, const QByteArray &name, int depth)
    {
        if (!m_options.skip.isEmpty() && m_options.skip.contains(name.startsWith("./") ? name.mid(2) : name))
            return {};
        struct stat st
        {
        };
        if (::fstatat(dirFd, child.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            return errno == ENOENT ? Result<void>{} : Result<void>(failed("stat", name)); // gone meanwhile
        if (S_ISDIR(st.st_mode)) {
            UniqueFd dir(::openat(dirFd, child.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (!dir || ::fstat(dir.get(), &st) != 0)
                return errno == ENOENT ? Result<void>{} : Result<void>(failed("open", name));
            return directory(dir.get(), st, name, depth);
        }
        if (S_ISLNK(st.st_mode)) {
            auto target = readLink(dirFd, child.constData(), name);
            if (!target)
                return errno == ENOENT ? Result<void>{} : Result<void>(target.error());
            return m_tar.entry(name, st, {*target, {}, {}});
        }
        if (S_ISREG(st.st_mode)) {
            // O_NONBLOCK: if the name turned into a FIFO meanwhile, opening it must not hang.
            UniqueFd file(::openat(dirFd, child.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
            if (!file || ::fstat(file.get(), &st) != 0)
                return errno == ENOENT ? Result<void>{} : Result<void>(failed("open", name));
            if (!S_ISREG(st.st_mode))
                return other(st, name);
            return regular(file.get(), st, name);
        }
        return other(st, name);
    }

    Result<void> regular(int fd, const struct stat &st, const QByteArray &name)
    {
        if (st.st_nlink > 1) {
            const auto key = std::pair{quint64(st.st_dev), quint64(st.st_ino)};
            if (const auto first = m_firstNames.constFind(key); first != m_firstNames.cend())
                return m_tar.entry(name, st, {{}, *first, {}});
            m_firstNames.insert(key, name);
        }
        if (auto written = m_tar.entry(name, st, {{}, {}, copiedXattrs(fd)}); !written)
            return written;
        // The size in the header is the size at stat: a file that grows is cut there, one that
        // shrinks is padded.
        if (auto written = m_tar.fileData(fd, st.st_size); !written)
            return written.error().kind() == ErrorKind::Cancelled ? written.error() : written.error().wrapped(shown(name));
        m_content += st.st_size;
        return {};
    }

    Result<void> other(const struct stat &st, const QByteArray &name)
    {
        if (S_ISFIFO(st.st_mode))
            return m_tar.entry(name, st, {});
        if (m_options.layerWhiteouts && S_ISCHR(st.st_mode) && st.st_rdev == 0) {
            const qsizetype slash = name.lastIndexOf('/');
            return whiteoutEntry(name.left(slash + 1) + ".wh." + name.mid(slash + 1), st);
        }
        return {}; // device nodes and sockets: a container's /dev is made fresh, sockets are live
    }

    static bool isOpaque(int dirFd)
    {
        char value = 0;
        return ::fgetxattr(dirFd, "trusted.overlay.opaque", &value, 1) == 1 && value == 'y';
    }

    // An empty regular file with the whiteout's name, owned as the thing it marks.
    Result<void> whiteoutEntry(const QByteArray &name, struct stat st)
    {
        st.st_mode = S_IFREG | 0;
        st.st_size = 0;
        st.st_nlink = 1;
        return m_tar.entry(name, st, {});
    }

    const TreeArchiveOptions &m_options;
    TarWriter &m_tar;
    qint64 m_content = 0;
    QHash<std::pair<quint64, quint64>, QByteArray> m_firstNames;
};

} // namespace

QByteArray cleanContainerPath(const QByteArray &path)
{
    QList<QByteArray> kept;
    for (const QByteArray &component : path.split('/')) {
        if (component.isEmpty() || component == ".")
            continue;
        if (component == "..") {
            if (!kept.isEmpty())
                kept.removeLast();
            continue;
        }
        kept << component;
    }
    return kept.join('/');
}

Result<PathInfo> statInRoot(int rootFd, const QByteArray &path, bool followLink)
{
    const QByteArray cleaned = cleanContainerPath(path);
    auto opened = openPath(rootFd, cleaned, followLink);
    if (!opened)
        return opened.error();
    const auto &[fd, st] = *opened;
    PathInfo info = infoOf(lastComponent(cleaned), st);
    if (S_ISLNK(st.st_mode)) {
        auto target = readLink(fd.get(), "", cleaned);
        if (!target)
            return target.error();
        info.linkTarget = *target;
    }
    return info;
}

Result<DirectoryListing> listInRoot(int rootFd, const QByteArray &path, int limit)
{
    const QByteArray cleaned = cleanContainerPath(path);
    auto opened = openPath(rootFd, cleaned, true);
    if (!opened)
        return opened.error();
    if (!S_ISDIR(opened->second.st_mode))
        return Error::invalidArgument(QStringLiteral("/%1 is not a directory").arg(shown(cleaned)));
    auto dir = reopen(opened->first.get(), O_RDONLY | O_DIRECTORY, cleaned);
    if (!dir)
        return dir.error();
    DIR *stream = ::fdopendir(dir->release());
    if (!stream)
        return failed("read directory", cleaned);
    DirectoryListing listing;
    while (const dirent *d = ::readdir(stream)) {
        const QByteArray name(d->d_name);
        struct stat st
        {
        };
        if (name == "." || name == ".." || ::fstatat(::dirfd(stream), d->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if (listing.entries.size() >= limit) {
            listing.truncated = true;
            break;
        }
        PathInfo info = infoOf(name, st);
        if (S_ISLNK(st.st_mode))
            if (auto target = readLink(::dirfd(stream), d->d_name, name))
                info.linkTarget = *target;
        listing.entries << info;
    }
    ::closedir(stream);
    std::sort(listing.entries.begin(), listing.entries.end(),
              [](const PathInfo &a, const PathInfo &b) { return a.name < b.name; });
    return listing;
}

namespace {

Result<qint64> walkInto(TarWriter &tar, int rootFd, const QByteArray &path, const TreeArchiveOptions &options)
{
    const QByteArray cleaned = cleanContainerPath(path);
    auto opened = openPath(rootFd, cleaned, options.followLink);
    if (!opened)
        return opened.error();
    const QByteArray name = cleaned.isEmpty() ? QByteArrayLiteral(".") : lastComponent(cleaned);
    ArchiveWalk walk(tar, options);
    if (auto written = walk.top(opened->first.get(), opened->second, name, cleaned); !written)
        return written.error();
    if (auto closed = tar.close(); !closed)
        return closed.error();
    return walk.contentBytes();
}

} // namespace

Result<qint64> writeTreeArchive(int rootFd, const QByteArray &path, int outFd, const TreeArchiveOptions &options)
{
    TarWriter tar(outFd, options.progress, options.passContent ? PassedContent::TheFile : PassedContent::None);
    return walkInto(tar, rootFd, path, options);
}

Result<qint64> writeTreeArchive(int rootFd, const QByteArray &path, const std::function<Result<void>(QByteArrayView)> &sink,
                                const TreeArchiveOptions &options)
{
    qint64 written = 0;
    TarWriter tar([&](QByteArrayView bytes) -> Result<void> {
        written += bytes.size();
        if (options.progress && !options.progress(written))
            return Error::cancelled(QStringLiteral("the copy was cancelled"));
        return sink(bytes);
    });
    return walkInto(tar, rootFd, path, options);
}

} // namespace berth
