#pragma once

// LayerStore: unpacked layers for overlayfs, one directory per chain ID, each stored once.
//
//   <data-root>/layers/<chain-id hex>/diff/        the layer's files (an overlay lowerdir)
//   <data-root>/layers/<chain-id hex>/layer.json   {"diffId", "parent", "size"}
//   <data-root>/layers/.ingest-<random>/           a layer being unpacked; removed at start
//
//     auto layer = layers.add(blobFd, parentChainId, configDiffId);   // verified, then visible
//
// The chain ID names a layer together with everything below it (OCI image spec):
// ChainID(L0) = DiffID(L0), ChainID(Ln) = sha256(ChainID(Ln-1) + " " + DiffID(Ln)).
// A layer is removed when no image refers to it any more (ImageStore decides).

#include "image/digest.h"
#include "layerunpacker.h"
#include "result.h"

#include <QList>
#include <QString>

#include <optional>

namespace berth {

struct LayerRecord
{
    Digest chainId = Digest::ofBytes({});
    Digest diffId = Digest::ofBytes({});
    std::optional<Digest> parent;
    qint64 size = 0;
};

class LayerStore
{
public:
    explicit LayerStore(QString dataRoot);

    Result<void> open();

    static Digest chainId(const std::optional<Digest> &parentChainId, const Digest &diffId);

    bool contains(const Digest &chainId) const;
    QString diffPath(const Digest &chainId) const;
    Result<LayerRecord> record(const Digest &chainId) const;
    QList<LayerRecord> list() const;

    // Unpacks a layer blob on top of `parent`.  With `expectedDiffId`, a layer whose content
    // does not match is refused and leaves nothing behind.
    Result<LayerRecord> add(int blobFd, const std::optional<Digest> &parent, const std::optional<Digest> &expectedDiffId,
                            const UnpackLimits &limits = {}, const std::function<bool(qint64)> &progress = {});
    Result<void> remove(const Digest &chainId);

private:
    QString m_dir;
};

} // namespace berth
