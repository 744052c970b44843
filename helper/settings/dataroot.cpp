#include "dataroot.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <unistd.h>

namespace berth {
namespace {

Result<void> makePrivateDirectory(const QString &path)
{
    if (!QDir().mkpath(path))
        return Error::unavailable(QStringLiteral("cannot create directory \"%1\"").arg(path));
    if (::chmod(QFile::encodeName(path).constData(), 0700) != 0)
        return Error::fromErrno(errno, QStringLiteral("chmod \"%1\"").arg(path));
    return {};
}

Result<void> checkOrWriteLayout(const QString &root)
{
    const QString file = root + QStringLiteral("/layout");
    QFile existing(file);
    if (existing.open(QIODevice::ReadOnly)) {
        const int version = existing.read(16).trimmed().toInt();
        if (version != DataRoot::kLayoutVersion)
            return Error::notSupported(QStringLiteral("data root \"%1\" has layout version %2; this engine reads version %3")
                                           .arg(root)
                                           .arg(version)
                                           .arg(DataRoot::kLayoutVersion));
        return {};
    }
    QSaveFile out(file); // temporary file, fsync and rename
    if (!out.open(QIODevice::WriteOnly) || out.write(QByteArray::number(DataRoot::kLayoutVersion) + '\n') < 0 || !out.commit())
        return Error::unavailable(QStringLiteral("cannot write \"%1\": %2").arg(file, out.errorString()));
    return {};
}

// Marks a directory whose entries are independent trees as ext4's "top of directory
// hierarchies" (chattr +T), so that each new entry goes to a block group of its own, as
// top-level directories do.  Without it a new layer lands where the one removed a moment
// before was, and ext4 walks past each of that layer's recently freed inodes for every file
// it creates: unpacking thousands of files after an rmi took four times as long.  Other file
// systems have no such flag; the call is then refused and nothing changes.
void spreadEntries(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    int flags = 0;
    if (::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0 && !(flags & FS_TOPDIR_FL)) {
        flags |= FS_TOPDIR_FL;
        (void)::ioctl(fd, FS_IOC_SETFLAGS, &flags);
    }
    ::close(fd);
}

} // namespace

DataRoot::DataRoot(QString path, QString runPath)
    : m_path(std::move(path))
    , m_runPath(std::move(runPath))
{ }

Result<DataRoot> DataRoot::open(const QString &dataRoot, const QString &runRoot)
{
    for (const QString &dir : {dataRoot, runRoot})
        if (auto made = makePrivateDirectory(dir); !made)
            return made.error();
    if (auto layout = checkOrWriteLayout(dataRoot); !layout)
        return layout.error();
    for (const char *collection : {"containers", "images"})
        if (auto made = makePrivateDirectory(dataRoot + u'/' + QLatin1StringView(collection)); !made)
            return made.error();
    for (const char *trees : {"containers", "layers", "volumes"}) {
        const QString directory = dataRoot + u'/' + QLatin1StringView(trees);
        if (!QDir().mkpath(directory))
            return Error::unavailable(QStringLiteral("cannot create directory \"%1\"").arg(directory));
        spreadEntries(directory);
    }
    return DataRoot(dataRoot, runRoot);
}

uint DataRoot::countRecords(const QString &collection) const
{
    return uint(QDir(m_path + u'/' + collection).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

} // namespace berth
