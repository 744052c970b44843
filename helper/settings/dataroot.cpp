#include "dataroot.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <sys/stat.h>

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
    return DataRoot(dataRoot, runRoot);
}

uint DataRoot::countRecords(const QString &collection) const
{
    return uint(QDir(m_path + u'/' + collection).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size());
}

} // namespace berth
