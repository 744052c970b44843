#include "archivewriter.h"

#include "blobstore.h"
#include "image/imagetypes.h"

#include <QSet>

#include <archive.h>
#include <archive_entry.h>

#include <memory>
#include <unistd.h>

namespace berth {
namespace {

constexpr qint64 kChunk = 256 * 1024;
using WriterPtr = std::unique_ptr<archive, decltype(&archive_write_free)>;

class ArchiveOut
{
public:
    ArchiveOut(int fd, const SaveCallbacks &callbacks, qint64 total)
        : m_archive(archive_write_new(), archive_write_free)
        , m_callbacks(callbacks)
        , m_total(total)
    {
        archive_write_set_format_pax_restricted(m_archive.get());
        archive_write_set_bytes_in_last_block(m_archive.get(), 1);
        m_open = archive_write_open_fd(m_archive.get(), fd) == ARCHIVE_OK;
    }

    Result<void> document(const QString &name, const QByteArray &bytes)
    {
        if (auto header = this->header(name, bytes.size()); !header)
            return header;
        return data(bytes.constData(), bytes.size());
    }

    Result<void> blob(const BlobStore &blobs, const Digest &digest)
    {
        auto fd = blobs.openForReading(digest);
        if (!fd)
            return fd.error();
        if (auto header = this->header(QStringLiteral("blobs/sha256/") + digest.hex(), blobs.sizeOf(digest)); !header)
            return header;
        Sha256 hash;
        QByteArray chunk(kChunk, Qt::Uninitialized);
        for (;;) {
            const ssize_t n = ::read(fd->get(), chunk.data(), size_t(chunk.size()));
            if (n < 0)
                return Error::fromErrno(errno, QStringLiteral("read blob %1").arg(digest.toString()));
            if (n == 0)
                break;
            hash.add(QByteArrayView(chunk.constData(), n));
            if (auto written = data(chunk.constData(), n); !written)
                return written;
        }
        if (!(hash.digest() == digest))
            return Error::internal(
                QStringLiteral("blob %1 is damaged: its content no longer matches its digest").arg(digest.toString()));
        return {};
    }

    Result<void> close() { return archive_write_close(m_archive.get()) == ARCHIVE_OK ? Result<void>{} : error(); }
    bool isOpen() const { return m_open; }
    Error error() const
    {
        const char *message = archive_error_string(m_archive.get());
        return Error::unavailable(QStringLiteral("writing the archive failed: %1")
                                      .arg(message ? QString::fromUtf8(message) : QStringLiteral("write error")));
    }

private:
    Result<void> header(const QString &name, qint64 size)
    {
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, name.toUtf8().constData());
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0644);
        archive_entry_set_size(entry, size);
        const int status = archive_write_header(m_archive.get(), entry);
        archive_entry_free(entry);
        return status == ARCHIVE_OK ? Result<void>{} : error();
    }

    Result<void> data(const char *bytes, qint64 size)
    {
        if (m_callbacks.cancelled && m_callbacks.cancelled->load())
            return Error::cancelled(QStringLiteral("the save was cancelled"));
        if (archive_write_data(m_archive.get(), bytes, size_t(size)) != size)
            return error();
        m_written += size;
        if (m_callbacks.progress)
            m_callbacks.progress(m_written, m_total);
        return {};
    }

    WriterPtr m_archive;
    const SaveCallbacks &m_callbacks;
    qint64 m_total;
    qint64 m_written = 0;
    bool m_open = false;
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
    if (!out.isOpen())
        return out.error();
    if (auto layout = out.document(QStringLiteral("oci-layout"), R"({"imageLayoutVersion":"1.0.0"})"); !layout)
        return layout;
    for (const Digest &d : std::as_const(order))
        if (auto written = out.blob(blobs, d); !written)
            return written;
    if (auto index = out.document(QStringLiteral("index.json"), ociIndex(blobs, items)); !index)
        return index;
    if (auto manifest = out.document(QStringLiteral("manifest.json"), dockerManifest(items)); !manifest)
        return manifest;
    return out.close();
}

} // namespace berth
