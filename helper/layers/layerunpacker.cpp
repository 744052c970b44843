#include "layerunpacker.h"

#include "files/treewriter.h"

namespace berth {

Result<UnpackResult> unpackLayer(int inputFd, const QString &targetDir, const UnpackLimits &limits,
                                 const std::function<bool(qint64)> &progress)
{
    auto tree = TreeWriter::open(targetDir);
    if (!tree)
        return tree.error();
    UnpackOptions options;
    options.limits = limits;
    options.progress = progress;
    return unpackTar(inputFd, *tree, options);
}

} // namespace berth
