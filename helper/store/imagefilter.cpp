#include "imagefilter.h"

#include <QDateTime>
#include <QRegularExpression>

namespace berth {
namespace {

qint64 createdSeconds(const ImageRecord &image)
{
    return QDateTime::fromString(image.created, Qt::ISODateWithMs).toSecsSinceEpoch();
}

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
        *target = createdSeconds(*image);
    }
    QList<ImageRecord> kept;
    for (ImageRecord image : std::as_const(list)) {
        if (dangling && image.tags.isEmpty() != *dangling)
            continue;
        if (beforeTime && createdSeconds(image) >= *beforeTime)
            continue;
        if (sinceTime && createdSeconds(image) <= *sinceTime)
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
