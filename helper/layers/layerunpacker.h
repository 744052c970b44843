#pragma once

// unpackLayer: a layer tarball into a layer's diff directory, by the layer rules of unpackTar
// (files/tarunpacker.h): whiteouts in overlayfs form, the uncompressed stream hashed for the
// diff ID.

#include "files/tarunpacker.h"

#include <QString>

namespace berth {

Result<UnpackResult> unpackLayer(int inputFd, const QString &targetDir, const UnpackLimits &limits = {},
                                 const std::function<bool(qint64)> &progress = {});

} // namespace berth
