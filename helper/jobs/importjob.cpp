#include "importjob.h"

#include "image/imageref.h"
#include "layers/layerstore.h"
#include "store/blobstore.h"
#include "store/imagedocuments.h"
#include "store/imagestore.h"

#include <QDateTime>

#include <unistd.h>

namespace berth {

ImportJob::ImportJob(UniqueFd tarball, Request request, BlobStore &blobs, LayerStore &layers, ImageStore &images, uint ownerUid)
    : ThreadedJob(QStringLiteral("import"), ownerUid)
    , m_tarball(std::move(tarball))
    , m_request(std::move(request))
    , m_blobs(blobs)
    , m_layers(layers)
    , m_images(images)
{ }

Result<Digest> ImportJob::ingestTarball()
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
    auto digest = writer->commit();
    if (digest)
        m_newBlobs << *digest;
    return digest;
}

Result<QVariantMap> ImportJob::work()
{
    auto blob = ingestTarball();
    if (!blob)
        return blob.error();
    auto fd = m_blobs.openForReading(*blob);
    if (!fd)
        return fd.error();
    auto layer = m_layers.add(fd->get(), std::nullopt, std::nullopt, {}, [this](qint64) { return !cancelFlag(); });
    if (!layer)
        return layer.error().wrapped(QStringLiteral("the tarball"));
    m_newLayer = layer->chainId;

    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    oci::ImageConfig config;
    config.architecture = oci::hostPlatform().architecture;
    config.created = now;
    config.config = m_request.config;
    config.diffIds = {layer->diffId};
    config.history = {{now,
                       QStringLiteral("berth import"),
                       {},
                       m_request.message.isEmpty() ? QStringLiteral("Imported from -") : m_request.message,
                       false}};
    auto configDigest = storeDocument(m_blobs, config.serialize(), &m_newBlobs);
    if (!configDigest)
        return configDigest.error();
    auto manifestDigest = writeManifest(m_blobs, *configDigest, {*blob}, &m_newBlobs);
    if (!manifestDigest)
        return manifestDigest.error();
    m_manifest = *manifestDigest;
    return QVariantMap{};
}

void ImportJob::completed(const Result<QVariantMap> &outcome)
{
    if (!outcome) {
        discard();
        return fail(outcome.error());
    }
    auto image = m_images.add(*m_manifest);
    if (!image) {
        discard();
        return fail(image.error());
    }
    QString name;
    if (m_request.reference) {
        const ImageRef ref = *ImageRef::parse(*m_request.reference);
        if (auto tagged = m_images.tag(image->id, ref); !tagged)
            return fail(tagged.error());
        name = ref.familiarString();
    }
    Q_EMIT imageImported(image->id.toString(), name);
    succeed({{QStringLiteral("Id"), image->id.toString()}});
}

void ImportJob::discard()
{
    if (m_newLayer && !m_images.usesLayer(*m_newLayer))
        (void)m_layers.remove(*m_newLayer);
    for (const Digest &blob : std::as_const(m_newBlobs))
        if (!m_images.usesBlob(blob))
            (void)m_blobs.remove(blob);
}

} // namespace berth
