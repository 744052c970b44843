#include "blobstore.h"

#include "system/fileops.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>

namespace berth {

BlobWriter::BlobWriter(UniqueFd fd, QString partialPath, QString blobsDir)
    : m_fd(std::move(fd))
    , m_partialPath(std::move(partialPath))
    , m_blobsDir(std::move(blobsDir))
{ }

BlobWriter::~BlobWriter()
{
    if (!m_committed && !m_partialPath.isEmpty())
        ::unlink(QFile::encodeName(m_partialPath).constData());
}

Result<void> BlobWriter::write(QByteArrayView bytes)
{
    m_hash.add(bytes);
    const char *data = bytes.data();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(m_fd.get(), data, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return Error::fromErrno(errno, QStringLiteral("write \"%1\"").arg(m_partialPath));
        data += n;
        left -= n;
    }
    m_size += bytes.size();
    return {};
}

Result<Digest> BlobWriter::commit(const std::optional<Digest> &expected)
{
    const Digest digest = m_hash.digest();
    if (expected && !(*expected == digest))
        return Error::invalidArgument(QStringLiteral("content does not match its digest: expected %1, got %2")
                                          .arg(expected->toString(), digest.toString()));
    if (::fsync(m_fd.get()) != 0)
        return Error::fromErrno(errno, QStringLiteral("fsync \"%1\"").arg(m_partialPath));
    const QString target = m_blobsDir + u'/' + digest.hex();
    if (::rename(QFile::encodeName(m_partialPath).constData(), QFile::encodeName(target).constData()) != 0)
        return Error::fromErrno(errno, QStringLiteral("rename \"%1\"").arg(m_partialPath));
    m_committed = true;
    if (auto synced = fsyncDirectory(m_blobsDir); !synced)
        return synced.error();
    return digest;
}

BlobStore::BlobStore(QString dataRoot)
    : m_dir(dataRoot + QStringLiteral("/blobs/sha256"))
    , m_ingest(dataRoot + QStringLiteral("/blobs/ingest"))
{ }

Result<void> BlobStore::open()
{
    if (auto removed = removeTree(m_ingest); !removed)
        return removed.error();
    for (const QString &dir : {m_dir, m_ingest})
        if (!QDir().mkpath(dir))
            return Error::unavailable(QStringLiteral("cannot create \"%1\"").arg(dir));
    return {};
}

Result<BlobWriter> BlobStore::begin()
{
    const QString partial
        = QStringLiteral("%1/%2.partial").arg(m_ingest).arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    UniqueFd fd(::open(QFile::encodeName(partial).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (!fd)
        return Error::fromErrno(errno, QStringLiteral("create \"%1\"").arg(partial));
    return BlobWriter(std::move(fd), partial, m_dir);
}

Result<Digest> BlobStore::writeDocument(QByteArrayView bytes)
{
    auto writer = begin();
    if (!writer)
        return writer.error();
    if (auto written = writer->write(bytes); !written)
        return written.error();
    return writer->commit();
}

bool BlobStore::contains(const Digest &digest) const
{
    return QFile::exists(pathOf(digest));
}

QString BlobStore::pathOf(const Digest &digest) const
{
    return m_dir + u'/' + digest.hex();
}

qint64 BlobStore::sizeOf(const Digest &digest) const
{
    return QFileInfo(pathOf(digest)).size();
}

QByteArray BlobStore::head(const Digest &digest, int bytes) const
{
    QFile file(pathOf(digest));
    return file.open(QIODevice::ReadOnly) ? file.read(bytes) : QByteArray();
}

Result<QByteArray> BlobStore::readDocument(const Digest &digest, qint64 maxBytes) const
{
    QFile file(pathOf(digest));
    if (!file.open(QIODevice::ReadOnly))
        return Error::notFound(QStringLiteral("blob %1 is not in the store").arg(digest.toString()));
    if (file.size() > maxBytes)
        return Error::invalidArgument(QStringLiteral("blob %1 is larger than %2 bytes").arg(digest.toString()).arg(maxBytes));
    const QByteArray bytes = file.read(maxBytes);
    if (!(Digest::ofBytes(bytes) == digest))
        return Error::internal(
            QStringLiteral("blob %1 is damaged: its content no longer matches its digest").arg(digest.toString()));
    return bytes;
}

Result<UniqueFd> BlobStore::openForReading(const Digest &digest) const
{
    UniqueFd fd(::open(QFile::encodeName(pathOf(digest)).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (!fd)
        return errno == ENOENT
            ? Result<UniqueFd>(Error::notFound(QStringLiteral("blob %1 is not in the store").arg(digest.toString())))
            : Result<UniqueFd>(Error::fromErrno(errno, QStringLiteral("open blob %1").arg(digest.toString())));
    return fd;
}

Result<void> BlobStore::remove(const Digest &digest)
{
    if (::unlink(QFile::encodeName(pathOf(digest)).constData()) != 0 && errno != ENOENT)
        return Error::fromErrno(errno, QStringLiteral("remove blob %1").arg(digest.toString()));
    return {};
}

QList<Digest> BlobStore::list() const
{
    QList<Digest> digests;
    for (const QString &name : QDir(m_dir).entryList(QDir::Files))
        if (auto digest = Digest::parse(QStringLiteral("sha256:") + name))
            digests << *digest;
    return digests;
}

} // namespace berth
