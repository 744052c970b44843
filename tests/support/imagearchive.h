#pragma once

// Image archives for tests: `docker save` archives and OCI image layouts, built from layer
// tarballs, with knobs to make them hostile.
//
//     ImageArchive archive;
//     archive.addImage({TarBuilder().file("hello", "hi").finish()}, {"hello:1"});
//     const QByteArray tar = archive.dockerArchive();

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace berth::test {

class ImageArchive
{
public:
    struct Image
    {
        QList<QByteArray> layers; // uncompressed layer tarballs, bottom first
        QStringList tags;
        QByteArray config; // filled by addImage
    };

    void addImage(const QList<QByteArray> &layers, const QStringList &tags, const QStringList &cmd = {QStringLiteral("sh")});
    QList<Image> &images() { return m_images; }

    // manifest.json + <config>.json + <n>/layer.tar
    QByteArray dockerArchive(const QByteArray &manifestOverride = {}) const;
    // oci-layout + index.json + blobs/sha256/<hex>; `corruptBlob` flips a byte of that blob.
    QByteArray ociLayout(bool omitLayerBlobs = false, bool corruptLayerBlob = false) const;

    static QByteArray digestOf(const QByteArray &bytes);

private:
    QList<Image> m_images;
};

} // namespace berth::test
