#include "imagestore.h"

#include "blobstore.h"
#include "layers/layerstore.h"
#include "system/fileops.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>

#include <nlohmann/json.hpp>

Q_LOGGING_CATEGORY(lcImages, "berth.images")

namespace berth {
namespace {

using Json = nlohmann::json;

Json digestsJson(const QList<Digest> &digests)
{
    Json array = Json::array();
    for (const Digest &d : digests)
        array.push_back(d.toString().toStdString());
    return array;
}

QList<Digest> digestsFrom(const Json &array)
{
    QList<Digest> digests;
    if (array.is_array())
        for (const Json &item : array)
            if (item.is_string())
                if (auto d = Digest::parse(QString::fromStdString(item.get<std::string>())))
                    digests << *d;
    return digests;
}

QByteArray recordJson(const ImageRecord &image)
{
    Json json{{"id", image.id.toString().toStdString()},     {"manifest", image.manifest.toString().toStdString()},
              {"layerBlobs", digestsJson(image.layerBlobs)}, {"chainIds", digestsJson(image.chainIds)},
              {"created", image.created.toStdString()},      {"size", image.size}};
    return QByteArray::fromStdString(json.dump());
}

std::optional<ImageRecord> parseRecord(const QByteArray &bytes)
{
    const Json json = Json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (!json.is_object() || !json.value("id", Json()).is_string() || !json.value("manifest", Json()).is_string())
        return std::nullopt;
    auto id = Digest::parse(QString::fromStdString(json["id"].get<std::string>()));
    auto manifest = Digest::parse(QString::fromStdString(json["manifest"].get<std::string>()));
    if (!id || !manifest)
        return std::nullopt;
    ImageRecord image;
    image.id = *id;
    image.manifest = *manifest;
    image.layerBlobs = digestsFrom(json.value("layerBlobs", Json()));
    image.chainIds = digestsFrom(json.value("chainIds", Json()));
    image.created = QString::fromStdString(json.value("created", std::string()));
    image.size = json.value("size", qint64(0));
    return image;
}

bool isIdPrefix(const QString &text)
{
    QString hex = text.startsWith(u"sha256:") ? text.mid(7) : text;
    return hex.size() >= 4 && hex.size() <= 64
        && std::all_of(hex.cbegin(), hex.cend(), [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
}

} // namespace

ImageStore::ImageStore(QString dataRoot, BlobStore &blobs, LayerStore &layers)
    : m_dataRoot(std::move(dataRoot))
    , m_blobs(blobs)
    , m_layers(layers)
{ }

Result<void> ImageStore::open()
{
    const QDir dir(m_dataRoot + QStringLiteral("/images"));
    if (!dir.exists() && !QDir().mkpath(dir.path()))
        return Error::unavailable(QStringLiteral("cannot create \"%1\"").arg(dir.path()));
    for (const QString &name : dir.entryList(QDir::Files)) {
        if (!name.endsWith(u".json"))
            continue;
        QFile file(dir.filePath(name));
        const auto image = file.open(QIODevice::ReadOnly) ? parseRecord(file.read(1 << 20)) : std::nullopt;
        if (!image || !std::all_of(image->chainIds.cbegin(), image->chainIds.cend(), [&](const Digest &c) {
                return m_layers.contains(c);
            })) {
            qCWarning(lcImages) << "ignoring the damaged or incomplete image record" << name;
            continue;
        }
        m_images.insert(image->id, *image);
    }
    QFile tags(m_dataRoot + QStringLiteral("/repositories.json"));
    if (tags.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = tags.read(16 << 20);
        const Json json = Json::parse(bytes.begin(), bytes.end(), nullptr, false);
        if (json.is_object())
            for (const auto &[ref, id] : json.items())
                if (auto digest = Digest::parse(QString::fromStdString(id.is_string() ? id.get<std::string>() : std::string()));
                    digest && m_images.contains(*digest))
                    m_tags.insert(QString::fromStdString(ref), *digest);
    }
    for (auto it = m_tags.cbegin(); it != m_tags.cend(); ++it)
        m_images[it.value()].tags << it.key();
    return {};
}

Result<oci::Manifest> ImageStore::manifest(const ImageRecord &image) const
{
    auto bytes = m_blobs.readDocument(image.manifest, oci::kMaxDocumentBytes);
    if (!bytes)
        return bytes.error();
    return oci::Manifest::parse(*bytes);
}

Result<oci::ImageConfig> ImageStore::config(const ImageRecord &image) const
{
    // A config is named by its digest, so a parsed one never goes stale; listing images asks
    // for every config each time, and reading and hashing each blob again would be wasted.
    if (const auto cached = m_configs.constFind(image.id); cached != m_configs.cend())
        return *cached;
    auto bytes = m_blobs.readDocument(image.id, oci::kMaxDocumentBytes);
    if (!bytes)
        return bytes.error();
    auto config = oci::ImageConfig::parse(*bytes);
    if (config)
        m_configs.insert(image.id, *config);
    return config;
}

Result<ImageRecord> ImageStore::add(const Digest &manifestDigest)
{
    auto bytes = m_blobs.readDocument(manifestDigest, oci::kMaxDocumentBytes);
    if (!bytes)
        return bytes.error();
    auto manifest = oci::Manifest::parse(*bytes);
    if (!manifest)
        return manifest.error().wrapped(QStringLiteral("manifest %1").arg(manifestDigest.toString()));
    ImageRecord image;
    image.id = manifest->config.digest;
    image.manifest = manifestDigest;
    auto config = this->config(image);
    if (!config)
        return config.error().wrapped(QStringLiteral("config %1").arg(image.id.toString()));
    if (config->diffIds.size() != manifest->layers.size())
        return Error::invalidArgument(QStringLiteral("the manifest lists %1 layers but the config %2")
                                          .arg(manifest->layers.size())
                                          .arg(config->diffIds.size()));
    std::optional<Digest> chain;
    for (int i = 0; i < manifest->layers.size(); ++i) {
        chain = LayerStore::chainId(chain, config->diffIds[i]);
        auto layer = m_layers.record(*chain);
        if (!layer)
            return Error::notFound(
                QStringLiteral("layer %1 of the image is not in the store").arg(config->diffIds[i].toString()));
        image.layerBlobs << manifest->layers[i].digest;
        image.chainIds << *chain;
        image.size += layer->size;
    }
    image.created = config->created;
    if (auto saved = saveRecord(image); !saved)
        return saved.error();
    image.tags = tagsOf(image.id);
    m_images.insert(image.id, image);
    return image;
}

Result<ImageRecord> ImageStore::find(const QString &nameOrId) const
{
    // As docker: a tag first, then an image id or a unique prefix of one.
    const auto ref = ImageRef::parse(nameOrId);
    if (ref)
        if (const auto tagged = m_tags.constFind(ref->toString()); tagged != m_tags.cend())
            return m_images.value(*tagged);
    if (isIdPrefix(nameOrId)) {
        const QString hex = nameOrId.startsWith(u"sha256:") ? nameOrId.mid(7) : nameOrId;
        QList<Digest> matches;
        for (auto it = m_images.cbegin(); it != m_images.cend(); ++it)
            if (it.key().hex().startsWith(hex))
                matches << it.key();
        if (matches.size() == 1)
            return m_images.value(matches.first());
        if (matches.size() > 1)
            return Error::invalidArgument(
                QStringLiteral("the id prefix \"%1\" matches %2 images; give more digits").arg(hex).arg(matches.size()));
    }
    return Error::notFound(QStringLiteral("No such image: %1").arg(ref ? ref->familiarString() : nameOrId.left(300)));
}

QList<ImageRecord> ImageStore::list() const
{
    return m_images.values();
}

bool ImageStore::usesBlob(const Digest &blob) const
{
    return std::any_of(m_images.cbegin(), m_images.cend(), [&](const ImageRecord &image) {
        return image.id == blob || image.manifest == blob || image.layerBlobs.contains(blob);
    });
}

bool ImageStore::usesLayer(const Digest &chainId) const
{
    return std::any_of(m_images.cbegin(), m_images.cend(),
                       [&](const ImageRecord &image) { return image.chainIds.contains(chainId); });
}

QStringList ImageStore::tagsOf(const Digest &id) const
{
    QStringList tags;
    for (auto it = m_tags.cbegin(); it != m_tags.cend(); ++it)
        if (it.value() == id)
            tags << it.key();
    return tags;
}

Result<void> ImageStore::tag(const Digest &id, const ImageRef &ref)
{
    if (!m_images.contains(id))
        return Error::notFound(QStringLiteral("No such image: %1").arg(id.toString()));
    const QString name = ref.withTag(ref.tag().isEmpty() ? QStringLiteral("latest") : ref.tag()).toString();
    const auto previous = m_tags.constFind(name);
    if (previous != m_tags.cend() && m_images.contains(*previous))
        m_images[*previous].tags.removeAll(name); // the tag moves; the old image may become dangling
    m_tags.insert(name, id);
    m_images[id].tags = tagsOf(id);
    return saveTags();
}

Result<RemovalReport> ImageStore::remove(const QString &nameOrId, bool force)
{
    auto image = find(nameOrId);
    if (!image)
        return image.error();
    RemovalReport report;
    const auto ref = ImageRef::parse(nameOrId);
    const bool byTag = ref && m_tags.contains(ref->toString());
    if (byTag && image->tags.size() > 1) {
        // A tag only loses itself while the image keeps another name.
        untag(*ref, report);
        if (auto saved = saveTags(); !saved)
            return saved.error();
        return report;
    }
    if (!byTag && image->tags.size() > 1 && !force)
        return Error::conflict(
            QStringLiteral("unable to delete %1 (must be forced): the image is referenced in multiple repositories")
                .arg(image->id.shortId()));
    if (const auto use = m_usage ? m_usage(image->id) : std::nullopt) {
        // docker's rules: a running container's image stays; a stopped one's loses its names
        // only when forced, and its content stays for the container.
        if (use->running)
            return Error::conflict(QStringLiteral("conflict: unable to delete %1 (cannot be forced) - image is being used "
                                                  "by running container %2")
                                       .arg(image->id.shortId(), use->container.left(12)));
        if (!force)
            return Error::conflict(
                byTag ? QStringLiteral("conflict: unable to remove repository reference \"%1\" (must force) - container %2 "
                                       "is using its referenced image %3")
                            .arg(nameOrId, use->container.left(12), image->id.shortId())
                      : QStringLiteral("conflict: unable to delete %1 (must be forced) - image is being used by stopped "
                                       "container %2")
                            .arg(image->id.shortId(), use->container.left(12)));
        for (const QString &name : tagsOf(image->id))
            untag(*ImageRef::parse(name), report);
        if (auto saved = saveTags(); !saved)
            return saved.error();
        return report;
    }
    Garbage garbage;
    if (auto deleted = deleteImage(image->id, report, garbage); !deleted)
        return deleted.error();
    collectGarbage(garbage, report);
    return report;
}

void ImageStore::untag(const ImageRef &ref, RemovalReport &report)
{
    const auto it = m_tags.constFind(ref.toString());
    if (it == m_tags.cend())
        return;
    const Digest id = *it;
    m_tags.remove(ref.toString());
    m_images[id].tags = tagsOf(id);
    report.untagged << ref.familiarString();
}

Result<RemovalReport> ImageStore::prune(bool all)
{
    RemovalReport report;
    Garbage garbage;
    for (const ImageRecord &image : list())
        if ((all || image.tags.isEmpty()) && !(m_usage && m_usage(image.id)))
            if (auto deleted = deleteImage(image.id, report, garbage); !deleted)
                return deleted.error();
    collectGarbage(garbage, report);
    return report;
}

Result<void> ImageStore::deleteImage(const Digest &id, RemovalReport &report, Garbage &garbage)
{
    const ImageRecord image = m_images.value(id);
    garbage.blobs << image.id << image.manifest;
    for (const Digest &blob : image.layerBlobs)
        garbage.blobs << blob;
    for (const Digest &chain : image.chainIds)
        garbage.layers << chain;
    for (const QString &name : tagsOf(id)) {
        m_tags.remove(name);
        report.untagged << ImageRef::parse(name)->familiarString();
    }
    if (auto saved = saveTags(); !saved)
        return saved;
    const QString record = QStringLiteral("%1/images/%2.json").arg(m_dataRoot, id.hex());
    if (!QFile::remove(record) && QFile::exists(record))
        return Error::unavailable(QStringLiteral("cannot remove \"%1\"").arg(record));
    m_images.remove(id);
    m_configs.remove(id);
    report.deleted << id.toString();
    return {};
}

void ImageStore::collectGarbage(const Garbage &garbage, RemovalReport &report)
{
    // Only what the deleted images held is a candidate: a blob that a load in progress has
    // written but not yet registered is never taken.
    QSet<Digest> usedBlobs;
    QSet<Digest> usedLayers;
    for (const ImageRecord &image : std::as_const(m_images)) {
        usedBlobs << image.id << image.manifest;
        for (const Digest &blob : image.layerBlobs)
            usedBlobs << blob;
        for (const Digest &chain : image.chainIds)
            usedLayers << chain;
    }
    for (const Digest &chain : garbage.layers) {
        if (usedLayers.contains(chain))
            continue;
        const auto layer = m_layers.record(chain);
        if (layer && m_layers.remove(chain)) {
            report.deleted << chain.toString();
            report.reclaimed += layer->size;
        }
    }
    for (const Digest &blob : garbage.blobs)
        if (!usedBlobs.contains(blob))
            (void)m_blobs.remove(blob);
}

Result<void> ImageStore::saveRecord(const ImageRecord &image)
{
    return writeFileAtomically(QStringLiteral("%1/images/%2.json").arg(m_dataRoot, image.id.hex()), recordJson(image));
}

Result<void> ImageStore::saveTags()
{
    Json json = Json::object();
    for (auto it = m_tags.cbegin(); it != m_tags.cend(); ++it)
        json[it.key().toStdString()] = it.value().toString().toStdString();
    return writeFileAtomically(m_dataRoot + QStringLiteral("/repositories.json"), QByteArray::fromStdString(json.dump()));
}

} // namespace berth
