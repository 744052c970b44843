#include "archivewriter.h"

#include "blobstore.h"
#include "image/imagetypes.h"
#include "tarwriter.h"

#include <QSet>

#include <memory>
#include <unistd.h>

namespace berth {
namespace {

constexpr qint64 kChunk = 256 * 1024;

// The archive's tar stream, counting bytes for progress and stopping when cancelled.
class ArchiveOut
{
public:
    ArchiveOut(int fd, const SaveCallbacks &callbacks, qint64 total)
        : m_fd(fd)
        , m_tar([this](QByteArrayView bytes) { return send(bytes); })
        , m_callbacks(callbacks)
        , m_total(total)
    { }

    Result<void> document(const QByteArray &name, const QByteArray &bytes) { return m_tar.file(name, bytes, 0644); }

    Result<void> blob(const BlobStore &blobs, const Digest &digest)
    {
        auto fd = blobs.openForReading(digest);
        if (!fd)
            return fd.error();
        if (auto started = m_tar.beginFile("blobs/sha256/" + digest.hex().toLatin1(), 0644, blobs.sizeOf(digest)); !started)
            return started;
        Sha256 hash;
        QByteArray chunk(kChunk, Qt::Uninitialized);
        for (;;) {
            const ssize_t n = ::read(fd->get(), chunk.data(), size_t(chunk.size()));
            if (n < 0)
                return Error::fromErrno(errno, QStringLiteral("read blob %1").arg(digest.toString()));
            if (n == 0)
                break;
            hash.add(QByteArrayView(chunk.constData(), n));
            if (auto written = m_tar.data(QByteArrayView(chunk.constData(), n)); !written)
                return written;
        }
        if (!(hash.digest() == digest))
            return Error::internal(
                QStringLiteral("blob %1 is damaged: its content no longer matches its digest").arg(digest.toString()));
        return {};
    }

    Result<void> close() { return m_tar.close(); }

private:
    Result<void> send(QByteArrayView bytes)
    {
        if (m_callbacks.cancelled && m_callbacks.cancelled->load())
            return Error::cancelled(QStringLiteral("the save was cancelled"));
        if (auto written = TarWriter::toFd(m_fd)(bytes); !written)
            return written;
        m_written += bytes.size();
        if (m_callbacks.progress)
            m_callbacks.progress(m_written, m_total);
        return {};
    }

    int m_fd;
    TarWriter m_tar;
    const SaveCallbacks &m_callbacks;
    qint64 m_total;
    qint64 m_written = 0;
};

QByteArray dockerManifest(const QList<SaveItem> &items)
{
    oci::Json entries = oci::Json::array();
    for (const SaveItem &item : items) {
        oci::Json layers = oci::Json::array();
        for (const Digest &layer : item.layers)
            layers.push_back("blobs/sha256/" + layer.hex().toStdString());
        oci::Json tags = oci::Json::array();
        for (const QString &tag : item.tags)
            tags.push_back(ImageRef::parse(tag)->familiarString().toStdString());
        entries.push_back(
            {{"Config", "blobs/sha256/" + item.config.hex().toStdString()}, {"RepoTags", tags}, {"Layers", layers}});
    }
    return QByteArray::fromStdString(entries.dump());
}

QByteArray ociIndex(const BlobStore &blobs, const QList<SaveItem> &items)
{
    oci::Index index;
    for (const SaveItem &item : items) {
        QStringList names = item.tags.isEmpty() ? QStringList{QString()} : item.tags;
        for (const QString &name : names) {
            oci::Descriptor d{oci::media::kManifest, item.manifest, blobs.sizeOf(item.manifest), std::nullopt, {},
                              oci::Json::object()};
            if (!name.isEmpty()) {
                const ImageRef ref = *ImageRef::parse(name);
                d.annotations.insert(QStringLiteral("io.containerd.image.name"), ref.toString());
                d.annotations.insert(QStringLiteral("org.opencontainers.image.ref.name"), ref.tag());
            }
            index.manifests << d;
        }
    }
    return index.serialize();
}

} // namespace

Result<void> writeImageArchive(int fd, const BlobStore &blobs, const QList<SaveItem> &items, const SaveCallbacks &callbacks)
{
    QList<Digest> order;
    QSet<Digest> seen;
    for (const SaveItem &item : items)
        for (const Digest &d : QList<Digest>{item.config, item.manifest} + item.layers)
            if (!seen.contains(d)) {
                seen.insert(d);
                order << d;
            }
    qint64 total = 0;
    for (const Digest &d : std::as_const(order))
        total += blobs.sizeOf(d);
    ArchiveOut out(fd, callbacks, total);
    if (auto layout = out.document("oci-layout", R"({"imageLayoutVersion":"1.0.0"})"); !layout)
        return layout;
    for (const Digest &d : std::as_const(order))
        if (auto written = out.blob(blobs, d); !written)
            return written;
    if (auto index = out.document("index.json", ociIndex(blobs, items)); !index)
        return index;
    if (auto manifest = out.document("manifest.json", dockerManifest(items)); !manifest)
        return manifest;
    return out.close();
}

} // namespace berth
