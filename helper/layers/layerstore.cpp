#include "layerstore.h"

#include "system/fileops.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <sys/stat.h>

namespace berth {
namespace {

using Json = nlohmann::json;
const QString kMetaFile = QStringLiteral("layer.json");

QByteArray metaJson(const LayerRecord &layer)
{
    Json json{{"diffId", layer.diffId.toString().toStdString()}, {"size", layer.size}};
    json["parent"] = layer.parent ? Json(layer.parent->toString().toStdString()) : Json(nullptr);
    return QByteArray::fromStdString(json.dump());
}

Result<LayerRecord> parseMeta(const Digest &chainId, const QByteArray &bytes)
{
    const Json json = Json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (!json.is_object() || !json.value("diffId", Json()).is_string() || !json.value("size", Json()).is_number_integer())
        return Error::internal(QStringLiteral("the record of layer %1 is damaged").arg(chainId.toString()));
    auto diffId = Digest::parse(QString::fromStdString(json["diffId"].get<std::string>()));
    if (!diffId)
        return diffId.error();
    LayerRecord layer{chainId, *diffId, std::nullopt, json["size"].get<qint64>()};
    if (json.value("parent", Json()).is_string()) {
        auto parent = Digest::parse(QString::fromStdString(json["parent"].get<std::string>()));
        if (!parent)
            return parent.error();
        layer.parent = *parent;
    }
    return layer;
}

} // namespace

LayerStore::LayerStore(QString dataRoot)
    : m_dir(dataRoot + QStringLiteral("/layers"))
{ }

Result<void> LayerStore::open()
{
    if (!QDir().mkpath(m_dir))
        return Error::unavailable(QStringLiteral("cannot create \"%1\"").arg(m_dir));
    // Unfinished ingests, and layers moved aside for removal (".ingest-removed-").
    return removeLeftovers(m_dir, QStringLiteral(".ingest-"));
}

Digest LayerStore::chainId(const std::optional<Digest> &parentChainId, const Digest &diffId)
{
    if (!parentChainId)
        return diffId;
    return Digest::ofBytes((parentChainId->toString() + u' ' + diffId.toString()).toLatin1());
}

bool LayerStore::contains(const Digest &chainId) const
{
    return QFile::exists(m_dir + u'/' + chainId.hex() + u'/' + kMetaFile);
}

QString LayerStore::diffPath(const Digest &chainId) const
{
    return m_dir + u'/' + chainId.hex() + QStringLiteral("/diff");
}

Result<LayerRecord> LayerStore::record(const Digest &chainId) const
{
    QFile file(m_dir + u'/' + chainId.hex() + u'/' + kMetaFile);
    if (!file.open(QIODevice::ReadOnly))
        return Error::notFound(QStringLiteral("layer %1 is not in the store").arg(chainId.toString()));
    return parseMeta(chainId, file.read(64 * 1024));
}

QList<LayerRecord> LayerStore::list() const
{
    QList<LayerRecord> layers;
    for (const QString &name : QDir(m_dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (auto chainId = Digest::parse(QStringLiteral("sha256:") + name))
            if (auto layer = record(*chainId))
                layers << *layer;
    return layers;
}

Result<LayerRecord> LayerStore::add(int blobFd, const std::optional<Digest> &parent, const std::optional<Digest> &expectedDiffId,
                                    const UnpackLimits &limits, const std::function<bool(qint64)> &progress)
{
    if (parent && !contains(*parent))
        return Error::notFound(QStringLiteral("parent layer %1 is not in the store").arg(parent->toString()));
    const QString ingest
        = QStringLiteral("%1/.ingest-%2").arg(m_dir).arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    if (!QDir().mkpath(ingest + QStringLiteral("/diff")))
        return Error::unavailable(QStringLiteral("cannot create \"%1\"").arg(ingest));
    auto discard = qScopeGuard([&] { (void)removeTree(ingest); });
    // The layer's root becomes a container's "/" when no later layer has one.
    if (::chmod(QFile::encodeName(ingest + QStringLiteral("/diff")).constData(), 0755) != 0)
        return Error::fromErrno(errno, QStringLiteral("chmod \"%1/diff\"").arg(ingest));

    auto unpacked = unpackLayer(blobFd, ingest + QStringLiteral("/diff"), limits, progress);
    if (!unpacked)
        return unpacked.error();
    if (expectedDiffId && !(*expectedDiffId == unpacked->diffId))
        return Error::invalidArgument(
            QStringLiteral("layer content does not match the image config: diff ID %1 expected, %2 found")
                .arg(expectedDiffId->toString(), unpacked->diffId.toString()));
    const LayerRecord layer{chainId(parent, unpacked->diffId), unpacked->diffId, parent, unpacked->size};
    if (contains(layer.chainId))
        return layer; // stored once: the copy just made is discarded
    if (auto written = writeFileAtomically(ingest + u'/' + kMetaFile, metaJson(layer)); !written)
        return written.error();
    const QString target = m_dir + u'/' + layer.chainId.hex();
    if (std::rename(QFile::encodeName(ingest).constData(), QFile::encodeName(target).constData()) != 0)
        return Error::fromErrno(errno, QStringLiteral("rename \"%1\"").arg(ingest));
    discard.dismiss();
    if (auto synced = fsyncDirectory(m_dir); !synced)
        return synced.error();
    return layer;
}

Result<void> LayerStore::remove(const Digest &chainId)
{
    // Renamed first, so a crash halfway leaves an .ingest- leftover, never a half layer.
    return removeTreeLater(m_dir + u'/' + chainId.hex(), QStringLiteral(".ingest-removed-"));
}

} // namespace berth
