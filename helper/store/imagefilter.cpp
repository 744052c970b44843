#include "imagefilter.h"

#include "timestamps.h"

#include <QRegularExpression>

namespace berth {
namespace {

// docker matches reference= against "name" and "name:tag" in their familiar forms, and lists
// only the matching tags of an image.
QStringList matchingTags(const ImageRecord &image, const QStringList &patterns)
{
    QStringList matching;
    for (const QString &tag : image.tags) {
        const auto ref = ImageRef::parse(tag);
        for (const QString &pattern : patterns) {
            const QRegularExpression glob(QRegularExpression::wildcardToRegularExpression(pattern));
            if (ref && (glob.match(ref->familiarName()).hasMatch() || glob.match(ref->familiarString()).hasMatch())) {
                matching << tag;
                break;
            }
        }
    }
    return matching;
}

} // namespace

Result<QList<ImageRecord>> ImageFilter::apply(const ImageStore &images, QList<ImageRecord> list) const
{
    std::optional<qint64> beforeTime;
    std::optional<qint64> sinceTime;
    for (const auto &[name, target] : {std::pair{&before, &beforeTime}, std::pair{&since, &sinceTime}}) {
        if (!*name)
            continue;
        auto image = images.find(**name);
        if (!image)
            return image.error();
        *target = secondsSinceEpoch(image->created);
    }
    QList<ImageRecord> kept;
    for (ImageRecord image : std::as_const(list)) {
        if (dangling && image.tags.isEmpty() != *dangling)
            continue;
        if (beforeTime && secondsSinceEpoch(image.created) >= *beforeTime)
            continue;
        if (sinceTime && secondsSinceEpoch(image.created) <= *sinceTime)
            continue;
        if (!references.isEmpty()) {
            image.tags = matchingTags(image, references);
            if (image.tags.isEmpty())
                continue;
        }
        kept << image;
    }
    return kept;
}

} // namespace berth
