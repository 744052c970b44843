#include "loadjob.h"

#include "image/imageref.h"
#include "store/imagestore.h"

namespace berth {

LoadJob::LoadJob(UniqueFd archive, BlobStore &blobs, LayerStore &layers, ImageStore &images, uint ownerUid)
    : ThreadedJob(QStringLiteral("load"), ownerUid)
    , m_archive(std::move(archive))
    , m_images(images)
    , m_loader(blobs, layers,
               {[this](qint64 bytes) { reportProgress(bytes, 0); },
                [this](const QString &id, const QString &state, qint64 done, qint64 total) {
                    reportItem({id, QStringLiteral("layer %1").arg(id), state, quint64(done), quint64(total)});
                },
                &cancelFlag()})
{ }

Result<QVariantMap> LoadJob::work()
{
    auto loaded = m_loader.read(m_archive.get());
    if (!loaded)
        return loaded.error();
    m_loaded = *loaded;
    return QVariantMap{};
}

void LoadJob::completed(const Result<QVariantMap> &outcome)
{
    auto names = outcome ? registerImages() : Result<QStringList>(outcome.error());
    m_loader.discardUnused([this](const Digest &blob) { return m_images.usesBlob(blob); },
                           [this](const Digest &layer) { return m_images.usesLayer(layer); });
    if (!names)
        return fail(names.error());
    Q_EMIT imagesLoaded(*names);
    succeed({{QStringLiteral("Loaded"), *names}});
}

Result<QStringList> LoadJob::registerImages()
{
    // Every name is checked before anything is registered, so a bad tag registers nothing.
    for (const LoadedImage &image : std::as_const(m_loaded))
        for (const QString &tag : image.tags)
            if (auto ref = ImageRef::parse(tag); !ref)
                return ref.error().wrapped(QStringLiteral("the archive's tag"));
    QStringList names;
    for (const LoadedImage &image : std::as_const(m_loaded)) {
        auto record = m_images.add(image.manifest);
        if (!record)
            return record.error();
        if (image.tags.isEmpty())
            names << record->id.toString();
        for (const QString &tag : image.tags) {
            const ImageRef ref = *ImageRef::parse(tag);
            if (auto tagged = m_images.tag(record->id, ref); !tagged)
                return tagged.error();
            names << ref.familiarString();
        }
    }
    return names;
}

} // namespace berth
