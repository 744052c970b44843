#pragma once

// The documents of an image, as the OCI image spec and Docker's manifest v2 schema 2 define
// them: manifests, indexes (manifest lists), configs and the descriptors that link them.
//
//     auto manifest = oci::Manifest::parse(bytes);     // Result<Manifest>; errors name the field
//     manifest->layers[0].digest ...
//     QByteArray out = manifest->serialize();          // fields Berth does not know are kept
//
// Each type keeps the JSON it was read from, so serializing writes back what Berth does not
// understand untouched.

#include "digest.h"
#include "result.h"

#include <QList>
#include <QMap>
#include <QStringList>
#include <QVariant>

#include <nlohmann/json.hpp>

#include <optional>

namespace berth::oci {

using Json = nlohmann::ordered_json;

namespace media {
inline const QString kManifest = QStringLiteral("application/vnd.oci.image.manifest.v1+json");
inline const QString kIndex = QStringLiteral("application/vnd.oci.image.index.v1+json");
inline const QString kConfig = QStringLiteral("application/vnd.oci.image.config.v1+json");
inline const QString kLayer = QStringLiteral("application/vnd.oci.image.layer.v1.tar");
inline const QString kLayerGzip = QStringLiteral("application/vnd.oci.image.layer.v1.tar+gzip");
inline const QString kLayerZstd = QStringLiteral("application/vnd.oci.image.layer.v1.tar+zstd");
inline const QString kDockerManifest = QStringLiteral("application/vnd.docker.distribution.manifest.v2+json");
inline const QString kDockerList = QStringLiteral("application/vnd.docker.distribution.manifest.list.v2+json");
inline const QString kDockerConfig = QStringLiteral("application/vnd.docker.container.image.v1+json");
inline const QString kDockerLayerGzip = QStringLiteral("application/vnd.docker.image.rootfs.diff.tar.gzip");
} // namespace media

// Documents larger than this are refused before they are parsed.
constexpr qint64 kMaxDocumentBytes = 4 * 1024 * 1024;

struct Platform
{
    QString architecture;
    QString os;
    QString variant;
};

struct Descriptor
{
    QString mediaType;
    Digest digest = Digest::ofBytes({});
    qint64 size = 0;
    std::optional<Platform> platform;
    QMap<QString, QString> annotations;
    Json raw = Json::object();

    Json toJson() const;
};

struct Manifest
{
    int schemaVersion = 2;
    QString mediaType = media::kManifest;
    Descriptor config;
    QList<Descriptor> layers;
    Json raw = Json::object();

    static Result<Manifest> parse(QByteArrayView bytes);
    QByteArray serialize() const;
};

struct Index
{
    int schemaVersion = 2;
    QString mediaType = media::kIndex;
    QList<Descriptor> manifests;
    Json raw = Json::object();

    static Result<Index> parse(QByteArrayView bytes);
    QByteArray serialize() const;
};

struct HistoryEntry
{
    QString created;
    QString createdBy;
    QString author;
    QString comment;
    bool emptyLayer = false;
};

// The "config" object inside an image config: how a container of the image runs.
struct RunConfig
{
    QString user;
    QString workingDir;
    QString stopSignal;
    QStringList env;
    QStringList entrypoint;
    QStringList cmd;
    QStringList exposedPorts; // "80/tcp"
    QStringList volumes;
    QMap<QString, QString> labels;
};

struct ImageConfig
{
    QString architecture;
    QString os = QStringLiteral("linux");
    QString variant;
    QString created; // RFC 3339
    QString author;
    RunConfig config;
    QList<Digest> diffIds;
    QList<HistoryEntry> history;
    Json raw = Json::object();

    static Result<ImageConfig> parse(QByteArrayView bytes);
    QByteArray serialize() const;
};

// The platform of this machine in OCI terms ("linux"/"amd64", "linux"/"arm64", ...).
Platform hostPlatform();

// The media type of a layer blob, from its first bytes: gzip, zstd or plain tar.
QString layerMediaType(QByteArrayView head);

// Converts between JSON and Qt values for the documents above (used by the helper's inspect).
QVariant toVariant(const Json &json);

} // namespace berth::oci
