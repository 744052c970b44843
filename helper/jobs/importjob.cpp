#include "importjob.h"

#include "containers/enginefiles.h"

#include "files/treearchive.h"
#include "image/imageref.h"
#include "layers/layerstore.h"
#include "store/blobstore.h"
#include "store/imagedocuments.h"
#include "store/imagestore.h"
#include "system/fileops.h"

#include <QDateTime>

#include <unistd.h>

namespace berth {

ImportJob::ImportJob(UniqueFd tarball, Request request, BlobStore &blobs, LayerStore &layers, ImageStore &images, uint ownerUid)
    : ThreadedJob(request.base ? QStringLiteral("commit") : QStringLiteral("import"), ownerUid)
    , m_blobs(blobs)
    , m_tarball(std::move(tarball))
    , m_request(std::move(request))
    , m_layers(layers)
    , m_pending(blobs, layers, images)
{ }

Result<Digest> ImportJob::committed(Result<Digest> digest)
{
    if (digest)
        m_pending.blobs << *digest;
    return digest;
}

Result<Digest> ImportJob::ingestLayer()
{
    auto writer = m_blobs.begin();
    if (!writer)
        return writer.error();
    QByteArray chunk(256 * 1024, Qt::Uninitialized);
    for (;;) {
        const ssize_t n = ::read(m_tarball.get(), chunk.data(), size_t(chunk.size()));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return Error::fromErrno(errno, QStringLiteral("read the tarball"));
        if (n == 0)
            break;
        if (cancelFlag())
            return Error::cancelled(QStringLiteral("the import was cancelled"));
        if (auto written = writer->write(QByteArrayView(chunk.constData(), n)); !written)
            return written.error();
        reportProgress(writer->size(), 0);
    }
    return committed(writer->commit());
}

Result<QVariantMap> ImportJob::work()
{
    auto blob = ingestLayer();
    if (!blob)
        return blob.error();
    auto fd = m_blobs.openForReading(*blob);
    if (!fd)
        return fd.error();
    const auto &base = m_request.base;
    auto layer = m_layers.add(fd->get(), base ? std::optional(base->topChainId) : std::nullopt, std::nullopt, {},
                              [this](qint64) { return !cancelFlag(); });
    if (!layer)
        return layer.error().wrapped(base ? QStringLiteral("the container's changes") : QStringLiteral("the tarball"));
    m_pending.layers << layer->chainId;

    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    oci::ImageConfig config;
    if (base)
        config = base->config;
    else
        config.architecture = oci::hostPlatform().architecture;
    config.created = now;
    config.author = m_request.author;
    config.config = m_request.config;
    config.diffIds << layer->diffId;
    const QString comment = m_request.message.isEmpty() && !base ? QStringLiteral("Imported from -") : m_request.message;
    config.history << oci::HistoryEntry{now, m_request.createdBy, m_request.author, comment, false};
    auto configDigest = storeDocument(m_blobs, config.serialize(), &m_pending.blobs);
    if (!configDigest)
        return configDigest.error();
    QList<Digest> layers = base ? base->layerBlobs : QList<Digest>{};
    layers << *blob;
    auto manifestDigest = writeManifest(m_blobs, *configDigest, layers, &m_pending.blobs);
    if (!manifestDigest)
        return manifestDigest.error();
    m_manifest = *manifestDigest;
    return QVariantMap{};
}

void ImportJob::completed(const Result<QVariantMap> &outcome)
{
    if (!outcome) {
        m_pending.discard();
        return fail(outcome.error());
    }
    const std::optional<ImageRef> tag
        = m_request.reference ? ImageRef::parse(*m_request.reference).value() : std::optional<ImageRef>();
    auto image = m_pending.registerImage(*m_manifest, tag);
    if (!image)
        return fail(image.error());
    Q_EMIT imageImported(image->id.toString(), tag ? tag->familiarString() : QString());
    succeed({{QStringLiteral("Id"), image->id.toString()}});
}

CommitJob::CommitJob(QString upperDir, Request request, BlobStore &blobs, LayerStore &layers, ImageStore &images, uint ownerUid)
    : ImportJob(UniqueFd(), std::move(request), blobs, layers, images, ownerUid)
    , m_upperDir(std::move(upperDir))
{ }

Result<Digest> CommitJob::ingestLayer()
{
    auto upper = openDirectory(m_upperDir);
    if (!upper)
        return upper.error();
    auto writer = m_blobs.begin();
    if (!writer)
        return writer.error();
    TreeArchiveOptions options;
    options.layerWhiteouts = true;
    // The engine's placeholders for the files it mounts over, as docker's init layer keeps them out.
    for (const char *file : kEngineFiles)
        options.skip.insert(file);
    options.progress = [this](qint64 written) {
        reportProgress(written, 0);
        return !cancelFlag();
    };
    auto written = writeTreeArchive(
        upper->get(), {}, [&writer](QByteArrayView bytes) { return writer->write(bytes); }, options);
    if (!written)
        return written.error();
    return committed(writer->commit());
}

} // namespace berth
