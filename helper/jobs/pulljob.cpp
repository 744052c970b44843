#include "pulljob.h"

#include "jobs/pushjob.h"
#include "layers/layerstore.h"
#include "registry/registryclient.h"
#include "store/blobstore.h"
#include "store/imagestore.h"

namespace berth {
namespace {

bool matches(const oci::Platform &wanted, const QString &os, const QString &architecture, const QString &variant)
{
    return os == wanted.os && architecture == wanted.architecture && (wanted.variant.isEmpty() || variant == wanted.variant);
}

QString shown(const oci::Platform &platform)
{
    return platform.os + u'/' + platform.architecture + (platform.variant.isEmpty() ? QString() : u'/' + platform.variant);
}

Result<oci::Descriptor> platformManifest(const oci::Index &index, const oci::Platform &wanted)
{
    for (const oci::Descriptor &entry : index.manifests)
        if (entry.platform && matches(wanted, entry.platform->os, entry.platform->architecture, entry.platform->variant))
            return entry;
    return Error::notFound(QStringLiteral("no image for %1 in the manifest list").arg(shown(wanted)));
}

} // namespace

PullJob::PullJob(ImageRef reference, oci::Platform platform, RegistryAccess access, BlobStore &blobs, LayerStore &layers,
                 ImageStore &images, uint ownerUid)
    : ThreadedJob(QStringLiteral("pull"), ownerUid)
    , m_reference(std::move(reference))
    , m_platform(std::move(platform))
    , m_access(std::move(access))
    , m_blobs(blobs)
    , m_layers(layers)
    , m_pending(blobs, layers, images)
{ }

Result<QVariantMap> PullJob::work()
{
    RegistryClient registry(registryHost(m_reference), m_access, &cancelFlag());
    const QString repository = m_reference.path();
    registry.setScope(repository, false);
    if (auto pinged = registry.ping(); !pinged)
        return pinged.error();
    const QString reference = m_reference.digest() ? m_reference.digest()->toString() : m_reference.tag();
    auto fetched = registry.manifest(repository, reference);
    if (!fetched)
        return fetched.error();
    if (fetched->mediaType == oci::media::kIndex || fetched->mediaType == oci::media::kDockerList) {
        auto index = oci::Index::parse(fetched->bytes);
        if (!index)
            return index.error().wrapped(QStringLiteral("the manifest list"));
        auto chosen = platformManifest(*index, m_platform);
        if (!chosen)
            return chosen.error();
        fetched = registry.manifest(repository, chosen->digest.toString());
        if (!fetched)
            return fetched.error();
    }
    auto manifest = oci::Manifest::parse(fetched->bytes);
    if (!manifest)
        return manifest.error().wrapped(QStringLiteral("the manifest"));

    auto config = registry.blob(repository, manifest->config, m_blobs, {});
    if (!config)
        return config.error();
    m_pending.blobs << *config;
    auto configBytes = m_blobs.readDocument(*config, oci::kMaxDocumentBytes);
    if (!configBytes)
        return configBytes.error();
    auto imageConfig = oci::ImageConfig::parse(*configBytes);
    if (!imageConfig)
        return imageConfig.error().wrapped(QStringLiteral("the image config"));
    // A single image, not a list: it must be for the platform asked for, as docker checks.
    if (!matches(m_platform, imageConfig->os, imageConfig->architecture, imageConfig->variant))
        return Error::notFound(
            QStringLiteral("the image %1 is for %2/%3, which does not match the platform %4")
                .arg(m_reference.familiarString(), imageConfig->os, imageConfig->architecture, shown(m_platform)));
    if (imageConfig->diffIds.size() != manifest->layers.size())
        return Error::invalidArgument(QStringLiteral("the manifest lists %1 layers but the config %2")
                                          .arg(manifest->layers.size())
                                          .arg(imageConfig->diffIds.size()));

    std::optional<Digest> chain;
    for (qsizetype i = 0; i < manifest->layers.size(); ++i) {
        const oci::Descriptor &layer = manifest->layers[i];
        const QString id = layer.digest.hex().left(12);
        const quint64 total = quint64(layer.size);
        const std::optional<Digest> parent = chain;
        chain = LayerStore::chainId(parent, imageConfig->diffIds[i]);
        if (m_layers.record(*chain) && m_blobs.openForReading(layer.digest)) {
            reportItem({id, QStringLiteral("layer %1").arg(id), QStringLiteral("already exists"), total, total});
            continue;
        }
        reportItem({id, QStringLiteral("layer %1").arg(id), QStringLiteral("downloading"), 0, total});
        auto blob = registry.blob(repository, layer, m_blobs, [this, id, total](qint64 done) {
            reportItem({id, QStringLiteral("layer %1").arg(id), QStringLiteral("downloading"), quint64(done), total});
        });
        if (!blob)
            return blob.error();
        m_pending.blobs << *blob;
        reportItem({id, QStringLiteral("layer %1").arg(id), QStringLiteral("extracting"), total, total});
        auto fd = m_blobs.openForReading(*blob);
        if (!fd)
            return fd.error();
        auto added = m_layers.add(fd->get(), parent, imageConfig->diffIds[i], {}, [this](qint64) { return !cancelFlag(); });
        if (!added)
            return added.error().wrapped(QStringLiteral("layer %1").arg(layer.digest.toString()));
        m_pending.layers << added->chainId;
        reportItem({id, QStringLiteral("layer %1").arg(id), QStringLiteral("done"), total, total});
    }
    // Stored last, under the digest the registry serves it by: an image's manifest is present
    // only when everything it names is.
    auto stored = m_blobs.writeDocument(fetched->bytes);
    if (!stored)
        return stored.error();
    m_pending.blobs << *stored;
    m_manifest = *stored;
    return QVariantMap{};
}

void PullJob::completed(const Result<QVariantMap> &outcome)
{
    if (!outcome) {
        m_pending.discard();
        return fail(outcome.error());
    }
    auto image = m_pending.registerImage(*m_manifest, m_reference.digest() ? std::nullopt : std::optional(m_reference));
    if (!image)
        return fail(image.error());
    Q_EMIT imagePulled(image->id.toString(), m_reference.familiarString());
    succeed({{QStringLiteral("Id"), image->id.toString()}, {QStringLiteral("Digest"), m_manifest->toString()}});
}

} // namespace berth
