#include "pulljob.h"

#include "layers/layerstore.h"
#include "registry/registry.h"
#include "store/blobstore.h"
#include "store/imagestore.h"

#include <QLoggingCategory>

#include <algorithm>
#include <future>
#include <semaphore>
#include <vector>

namespace berth {
namespace {

Q_LOGGING_CATEGORY(lcPull, "berth.images.pull")

constexpr std::ptrdiff_t kMaxParallelDownloads = 64; // engine.json's max-concurrent-downloads at most

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
    // Docker Hub's mirrors first, in turn and without the person's credentials; then the
    // registry the image is named after.  What a mirror serves is verified like the rest.
    QList<std::pair<QString, RegistryAccess>> endpoints;
    if (m_reference.domain() == u"docker.io")
        for (const QString &mirror : std::as_const(m_access.mirrors)) {
            RegistryAccess anonymous = m_access;
            anonymous.credentials.reset();
            endpoints.append({mirror, anonymous});
        }
    endpoints.append({m_reference.domain(), m_access});
    for (qsizetype i = 0;; ++i) {
        auto pulled = pullFrom(endpoints[i].first, endpoints[i].second);
        if (pulled || i + 1 == endpoints.size() || pulled.error().kind() == ErrorKind::Cancelled)
            return pulled;
        qCInfo(lcPull) << "the mirror" << endpoints[i].first << "failed, trying the next:" << pulled.error().message();
    }
}

Result<QVariantMap> PullJob::pullFrom(const QString &endpoint, const RegistryAccess &access)
{
    auto opened = openRegistry(endpoint, access, &cancelFlag());
    if (!opened)
        return opened.error();
    Registry &registry = **opened;
    const QString repository = m_reference.path();
    registry.setScope(repository, false);
    if (auto pinged = registry.ping(); !pinged)
        return pinged.error();
    const QString reference = m_reference.digest() ? m_reference.digest()->toString() : m_reference.tag();
    auto fetched = registry.manifest(repository, reference);
    if (!fetched)
        return fetched.error();
    const bool listed = fetched->mediaType == oci::media::kIndex || fetched->mediaType == oci::media::kDockerList;
    if (listed) {
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
    // A single image, not a list's choice: it must be for the platform asked for, as docker checks.
    if (!listed && !matches(m_platform, imageConfig->os, imageConfig->architecture, imageConfig->variant))
        return Error::notFound(
            QStringLiteral("the image %1 is for %2/%3, which does not match the platform %4")
                .arg(m_reference.familiarString(), imageConfig->os, imageConfig->architecture, shown(m_platform)));
    if (imageConfig->diffIds.size() != manifest->layers.size())
        return Error::invalidArgument(QStringLiteral("the manifest lists %1 layers but the config %2")
                                          .arg(manifest->layers.size())
                                          .arg(imageConfig->diffIds.size()));

    // Which layers the store lacks; those are downloaded, a few at once (each on a thread
    // and connection of its own), while this thread unpacks them in order as they arrive.
    QList<Digest> chains;
    std::optional<Digest> chain;
    for (qsizetype i = 0; i < manifest->layers.size(); ++i)
        chains << *(chain = LayerStore::chainId(chain, imageConfig->diffIds[i]));
    const auto itemOf = [](const oci::Descriptor &layer, const QString &state, quint64 done) {
        const QString id = layer.digest.hex().left(12);
        return Item{id, QStringLiteral("layer %1").arg(id), state, done, quint64(layer.size)};
    };
    std::counting_semaphore<kMaxParallelDownloads> slots(
        std::clamp<std::ptrdiff_t>(access.maxConcurrentDownloads, 1, kMaxParallelDownloads));
    std::vector<std::future<Result<Digest>>> downloads(std::size_t(manifest->layers.size()));
    for (qsizetype i = 0; i < manifest->layers.size(); ++i) {
        const oci::Descriptor &layer = manifest->layers[i];
        if (m_layers.record(chains[i]) && m_blobs.openForReading(layer.digest)) {
            reportItem(itemOf(layer, QStringLiteral("already exists"), quint64(layer.size)));
            continue;
        }
        reportItem(itemOf(layer, QStringLiteral("waiting"), 0));
        downloads[std::size_t(i)] = std::async(std::launch::async, [&, layer] {
            slots.acquire();
            auto client = openRegistry(endpoint, access, &cancelFlag());
            if (client)
                (*client)->setScope(repository, false);
            auto blob = client ? (*client)->ping() : Result<void>(client.error());
            qint64 received = 0;
            auto fetched = blob ? (*client)->blob(
                               repository, layer, m_blobs,
                               [&](qint64 done) {
                                   received = done;
                                   reportItem(itemOf(layer, QStringLiteral("downloading"), quint64(done)));
                               },
                               [&](int) { reportItem(itemOf(layer, QStringLiteral("retrying"), quint64(received))); })
                                : Result<Digest>(blob.error());
            slots.release();
            return fetched;
        });
    }
    // Every download is waited for, also after a failure: no thread may outlive the job.
    std::optional<Error> failure;
    for (qsizetype i = 0; i < manifest->layers.size(); ++i) {
        auto &download = downloads[std::size_t(i)];
        if (!download.valid())
            continue;
        auto blob = download.get();
        if (blob)
            m_pending.blobs << *blob;
        if (failure)
            continue;
        if (!blob) {
            failure = blob.error();
            continue;
        }
        const oci::Descriptor &layer = manifest->layers[i];
        reportItem(itemOf(layer, QStringLiteral("extracting"), quint64(layer.size)));
        auto fd = m_blobs.openForReading(*blob);
        auto added = fd ? m_layers.add(fd->get(), i > 0 ? std::optional(chains[i - 1]) : std::nullopt, imageConfig->diffIds[i],
                                       {}, [this](qint64) { return !cancelFlag(); })
                        : Result<LayerRecord>(fd.error());
        if (!added) {
            failure = added.error().wrapped(QStringLiteral("layer %1").arg(layer.digest.toString()));
            continue;
        }
        m_pending.layers << added->chainId;
        reportItem(itemOf(layer, QStringLiteral("done"), quint64(layer.size)));
    }
    if (failure)
        return *failure;
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
