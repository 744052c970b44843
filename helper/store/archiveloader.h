#pragma once

// ArchiveLoader: reads an image archive from a file descriptor the caller opened: a
// `docker save` archive (manifest.json), an OCI image layout in a tar (index.json), gzip, zstd
// or xz compressed or not.  The archive is read once, as a stream (stdin works): every file is
// hashed into the blob store as it passes, then the manifests are interpreted and each layer is
// unpacked and checked against the config's diff ID.
//
//     ArchiveLoader loader(blobs, layers, callbacks);
//     auto images = loader.read(fd);      // heavy: run it off the event loop
//     ... register *images in the ImageStore (main thread), then:
//     loader.discardUnused(isBlobUsed, isLayerUsed);   // success or failure: nothing stray stays
//
// Nothing is registered here: an archive that fails anywhere leaves no image behind.

#include "image/digest.h"
#include "image/imagetypes.h"
#include "result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

#include <atomic>
#include <functional>

struct archive;

namespace berth {

class BlobStore;
class LayerStore;

struct LoadedImage
{
    Digest manifest = Digest::ofBytes({});
    QStringList tags; // as written in the archive; validated when registered
};

class ArchiveLoader
{
public:
    struct Callbacks
    {
        std::function<void(qint64 bytesRead)> progress;
        // A layer's state: "extracting", "done"; bytes of the layer blob.
        std::function<void(const QString &id, const QString &state, qint64 done, qint64 total)> layer;
        const std::atomic<bool> *cancelled = nullptr;
    };

    ArchiveLoader(BlobStore &blobs, LayerStore &layers, Callbacks callbacks);

    Result<QList<LoadedImage>> read(int fd);

    // Removes what this load added and nothing uses.
    void discardUnused(const std::function<bool(const Digest &)> &blobUsed, const std::function<bool(const Digest &)> &layerUsed);

private:
    Result<void> ingest(archive *tar);
    Result<void> ingestFile(archive *tar, const QString &name, qint64 size);
    Result<QByteArray> documentBytes(const QString &name) const;
    Result<Digest> blobOf(const QString &name) const;
    QString resolve(const QString &name) const;
    Result<QList<LoadedImage>> loadDockerArchive();
    Result<QList<LoadedImage>> loadOciLayout();
    Result<Digest> unpackLayers(const oci::ImageConfig &config, const QList<Digest> &layerBlobs);
    Result<oci::Descriptor> manifestForPlatform(const oci::Index &index, int depth) const;
    bool cancelled() const { return m_callbacks.cancelled && m_callbacks.cancelled->load(); }

    BlobStore &m_blobs;
    LayerStore &m_layers;
    Callbacks m_callbacks;
    QHash<QString, QByteArray> m_documents; // small JSON files, by path in the archive
    QHash<QString, Digest> m_files; // every other file, ingested as a blob
    QHash<QString, QString> m_links; // path -> path it links to
    QSet<Digest> m_newBlobs;
    QSet<Digest> m_newLayers;
    qint64 m_documentBytes = 0;
};

} // namespace berth
