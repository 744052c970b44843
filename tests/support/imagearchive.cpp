#include "imagearchive.h"

#include "tarbuilder.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace berth::test {

QByteArray ImageArchive::digestOf(const QByteArray &bytes)
{
    return "sha256:" + QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

void ImageArchive::addImage(const QList<QByteArray> &layers, const QStringList &tags, const QStringList &cmd)
{
    QJsonArray diffIds;
    QJsonArray history;
    for (const QByteArray &layer : layers) {
        diffIds.append(QString::fromLatin1(digestOf(layer)));
        history.append(QJsonObject{{QStringLiteral("created_by"), QStringLiteral("test layer")}});
    }
    const QJsonObject config{
        {QStringLiteral("architecture"), QStringLiteral("amd64")},
        {QStringLiteral("os"), QStringLiteral("linux")},
        {QStringLiteral("created"), QStringLiteral("2026-01-02T03:04:05Z")},
        {QStringLiteral("config"), QJsonObject{{QStringLiteral("Cmd"), QJsonArray::fromStringList(cmd)}}},
        {QStringLiteral("rootfs"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("layers")}, {QStringLiteral("diff_ids"), diffIds}}},
        {QStringLiteral("history"), history}};
    m_images.append({layers, tags, QJsonDocument(config).toJson(QJsonDocument::Compact)});
}

QByteArray ImageArchive::dockerArchive(const QByteArray &manifestOverride) const
{
    TarBuilder tar;
    QJsonArray manifest;
    int n = 0;
    for (const Image &image : m_images) {
        const QByteArray configName = digestOf(image.config).mid(7) + ".json";
        tar.file(configName, image.config);
        QJsonArray layerNames;
        for (const QByteArray &layer : image.layers) {
            const QByteArray name = QByteArray::number(n++) + "/layer.tar";
            tar.file(name, layer);
            layerNames.append(QString::fromLatin1(name));
        }
        manifest.append(QJsonObject{{QStringLiteral("Config"), QString::fromLatin1(configName)},
                                    {QStringLiteral("RepoTags"), QJsonArray::fromStringList(image.tags)},
                                    {QStringLiteral("Layers"), layerNames}});
    }
    tar.file("manifest.json",
             manifestOverride.isEmpty() ? QJsonDocument(manifest).toJson(QJsonDocument::Compact) : manifestOverride);
    return tar.finish();
}

QByteArray ImageArchive::ociLayout(bool omitLayerBlobs, bool corruptLayerBlob) const
{
    TarBuilder tar;
    tar.file("oci-layout", R"({"imageLayoutVersion":"1.0.0"})");
    auto blob = [&](const QByteArray &bytes, bool corrupt = false) {
        QByteArray content = bytes;
        if (corrupt && !content.isEmpty())
            content[0] = char(content[0] ^ 0x55);
        tar.file("blobs/sha256/" + digestOf(bytes).mid(7), content);
    };
    QJsonArray manifests;
    for (const Image &image : m_images) {
        QJsonArray layers;
        for (const QByteArray &layer : image.layers) {
            if (!omitLayerBlobs)
                blob(layer, corruptLayerBlob);
            layers.append(QJsonObject{{QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.layer.v1.tar")},
                                      {QStringLiteral("digest"), QString::fromLatin1(digestOf(layer))},
                                      {QStringLiteral("size"), layer.size()}});
        }
        blob(image.config);
        const QByteArray manifest
            = QJsonDocument(
                  QJsonObject{
                      {QStringLiteral("schemaVersion"), 2},
                      {QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
                      {QStringLiteral("config"),
                       QJsonObject{{QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.config.v1+json")},
                                   {QStringLiteral("digest"), QString::fromLatin1(digestOf(image.config))},
                                   {QStringLiteral("size"), image.config.size()}}},
                      {QStringLiteral("layers"), layers}})
                  .toJson(QJsonDocument::Compact);
        blob(manifest);
        QJsonObject descriptor{{QStringLiteral("mediaType"), QStringLiteral("application/vnd.oci.image.manifest.v1+json")},
                               {QStringLiteral("digest"), QString::fromLatin1(digestOf(manifest))},
                               {QStringLiteral("size"), manifest.size()}};
        if (!image.tags.isEmpty())
            descriptor.insert(QStringLiteral("annotations"),
                              QJsonObject{{QStringLiteral("io.containerd.image.name"), image.tags.first()}});
        manifests.append(descriptor);
    }
    tar.file("index.json",
             QJsonDocument(QJsonObject{{QStringLiteral("schemaVersion"), 2}, {QStringLiteral("manifests"), manifests}})
                 .toJson(QJsonDocument::Compact));
    return tar.finish();
}

} // namespace berth::test
