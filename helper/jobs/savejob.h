#pragma once

// SaveJob: `docker save` as a job: the images' blobs written as one archive to the caller's
// file descriptor on the worker thread.

#include "store/archivewriter.h"
#include "system/uniquefd.h"
#include "threadedjob.h"

namespace berth {

class SaveJob : public ThreadedJob
{
    Q_OBJECT
public:
    SaveJob(UniqueFd output, const BlobStore &blobs, QList<SaveItem> items, uint ownerUid);

protected:
    Result<QVariantMap> work() override;

private:
    UniqueFd m_output;
    const BlobStore &m_blobs;
    QList<SaveItem> m_items;
};

} // namespace berth
