#include "archiveloader.h"

#include "blobstore.h"
#include "image/imageref.h"
#include "imagedocuments.h"
#include "layers/layerstore.h"

#include <QLoggingCategory>

#include <archive.h>
#include <archive_entry.h>

#include <memory>

Q_LOGGING_CATEGORY(lcLoad, "berth.images.load")

namespace berth {
namespace {

constexpr qint64 kMaxEntries = 100000;
constexpr qint64 kMaxAllDocumentBytes = 64 * 1024 * 1024;
constexpr qint64 kChunk = 256 * 1024;
constexpr int kMaxIndexDepth = 4;

using ArchivePtr = std::unique_ptr<archive, decltype(&archive_read_free)>;

Error archiveError(archive *a)
{
    const char *message = archive_error_string(a);
    return Error::invalidArgument(QStringLiteral("the archive cannot be read: %1")
                                      .arg(message ? QString::fromUtf8(message) : QStringLiteral("unknown format")));
}

// "./a//b" -> "a/b"; ".." is refused: names in an archive are only keys here, but a name that
// climbs is never a sign of a well-formed image archive.
Result<QString> cleanName(const char *raw)
{
    QStringList kept;
    for (const QString &part : QString::fromUtf8(raw ? raw : "").split(u'/', Qt::SkipEmptyParts)) {
        if (part == u"..")
            return Error::invalidArgument(
                QStringLiteral("the archive entry \"%1\" climbs with \"..\"").arg(QString::fromUtf8(raw)));
        if (part != u".")
            kept << part;
    }
    return kept.join(u'/');
}

bool isDocumentName(const QString &name)
{
    return name.endsWith(u".json") || name == u"repositories" || name == u"oci-layout";
}

QString shortName(const QString &name)
{
    return name.size() > 80 ? name.left(77) + QStringLiteral("...") : name;
}

} // namespace

ArchiveLoader::ArchiveLoader(BlobStore &blobs, LayerStore &layers, Callbacks callbacks)
    : m_blobs(blobs)
    , m_layers(layers)
    , m_callbacks(std::move(callbacks))
{ }

Result<QList<LoadedImage>> ArchiveLoader::read(int fd)
{
    ArchivePtr tar(archive_read_new(), archive_read_free);
    archive_read_support_filter_gzip(tar.get());
    archive_read_support_filter_zstd(tar.get());
    archive_read_support_filter_xz(tar.get());
    archive_read_support_format_tar(tar.get());
    if (archive_read_open_fd(tar.get(), fd, kChunk) != ARCHIVE_OK)
        return archiveError(tar.get());
    if (auto ingested = ingest(tar.get()); !ingested)
        return ingested.error();
    if (m_documents.contains(QStringLiteral("manifest.json")))
        return loadDockerArchive();
    if (m_documents.contains(QStringLiteral("index.json")))
        return loadOciLayout();
    return Error::invalidArgument(
        QStringLiteral("the archive has neither a manifest.json (docker save) nor an index.json (OCI image layout)"));
}

Result<void> ArchiveLoader::ingest(archive *tar)
{
    archive_entry *entry = nullptr;
    for (qint64 count = 0;; ++count) {
        const int status = archive_read_next_header(tar, &entry);
        if (status == ARCHIVE_EOF)
            return {};
        if (status != ARCHIVE_OK)
            return archiveError(tar);
        if (count > kMaxEntries)
            return Error::limitExceeded(QStringLiteral("the archive has more than %1 entries").arg(kMaxEntries));
        if (cancelled())
            return Error::cancelled(QStringLiteral("the load was cancelled"));
        auto name = cleanName(archive_entry_pathname(entry));
        if (!name)
            return name.error();
        if (m_callbacks.progress)
            m_callbacks.progress(archive_filter_bytes(tar, -1));
        if (const char *hard = archive_entry_hardlink(entry)) {
            auto target = cleanName(hard);
            if (!target)
                return target.error();
            m_links.insert(*name, *target);
            continue;
        }
        switch (archive_entry_filetype(entry)) {
        case AE_IFDIR: continue;
        case AE_IFLNK: {
            // docker save shares a layer between images with "<id>/layer.tar -> ../<other>/layer.tar".
            const QString directory = name->section(u'/', 0, -2);
            auto target = cleanName((directory + u'/' + QString::fromUtf8(archive_entry_symlink(entry))).toUtf8().constData());
            if (!target)
                return target.error();
            m_links.insert(*name, *target);
            continue;
        }
        case AE_IFREG:
            if (auto file = ingestFile(tar, *name, archive_entry_size(entry)); !file)
                return file;
            continue;
        default:
            return Error::invalidArgument(
                QStringLiteral("the archive entry \"%1\" is not a file, directory or link").arg(shortName(*name)));
        }
    }
}

Result<void> ArchiveLoader::ingestFile(archive *tar, const QString &name, qint64 size)
{
    const bool isBlobPath = name.startsWith(u"blobs/");
    if (!isBlobPath && isDocumentName(name)) {
        if (size > oci::kMaxDocumentBytes)
            return Error::invalidArgument(QStringLiteral("\"%1\" is %2 bytes; image documents may have at most %3")
                                              .arg(shortName(name))
                                              .arg(size)
                                              .arg(oci::kMaxDocumentBytes));
        m_documentBytes += size;
        if (m_documentBytes > kMaxAllDocumentBytes)
            return Error::limitExceeded(QStringLiteral("the archive's JSON documents exceed %1 bytes").arg(kMaxAllDocumentBytes));
        QByteArray bytes(size, Qt::Uninitialized);
        if (archive_read_data(tar, bytes.data(), size_t(size)) != size)
            return archiveError(tar);
        m_documents.insert(name, bytes);
        return {};
    }
    auto writer = m_blobs.begin();
    if (!writer)
        return writer.error();
    QByteArray chunk(kChunk, Qt::Uninitialized);
    for (;;) {
        const la_ssize_t n = archive_read_data(tar, chunk.data(), size_t(chunk.size()));
        if (n < 0)
            return archiveError(tar);
        if (n == 0)
            break;
        if (auto written = writer->write(QByteArrayView(chunk.constData(), n)); !written)
            return written;
        if (cancelled())
            return Error::cancelled(QStringLiteral("the load was cancelled"));
        if (m_callbacks.progress)
            m_callbacks.progress(archive_filter_bytes(tar, -1));
    }
    std::optional<Digest> expected;
    if (isBlobPath) { // OCI layouts name blobs by their digest: that name is checked
        auto named = Digest::parse(name.mid(6).replace(u'/', u':'));
        if (!named)
            return Error::invalidArgument(QStringLiteral("\"%1\" is not a blob path (blobs/sha256/<hex>)").arg(shortName(name)));
        expected = *named;
    }
    const bool existed = expected && m_blobs.contains(*expected);
    auto digest = writer->commit(expected);
    if (!digest)
        return digest.error().wrapped(QStringLiteral("blob \"%1\"").arg(shortName(name)));
    if (!existed)
        m_newBlobs.insert(*digest);
    m_files.insert(name, *digest);
    return {};
}

QString ArchiveLoader::resolve(const QString &name) const
{
    QString current = name;
    for (int hops = 0; hops < 16 && m_links.contains(current); ++hops)
        current = m_links.value(current);
    return current;
}

Result<QByteArray> ArchiveLoader::documentBytes(const QString &name) const
{
    const QString path = resolve(name);
    if (const auto doc = m_documents.constFind(path); doc != m_documents.cend())
        return *doc;
    if (const auto blob = m_files.constFind(path); blob != m_files.cend())
        return m_blobs.readDocument(*blob, oci::kMaxDocumentBytes);
    return Error::invalidArgument(QStringLiteral("the archive names \"%1\", which it does not contain").arg(shortName(name)));
}

Result<Digest> ArchiveLoader::blobOf(const QString &name) const
{
    const QString path = resolve(name);
    if (const auto blob = m_files.constFind(path); blob != m_files.cend())
        return *blob;
    if (const auto doc = m_documents.constFind(path); doc != m_documents.cend())
        return Error::invalidArgument(QStringLiteral("\"%1\" is a JSON document, not a layer").arg(shortName(name)));
    return Error::invalidArgument(QStringLiteral("the archive names \"%1\", which it does not contain").arg(shortName(name)));
}

Result<Digest> ArchiveLoader::unpackLayers(const oci::ImageConfig &config, const QList<Digest> &layerBlobs)
{
    if (config.diffIds.size() != layerBlobs.size())
        return Error::invalidArgument(QStringLiteral("the image has %1 layers but its config lists %2 diff IDs")
                                          .arg(layerBlobs.size())
                                          .arg(config.diffIds.size()));
    std::optional<Digest> chain;
    for (int i = 0; i < layerBlobs.size(); ++i) {
        const Digest next = LayerStore::chainId(chain, config.diffIds[i]);
        const QString id = config.diffIds[i].shortId();
        const qint64 total = m_blobs.sizeOf(layerBlobs[i]);
        if (!m_layers.contains(next)) {
            auto fd = m_blobs.openForReading(layerBlobs[i]);
            if (!fd)
                return fd.error();
            auto progress = [&](qint64 done) {
                if (m_callbacks.layer)
                    m_callbacks.layer(id, QStringLiteral("extracting"), done, total);
                return !cancelled();
            };
            auto layer = m_layers.add(fd->get(), chain, config.diffIds[i], {}, progress);
            if (!layer)
                return layer.error().wrapped(QStringLiteral("layer %1").arg(id));
            m_newLayers.insert(layer->chainId);
        }
        if (m_callbacks.layer)
            m_callbacks.layer(id, QStringLiteral("done"), total, total);
        chain = next;
    }
    return chain.value_or(Digest::ofBytes({}));
}

Result<QList<LoadedImage>> ArchiveLoader::loadDockerArchive()
{
    const oci::Json entries = oci::Json::parse(m_documents.value(QStringLiteral("manifest.json")).toStdString(), nullptr, false);
    if (!entries.is_array())
        return Error::invalidArgument(QStringLiteral("manifest.json must be a JSON array"));
    QList<LoadedImage> images;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const oci::Json &entry = entries[i];
        const QString where = QStringLiteral("manifest.json[%1]").arg(i);
        if (!entry.is_object() || !entry.value("Config", oci::Json()).is_string()
            || !entry.value("Layers", oci::Json()).is_array())
            return Error::invalidArgument(QStringLiteral("%1 needs \"Config\" (a string) and \"Layers\" (an array)").arg(where));
        auto configBytes = documentBytes(QString::fromStdString(entry["Config"].get<std::string>()));
        if (!configBytes)
            return configBytes.error();
        auto config = oci::ImageConfig::parse(*configBytes);
        if (!config)
            return config.error().wrapped(where + QStringLiteral(" config"));
        QList<Digest> layerBlobs;
        for (const oci::Json &layerName : entry["Layers"]) {
            if (!layerName.is_string())
                return Error::invalidArgument(QStringLiteral("%1.Layers must list file names").arg(where));
            auto blob = blobOf(QString::fromStdString(layerName.get<std::string>()));
            if (!blob)
                return blob.error();
            layerBlobs << *blob;
        }
        if (auto top = unpackLayers(*config, layerBlobs); !top)
            return top.error();
        auto configDigest = storeDocument(m_blobs, *configBytes, &m_newBlobs);
        if (!configDigest)
            return configDigest.error();
        auto manifestDigest = writeManifest(m_blobs, *configDigest, layerBlobs, &m_newBlobs);
        if (!manifestDigest)
            return manifestDigest.error();
        LoadedImage image{*manifestDigest, {}};
        for (const oci::Json &tag : entry.value("RepoTags", oci::Json::array()))
            if (tag.is_string())
                image.tags << QString::fromStdString(tag.get<std::string>());
        images << image;
    }
    return images;
}

