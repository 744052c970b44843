#pragma once

// ImageStore: image records and tags, on top of the blob and layer stores.
//
//   <data-root>/images/<id hex>.json   one record per image: its manifest, config and layers
//   <data-root>/repositories.json      tags: {"docker.io/library/busybox:latest": "sha256:<id>"}
//
//     auto image = images.add(manifestDigest);     // every blob and layer checked first
//     images.tag(image->id, *ImageRef::parse(u"busybox"_s));
//     auto found = images.find(u"busybox"_s);       // a name, a full id or an id prefix
//     auto report = images.remove(u"busybox"_s, false);   // docker's rmi: untag or delete
//
// An image's id is the digest of its config, as docker's.  Blobs and layers that no image
// refers to any more are removed together with the last image that used them.

#include "image/imageref.h"
#include "image/imagetypes.h"
#include "result.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QSet>
#include <QStringList>

#include <functional>
#include <optional>

namespace berth {

class BlobStore;
class LayerStore;

struct ImageRecord
{
    Digest id = Digest::ofBytes({});
    Digest manifest = Digest::ofBytes({});
    QList<Digest> layerBlobs;
    QList<Digest> chainIds;
    QString created; // from the config, RFC 3339
    qint64 size = 0; // bytes of all layers' files
    QStringList tags; // normalized references
};

// What rmi and prune did, in docker's words.
struct RemovalReport
{
    QStringList untagged; // familiar references
    QStringList deleted; // image ids and layer chain ids
    qint64 reclaimed = 0;
};

// A container that keeps an image from being deleted.
struct ImageUse
{
    QString container;
    bool running = false;
};

class ImageStore
{
public:
    ImageStore(QString dataRoot, BlobStore &blobs, LayerStore &layers);

    Result<void> open();

    Result<ImageRecord> add(const Digest &manifestDigest);
    Result<ImageRecord> find(const QString &nameOrId) const;
    QList<ImageRecord> list() const;
    int count() const { return int(m_images.size()); }

    bool usesBlob(const Digest &blob) const;
    bool usesLayer(const Digest &chainId) const;

    // Engine thread only (the parsed configs are cached).
    Result<oci::ImageConfig> config(const ImageRecord &image) const;
    Result<oci::Manifest> manifest(const ImageRecord &image) const;

    Result<void> tag(const Digest &id, const ImageRef &ref);
    // docker rmi: a reference that is one of several tags only loses that tag; the last tag,
    // or an id with `force`, deletes the image.
    Result<RemovalReport> remove(const QString &nameOrId, bool force);
    // docker image prune: untagged images, or with `all` every image.
    Result<RemovalReport> prune(bool all);

    // Who uses an image; the container engine answers, so rmi and prune spare those images.
    void setUsageCheck(std::function<std::optional<ImageUse>(const Digest &)> check) { m_usage = std::move(check); }

private:
    Result<void> saveRecord(const ImageRecord &image);
    Result<void> saveTags();
    struct Garbage
    {
        QSet<Digest> blobs;
        QSet<Digest> layers;
    };
    Result<void> deleteImage(const Digest &id, RemovalReport &report, Garbage &garbage);
    void collectGarbage(const Garbage &garbage, RemovalReport &report);
    QStringList tagsOf(const Digest &id) const;
    void untag(const ImageRef &ref, RemovalReport &report);

    QString m_dataRoot;
    BlobStore &m_blobs;
    LayerStore &m_layers;
    QHash<Digest, ImageRecord> m_images;
    QMap<QString, Digest> m_tags; // normalized reference -> image id
    std::function<std::optional<ImageUse>(const Digest &)> m_usage;
    mutable QHash<Digest, oci::ImageConfig> m_configs; // parsed configs by image id
};

} // namespace berth
