#pragma once

// LoadJob: `docker load` as a job.  The archive is read on the worker thread; the images are
// registered on the engine's thread at the end, all or nothing.  Items report each layer as
// it is extracted.

#include "store/archiveloader.h"
#include "system/uniquefd.h"
#include "threadedjob.h"

#include <memory>

namespace berth {

class BlobStore;
class ImageStore;
class LayerStore;

class LoadJob : public ThreadedJob
{
    Q_OBJECT
public:
    LoadJob(UniqueFd archive, BlobStore &blobs, LayerStore &layers, ImageStore &images, uint ownerUid);

Q_SIGNALS:
    // Names of the images this job registered ("busybox:latest", or an id when untagged).
    void imagesLoaded(const QStringList &names);

protected:
    Result<QVariantMap> work() override;
    void completed(const Result<QVariantMap> &outcome) override;

private:
    Result<QStringList> registerImages();

    UniqueFd m_archive;
    ImageStore &m_images;
    ArchiveLoader m_loader;
    QList<LoadedImage> m_loaded; // written by work(), read by completed() after the worker ended
};

} // namespace berth
