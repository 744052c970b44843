#include "savejob.h"

namespace berth {

SaveJob::SaveJob(UniqueFd output, const BlobStore &blobs, QList<SaveItem> items, uint ownerUid)
    : ThreadedJob(QStringLiteral("save"), ownerUid)
    , m_output(std::move(output))
    , m_blobs(blobs)
    , m_items(std::move(items))
{ }

Result<QVariantMap> SaveJob::work()
{
    SaveCallbacks callbacks{[this](qint64 done, qint64 total) { reportProgress(done, total); }, &cancelFlag()};
    if (auto written = writeImageArchive(m_output.get(), m_blobs, m_items, callbacks); !written)
        return written.error();
    m_output.reset(); // the reader sees the end of the archive now, not when the job is retired
    return QVariantMap{{QStringLiteral("Images"), int(m_items.size())}};
}

} // namespace berth
