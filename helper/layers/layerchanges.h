#pragma once

// layerChanges: what one layer does to the layers below it, as `dive` shows it: files it adds,
// files it changes (they exist below), and files it deletes (whiteouts), with the bytes it adds.
// Lower layers are looked into with openat2(RESOLVE_IN_ROOT), so a symlink in a layer never
// leads the walk to a host file.

#include "image/digest.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace berth {

class LayerStore;

struct LayerChange
{
    enum class Kind { Added, Changed, Deleted };
    QString path;
    Kind kind = Kind::Added;
    quint64 size = 0;
};

struct LayerChanges
{
    QList<LayerChange> changes;
    quint64 addedBytes = 0;
    bool truncated = false; // more than `limit` entries
};

Result<LayerChanges> layerChanges(const LayerStore &layers, const Digest &chainId, int limit = 20000);

// The same for any tree over others (nearest first): a container's writable layer over its
// image, for `docker diff`, which names the directories too.  Sorted by path.
Result<LayerChanges> treeChanges(const QString &upper, const QStringList &lowers, bool directories, int limit = 20000);

} // namespace berth
