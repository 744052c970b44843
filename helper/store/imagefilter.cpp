#include "imagefilter.h"

#include <QDateTime>
#include <QRegularExpression>

namespace berth {
namespace {

qint64 createdSeconds(const ImageRecord &image)
{
    return QDateTime::fromString(image.created, Qt::ISODateWithMs).toSecsSinceEpoch();
}

// docker matches reference= against "name" and "name:tag" in their familiar forms.
bool referenceMatches(const ImageRecord &image, const QStringList &patterns)
{
    for (const QString &tag : image.tags) {
        const auto ref = ImageRef::parse(tag);
        if (!ref)
            continue;
        for (const QString &pattern : patterns) {
            const QRegularExpression glob(QRegularExpression::wildcardToRegularExpression(pattern));
            if (glob.match(ref->familiarName()).hasMatch() || glob.match(ref->familiarString()).hasMatch())
                return true;
        }
    }
    return false;
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
    list.removeIf([&](const ImageRecord &image) {
        if (dangling && image.tags.isEmpty() != *dangling)
            return true;
        if (!references.isEmpty() && !referenceMatches(image, references))
            return true;
        if (beforeTime && createdSeconds(image) >= *beforeTime)
            return true;
        return sinceTime && createdSeconds(image) <= *sinceTime;
    });
    return list;
}

} // namespace berth
