#include "pushjob.h"

#include "registry/registry.h"
#include "store/blobstore.h"

namespace berth {

PushJob::PushJob(Request request, const BlobStore &blobs, uint ownerUid)
    : ThreadedJob(QStringLiteral("push"), ownerUid)
    , m_request(std::move(request))
    , m_blobs(blobs)
{ }

Result<QVariantMap> PushJob::work()
{
    auto opened = openRegistry(m_request.reference.domain(), m_request.access, &cancelFlag());
    if (!opened)
        return opened.error();
    Registry &registry = **opened;
    const QString repository = m_request.reference.path();
    registry.setScope(repository, true);
    if (auto pinged = registry.ping(); !pinged)
        return pinged.error();
    for (const oci::Descriptor &blob : std::as_const(m_request.blobs)) {
        const QString id = blob.digest.hex().left(12);
        const quint64 total = quint64(blob.size);
        auto present = registry.hasBlob(repository, blob.digest);
        if (!present)
            return present.error();
        if (*present) {
            reportItem({id, QStringLiteral("blob %1").arg(id), QStringLiteral("layer already exists"), total, total});
            continue;
        }
        auto fd = m_blobs.openForReading(blob.digest);
        if (!fd)
            return fd.error();
        reportItem({id, QStringLiteral("blob %1").arg(id), QStringLiteral("pushing"), 0, total});
        auto pushed = registry.pushBlob(
            repository, blob.digest, fd->get(), blob.size, m_request.mountSources.value(blob.digest),
            [this, id, total](qint64 done) {
                reportItem({id, QStringLiteral("blob %1").arg(id), QStringLiteral("pushing"), quint64(done), total});
            });
        if (!pushed)
            return pushed.error();
        reportItem({id, QStringLiteral("blob %1").arg(id),
                    pushed->isEmpty() ? QStringLiteral("pushed") : QStringLiteral("mounted from %1").arg(*pushed), total, total});
    }
    auto digest = registry.putManifest(repository, m_request.reference.tag(), m_request.manifest, m_request.manifestMediaType);
    if (!digest)
        return digest.error();
    return QVariantMap{{QStringLiteral("Digest"), digest->toString()},
                       {QStringLiteral("Size"), qint64(m_request.manifest.size())}};
}

} // namespace berth
