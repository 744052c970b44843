#include "filesjob.h"

#include "files/rootedpath.h"
#include "files/tarunpacker.h"
#include "files/treearchive.h"
#include "files/treewriter.h"

#include <fcntl.h>
#include <sys/statvfs.h>

namespace berth {
namespace {

QString operationName(FilesJob::Kind kind)
{
    switch (kind) {
    case FilesJob::Kind::CopyOut: return QStringLiteral("copy-from-container");
    case FilesJob::Kind::CopyIn: return QStringLiteral("copy-to-container");
    case FilesJob::Kind::Export: return QStringLiteral("export");
    }
    return {};
}

RootUse rootUse(FilesJob::Kind kind)
{
    switch (kind) {
    case FilesJob::Kind::CopyOut: return RootUse::Read;
    case FilesJob::Kind::CopyIn: return RootUse::Write;
    case FilesJob::Kind::Export: return RootUse::Export;
    }
    return RootUse::Read;
}

// A copy may be as large as the disk; the limits only stop a stream that never ends.
UnpackLimits copyLimits()
{
    return UnpackLimits{qint64(1) << 40, 10'000'000, 4096};
}

} // namespace

FilesJob::FilesJob(Request request, uint ownerUid, std::function<void()> done)
    : ThreadedJob(operationName(request.kind), ownerUid)
    , m_request(std::move(request))
    , m_done(std::move(done))
{ }

Result<QVariantMap> FilesJob::work()
{
    // Files' own descriptors go to the caller only from a sealed copy of the root.
    const RootUse use = m_request.passContent ? RootUse::HandOut : rootUse(m_request.kind);
    auto root = openContainerRoot(m_request.files, use);
    if (!root)
        return root.error();
    const Result<qint64> bytes = m_request.kind == Kind::CopyIn ? copyIn(root->get()) : copyOut(root->get());
    m_request.stream.reset(); // the caller sees the end of the stream now, not when the job is retired
    if (!bytes)
        return bytes.error();
    return QVariantMap{{QStringLiteral("Bytes"), *bytes}};
}

Result<qint64> FilesJob::copyOut(int rootFd)
{
    TreeArchiveOptions options;
    options.followLink = m_request.followLink;
    options.passContent = m_request.passContent;
    options.progress = [this](qint64 written) {
        reportProgress(written, 0);
        return !cancelFlag();
    };
    const QByteArray path = m_request.kind == Kind::Export ? QByteArray() : m_request.path;
    return writeTreeArchive(rootFd, path, m_request.stream.get(), options);
}

Result<qint64> FilesJob::copyIn(int rootFd)
{
    const QByteArray path = cleanContainerPath(m_request.path);
    auto directory = openInRoot(rootFd, path, O_PATH, 0, Mounts::Cross);
    if (!directory)
        return directory.error().kind() == ErrorKind::NotFound
            ? Error::notFound(QStringLiteral("Could not find the file /%1 in container %2")
                                  .arg(QString::fromUtf8(path), m_request.files.id.left(12)))
            : directory.error();
    struct stat st
    {
    };
    if (::fstat(directory->get(), &st) != 0 || !S_ISDIR(st.st_mode))
        return Error::invalidArgument(QStringLiteral("/%1 is not a directory").arg(QString::fromUtf8(path)));
    struct statvfs fs
    {
    };
    if (::fstatvfs(directory->get(), &fs) == 0 && (fs.f_flag & ST_RDONLY))
        return Error::permissionDenied(
            QStringLiteral("cannot copy into /%1: it is on a read-only file system (the container's root with "
                           "--read-only, or a volume mounted read-only)")
                .arg(QString::fromUtf8(path)));
    auto tree = TreeWriter::rootedAt(std::move(*directory), Mounts::Cross);
    UnpackOptions options;
    options.limits = copyLimits();
    options.layer = false;
    if (!m_request.keepOwners)
        options.owner = std::pair{uid_t(0), gid_t(0)};
    options.progress = [this](qint64 read) {
        reportProgress(read, 0);
        return !cancelFlag();
    };
    options.acceptPassedContent = true; // from Berth's CLI or desktop app, or refused when marked
    auto unpacked = unpackTar(m_request.stream.get(), tree, options);
    if (!unpacked)
        return unpacked.error();
    return unpacked->size;
}

void FilesJob::completed(const Result<QVariantMap> &outcome)
{
    if (m_done)
        std::exchange(m_done, {})();
    ThreadedJob::completed(outcome);
}

} // namespace berth
