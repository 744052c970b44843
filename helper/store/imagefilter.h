#pragma once

// ImageFilter: `docker images --filter` (dangling=, reference=, before=, since=).

#include "imagestore.h"

#include <optional>

namespace berth {

struct ImageFilter
{
    std::optional<bool> dangling;
    QStringList references; // glob patterns matched against familiar names, as docker does
    std::optional<QString> before;
    std::optional<QString> since;

    // Keeps the images the filter selects; `before` and `since` must name existing images.
    Result<QList<ImageRecord>> apply(const ImageStore &images, QList<ImageRecord> list) const;
};

} // namespace berth
