#include "fileops.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QThreadPool>

#include <atomic>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth {
namespace {

int unlinkEntry(const char *path, const struct stat *, int type, struct FTW *)
{
    return type == FTW_DP ? ::rmdir(path) : ::unlink(path);
}

// Why `file` could not be written as `path`: a full disk keeps its own kind.
Error writeFailure(const QString &path, const QFileDevice &file)
{
    return file.error() == QFileDevice::ResourceError
        ? Error::limitExceeded(QStringLiteral("cannot write \"%1\": the disk is full").arg(path))
        : Error::unavailable(QStringLiteral("cannot write \"%1\": %2").arg(path, file.errorString()));
}

} // namespace

Result<void> writeFileAtomically(const QString &path, QByteArrayView bytes)
{
    // A temporary file, fsynced and renamed over `path`; the helper's umask keeps it 0600.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes.data(), bytes.size()) != bytes.size() || !file.commit())
        return writeFailure(path, file);
    return fsyncDirectory(path.section(u'/', 0, -2));
}

Result<void> replaceFileUnsynced(const QString &path, QByteArrayView bytes)
{
    const QString temporary = path + QStringLiteral(".new");
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes.data(), bytes.size()) != bytes.size()) {
        const Error failure = writeFailure(path, file);
        file.remove();
        return failure;
    }
    file.close();
    if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0) {
        const Error failure = Error::fromErrno(errno, QStringLiteral("rename \"%1\"").arg(temporary));
        file.remove();
        return failure;
    }
    return {};
}

Result<UniqueFd> openDirectory(const QString &path)
{
    UniqueFd fd(::open(QFile::encodeName(path).constData(), O_DIRECTORY | O_RDONLY | O_CLOEXEC));
    if (!fd)
        return Error::fromErrno(errno, QStringLiteral("open directory \"%1\"").arg(path));
    return fd;
}

Result<void> removeTree(const QString &path)
{
    if (::nftw(QFile::encodeName(path).constData(), unlinkEntry, 64, FTW_DEPTH | FTW_PHYS | FTW_MOUNT) != 0 && errno != ENOENT)
        return Error::fromErrno(errno, QStringLiteral("remove \"%1\"").arg(path));
    return {};
}

Result<void> removeTreeLater(const QString &path, const QString &asidePrefix)
{
    // One worker: removals follow each other on the disk instead of competing for it, and a
    // burst of them costs one thread, which ends when idle.
    static QThreadPool *const remover = [] {
        auto *pool = new QThreadPool; // left to the process's end: what it has not removed, the owner's open() does
        pool->setMaxThreadCount(1);
        pool->setExpiryTimeout(1000); // an idle engine keeps no thread for it
        return pool;
    }();
    static std::atomic<quint64> removals{0};
    const QString aside = QStringLiteral("%1/%2%3.%4")
                              .arg(path.section(u'/', 0, -2), asidePrefix, path.section(u'/', -1))
                              .arg(removals.fetch_add(1));
    if (::rename(QFile::encodeName(path).constData(), QFile::encodeName(aside).constData()) != 0)
        return errno == ENOENT ? Result<void>{} : Error::fromErrno(errno, QStringLiteral("move \"%1\" aside").arg(path));
    remover->start([aside] { (void)removeTree(aside); });
    return {};
}

Result<void> removeLeftovers(const QString &directory, const QString &prefix)
{
    for (const QString &name : QDir(directory).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
        if (name.startsWith(prefix))
            if (auto removed = removeTree(directory + u'/' + name); !removed)
                return removed;
    return {};
}

Result<void> fsyncDirectory(const QString &path)
{
    auto dir = openDirectory(path);
    if (!dir)
        return dir.error();
    if (::fsync(dir->get()) != 0)
        return Error::fromErrno(errno, QStringLiteral("fsync \"%1\"").arg(path));
    return {};
}

} // namespace berth
