#pragma once

// LoadJob: `docker load` as a job.  The archive is read on a worker thread (it may be large
// and slow to arrive through a pipe); the images are registered on the engine's thread at the
// end, all or nothing.  Items report each layer as it is extracted.

#include "job.h"
#include "store/archiveloader.h"
#include "system/uniquefd.h"

#include <atomic>
#include <memory>
#include <thread>

namespace berth {

class BlobStore;
class ImageStore;
class LayerStore;

class LoadJob : public Job
{
    Q_OBJECT
public:
    LoadJob(UniqueFd archive, BlobStore &blobs, LayerStore &layers, ImageStore &images, uint ownerUid);
    ~LoadJob() override;

Q_SIGNALS:
    // Names of the images this job registered ("busybox:latest", or an id when untagged).
    void imagesLoaded(const QStringList &names);

protected:
    void run() override;
    void onCancel() override;

private:
    void registerImages(const Result<QList<LoadedImage>> &loaded);

    UniqueFd m_archive;
    BlobStore &m_blobs;
    LayerStore &m_layers;
    ImageStore &m_images;
    std::unique_ptr<ArchiveLoader> m_loader;
    std::atomic<bool> m_cancelled{false};
    std::thread m_worker;
};

} // namespace berth
