#include "loadjob.h"

#include "image/imageref.h"
#include "store/imagestore.h"

#include <QMetaObject>
#include <QPointer>

namespace berth {

LoadJob::LoadJob(UniqueFd archive, BlobStore &blobs, LayerStore &layers, ImageStore &images, uint ownerUid)
    : Job(QStringLiteral("load"), ownerUid, true)
    , m_archive(std::move(archive))
    , m_blobs(blobs)
    , m_layers(layers)
    , m_images(images)
{ }

LoadJob::~LoadJob()
{
    m_cancelled = true;
    if (m_worker.joinable())
        m_worker.join();
}

void LoadJob::run()
{
    // Progress crosses to the engine's thread as queued calls; the worker never touches the Job.
    QPointer<LoadJob> self(this);
    ArchiveLoader::Callbacks callbacks;
    callbacks.cancelled = &m_cancelled;
    callbacks.progress = [self](qint64 bytes) {
        QMetaObject::invokeMethod(
            self,
            [self, bytes] {
                if (self)
                    self->setProgress(quint64(bytes), 0);
            },
            Qt::QueuedConnection);
    };
    callbacks.layer = [self](const QString &id, const QString &state, qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            self,
            [=] {
                if (self)
                    self->setItem({id, QStringLiteral("layer %1").arg(id), state, quint64(done), quint64(total)});
            },
            Qt::QueuedConnection);
    };
    m_loader = std::make_unique<ArchiveLoader>(m_blobs, m_layers, callbacks);
    m_worker = std::thread([this, self] {
        auto loaded = m_loader->read(m_archive.get());
        QMetaObject::invokeMethod(
            self,
            [self, loaded] {
                if (self)
                    self->registerImages(loaded);
            },
            Qt::QueuedConnection);
    });
}

void LoadJob::onCancel()
{
    m_cancelled = true; // the worker stops at its next chunk and reports Cancelled
}

void LoadJob::registerImages(const Result<QList<LoadedImage>> &loaded)
{
    if (m_worker.joinable())
        m_worker.join();
    QStringList names;
    std::optional<Error> failure = loaded ? std::nullopt : std::optional<Error>(loaded.error());
    const QList<LoadedImage> images = loaded ? *loaded : QList<LoadedImage>{};
    // Every name is checked before anything is registered, so a bad tag registers nothing.
    for (const LoadedImage &image : images)
        for (const QString &tag : image.tags)
            if (auto ref = ImageRef::parse(tag); !ref && !failure)
                failure = ref.error().wrapped(QStringLiteral("the archive's tag"));
    for (const LoadedImage &image : images) {
        if (failure)
            break;
        auto record = m_images.add(image.manifest);
        if (!record) {
            failure = record.error();
            break;
        }
        if (image.tags.isEmpty())
            names << record->id.toString();
        for (const QString &tag : image.tags) {
            const ImageRef ref = *ImageRef::parse(tag);
            if (auto tagged = m_images.tag(record->id, ref); !tagged) {
                failure = tagged.error();
                break;
            }
            names << ref.familiarString();
        }
    }
    m_loader->discardUnused([this](const Digest &blob) { return m_images.usesBlob(blob); },
                            [this](const Digest &layer) { return m_images.usesLayer(layer); });
    if (failure)
        return fail(*failure);
    Q_EMIT imagesLoaded(names);
    succeed({{QStringLiteral("Loaded"), names}});
}

} // namespace berth