Result<oci::Descriptor> ArchiveLoader::manifestForPlatform(const oci::Index &index, int depth) const
{
    const oci::Platform host = oci::hostPlatform();
    for (const oci::Descriptor &d : index.manifests) {
        if (d.platform && (d.platform->os != host.os || d.platform->architecture != host.architecture))
            continue;
        if (d.mediaType != oci::media::kIndex && d.mediaType != oci::media::kDockerList)
            return d;
        if (depth >= kMaxIndexDepth)
            return Error::invalidArgument(QStringLiteral("image indexes are nested more than %1 deep").arg(kMaxIndexDepth));
        auto bytes = m_blobs.readDocument(d.digest, oci::kMaxDocumentBytes);
        if (!bytes)
            return Error::invalidArgument(
                QStringLiteral("the index names blob %1, which the archive does not contain").arg(d.digest.toString()));
        auto nested = oci::Index::parse(*bytes);
        if (!nested)
            return nested.error();
        return manifestForPlatform(*nested, depth + 1);
    }
    return Error::notFound(QStringLiteral("the archive has no image for %1/%2").arg(host.os, host.architecture));
}

Result<QList<LoadedImage>> ArchiveLoader::loadOciLayout()
{
    auto index = oci::Index::parse(m_documents.value(QStringLiteral("index.json")));
    if (!index)
        return index.error().wrapped(QStringLiteral("index.json"));
    QList<LoadedImage> images;
    for (const oci::Descriptor &entry : index->manifests) {
        oci::Descriptor manifestDescriptor = entry;
        if (entry.mediaType == oci::media::kIndex || entry.mediaType == oci::media::kDockerList) {
            auto chosen = manifestForPlatform(oci::Index{2, entry.mediaType, {entry}, oci::Json::object()}, 0);
            if (!chosen)
                return chosen.error();
            manifestDescriptor = *chosen;
        }
        auto bytes = m_blobs.readDocument(manifestDescriptor.digest, oci::kMaxDocumentBytes);
        if (!bytes)
            return Error::invalidArgument(QStringLiteral("index.json names manifest %1, which the archive does not contain")
                                              .arg(manifestDescriptor.digest.toString()));
        auto manifest = oci::Manifest::parse(*bytes);
        if (!manifest)
            return manifest.error().wrapped(QStringLiteral("manifest %1").arg(manifestDescriptor.digest.toString()));
        auto configBytes = m_blobs.readDocument(manifest->config.digest, oci::kMaxDocumentBytes);
        if (!configBytes)
            return Error::invalidArgument(QStringLiteral("the manifest names config %1, which the archive does not contain")
                                              .arg(manifest->config.digest.toString()));
        auto config = oci::ImageConfig::parse(*configBytes);
        if (!config)
            return config.error().wrapped(QStringLiteral("config"));
        QList<Digest> layerBlobs;
        for (const oci::Descriptor &layer : manifest->layers) {
            if (!m_blobs.contains(layer.digest))
                return Error::invalidArgument(QStringLiteral("the manifest names layer %1, which the archive does not contain")
                                                  .arg(layer.digest.toString()));
            layerBlobs << layer.digest;
        }
        if (auto top = unpackLayers(*config, layerBlobs); !top)
            return top.error();
        LoadedImage image{manifestDescriptor.digest, {}};
        // containerd and docker name the image in full; skopeo's ref.name may be a bare tag.
        for (const char *key : {"io.containerd.image.name", "org.opencontainers.image.ref.name"}) {
            const QString name = entry.annotations.value(QLatin1StringView(key));
            if (!name.isEmpty() && ImageRef::parse(name) && (name.contains(u'/') || name.contains(u':'))) {
                image.tags << name;
                break;
            }
        }
        images << image;
    }
    return images;
}

void ArchiveLoader::discardUnused(const std::function<bool(const Digest &)> &blobUsed,
                                  const std::function<bool(const Digest &)> &layerUsed)
{
    for (const Digest &layer : std::as_const(m_newLayers))
        if (!layerUsed(layer))
            (void)m_layers.remove(layer);
    for (const Digest &blob : std::as_const(m_newBlobs))
        if (!blobUsed(blob))
            (void)m_blobs.remove(blob);
}

} // namespace berth
