#include "layerchanges.h"

#include "layerstore.h"
#include "system/fileops.h"

#include <QFile>

#include <algorithm>

#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <vector>

namespace berth {
namespace {

// nftw has no user data pointer; the walk is single-threaded and the state lives here only
// for its duration.
struct Walk
{
    QByteArray root;
    std::vector<UniqueFd> lowerRoots; // nearest first
    LayerChanges *result = nullptr;
    int limit = 0;
    bool directories = false;
};
thread_local Walk *t_walk = nullptr;

bool existsBelow(const QByteArray &relative)
{
    for (const UniqueFd &lower : std::as_const(t_walk->lowerRoots))
        if (openInRoot(lower.get(), relative, O_PATH | O_NOFOLLOW))
            return true;
    return false;
}

int visit(const char *path, const struct stat *st, int type, struct FTW *)
{
    const QByteArray relative = QByteArray(path).mid(t_walk->root.size() + 1);
    if (relative.isEmpty() || (type == FTW_D && !t_walk->directories))
        return 0;
    if (t_walk->result->changes.size() >= t_walk->limit) {
        t_walk->result->truncated = true;
        return 1; // stops the walk
    }
    LayerChange change{QString::fromUtf8(relative), LayerChange::Kind::Added, 0};
    if (S_ISCHR(st->st_mode) && st->st_rdev == makedev(0, 0)) {
        change.kind = LayerChange::Kind::Deleted;
    } else {
        change.size = S_ISREG(st->st_mode) ? quint64(st->st_size) : 0;
        change.kind = existsBelow(relative) ? LayerChange::Kind::Changed : LayerChange::Kind::Added;
        t_walk->result->addedBytes += change.size;
    }
    t_walk->result->changes << change;
    return 0;
}

} // namespace

Result<LayerChanges> treeChanges(const QString &upper, const QStringList &lowers, bool directories, int limit)
{
    LayerChanges result;
    Walk walk{QFile::encodeName(upper), {}, &result, limit, directories};
    for (const QString &lower : lowers) {
        auto fd = openDirectory(lower);
        if (!fd)
            return fd.error();
        walk.lowerRoots.push_back(std::move(*fd));
    }
    t_walk = &walk;
    const int status = ::nftw(walk.root.constData(), visit, 32, FTW_PHYS | FTW_MOUNT);
    t_walk = nullptr;
    if (status < 0)
        return Error::fromErrno(errno, QStringLiteral("walk %1").arg(upper));
    std::sort(result.changes.begin(), result.changes.end(),
              [](const LayerChange &a, const LayerChange &b) { return a.path < b.path; });
    return result;
}

Result<LayerChanges> layerChanges(const LayerStore &layers, const Digest &chainId, int limit)
{
    auto layer = layers.record(chainId);
    if (!layer)
        return layer.error();
    QStringList lowers;
    for (std::optional<Digest> lower = layer->parent; lower;) {
        lowers << layers.diffPath(*lower);
        auto record = layers.record(*lower);
        lower = record ? record->parent : std::nullopt;
    }
    return treeChanges(layers.diffPath(chainId), lowers, false, limit);
}

} // namespace berth
