#include "filesobject.h"

#include "files/pathedits.h"
#include "files/treearchive.h"
#include "filesadaptor.h"
#include "jobmanager.h"
#include "jobs/filesjob.h"
#include "passedstream.h"

#include <QDBusObjectPath>
#include <QPointer>

namespace berth {
namespace {

constexpr int kMaxLookers = 16; // stats and listings under way at once
constexpr int kMaxListing = 100000;

QVariantMap infoMap(const PathInfo &info)
{
    return {{QStringLiteral("Name"), info.name},
            {QStringLiteral("Mode"), uint(info.mode)},
            {QStringLiteral("Size"), info.size},
            {QStringLiteral("Uid"), uint(info.uid)},
            {QStringLiteral("Gid"), uint(info.gid)},
            {QStringLiteral("Modified"), qint64(info.mtime.tv_sec)},
            {QStringLiteral("LinkTarget"), info.linkTarget}};
}

} // namespace

FilesObject::FilesObject(Gate &gate, ContainerEngine &engine, JobManager &jobs, QObject *parent)
    : GatedObject(gate, parent)
    , m_engine(engine)
    , m_jobs(jobs)
{
    new FilesAdaptor(this);
}

void FilesObject::withRoot(const QString &container, RootUse use, std::function<Reply(int rootFd)> work, const Respond &respond)
{
    if (m_lookers->load() >= kMaxLookers)
        return respond(Error::limitExceeded(QStringLiteral("%1 file lookups are under way; try again").arg(kMaxLookers)));
    auto files = m_engine.files(container, use);
    if (!files)
        return respond(files.error());
    ++*m_lookers;
    auto release = releaseOf(*files, use); // before the files move to the thread
    respondFromThread(
        this,
        [use, files = std::move(*files), work = std::move(work), lookers = m_lookers] {
            Reply reply = Error::internal(QStringLiteral("unset"));
            {
                auto root = openContainerRoot(files, use);
                reply = root ? work(root->get()) : Reply(root.error());
            } // the root closed before the thread and its mount namespace end
            --*lookers;
            return reply;
        },
        [respond, release = std::move(release)](const Reply &reply) {
            release();
            respond(reply);
        });
}

QVariantMap FilesObject::StatPath(const QString &container, const QByteArray &path, const QVariantMap &options)
{
    const bool follow = options.value(QStringLiteral("followLink")).toBool();
    admitDeferred([this, container, path, follow](const Call &, const Respond &respond) {
        withRoot(
            container, RootUse::Read,
            [path, follow](int rootFd) -> Reply {
                auto info = statInRoot(rootFd, path, follow);
                if (!info)
                    return info.error();
                return QVariantList{infoMap(*info)};
            },
            respond);
    });
    return {};
}

QList<QVariantMap> FilesObject::ListDirectory(const QString &container, const QByteArray &path, const QVariantMap &options,
                                              bool &)
{
    const int limit = std::clamp(options.value(QStringLiteral("limit"), kMaxListing).toInt(), 1, kMaxListing);
    admitDeferred([this, container, path, limit](const Call &, const Respond &respond) {
        withRoot(
            container, RootUse::Read,
            [path, limit](int rootFd) -> Reply {
                auto listing = listInRoot(rootFd, path, limit);
                if (!listing)
                    return listing.error();
                QList<QVariantMap> entries;
                for (const PathInfo &info : std::as_const(listing->entries))
                    entries << infoMap(info);
                return QVariantList{QVariant::fromValue(entries), listing->truncated};
            },
            respond);
    });
    return {};
}

QDBusObjectPath FilesObject::CopyFromContainer(const QString &container, const QByteArray &path,
                                               const QDBusUnixFileDescriptor &output, const QVariantMap &options)
{
    const CopyRequest request{container, path, options.value(QStringLiteral("followLink")).toBool(), false,
                              options.value(QStringLiteral("passContent")).toBool()};
    admit([this, request, output](const Call &call) { return startJob(int(FilesJob::Kind::CopyOut), request, output, call); });
    return {};
}

QDBusObjectPath FilesObject::CopyToContainer(const QString &container, const QByteArray &path,
                                             const QDBusUnixFileDescriptor &input, const QVariantMap &options)
{
    const CopyRequest request{container, path, false, options.value(QStringLiteral("keepOwners")).toBool()};
    admit([this, request, input](const Call &call) { return startJob(int(FilesJob::Kind::CopyIn), request, input, call); });
    return {};
}

QDBusObjectPath FilesObject::ExportContainer(const QString &container, const QDBusUnixFileDescriptor &output, const QVariantMap &)
{
    const CopyRequest request{container, {}, false, false};
    admit([this, request, output](const Call &call) { return startJob(int(FilesJob::Kind::Export), request, output, call); });
    return {};
}

std::function<void()> FilesObject::releaseOf(const ContainerFiles &files, RootUse use)
{
    if (!ContainerEngine::holdsFiles(files, use))
        return [] {};
    return [engine = QPointer<ContainerEngine>(&m_engine), id = files.id] {
        if (engine)
            engine->releaseFiles(id);
    };
}

void FilesObject::MakeDirectory(const QString &container, const QByteArray &path, const QVariantMap &)
{
    admitDeferred([this, container, path](const Call &, const Respond &respond) {
        withRoot(
            container, RootUse::Write,
            [path](int rootFd) -> Reply {
                if (auto made = makeDirectoryInRoot(rootFd, path); !made)
                    return made.error();
                return QVariantList{};
            },
            respond);
    });
}

void FilesObject::RemovePath(const QString &container, const QByteArray &path, const QVariantMap &)
{
    admitDeferred([this, container, path](const Call &, const Respond &respond) {
        withRoot(
            container, RootUse::Write,
            [path](int rootFd) -> Reply {
                if (auto removed = removeInRoot(rootFd, path); !removed)
                    return removed.error();
                return QVariantList{};
            },
            respond);
    });
}

Reply FilesObject::startJob(int kind, const CopyRequest &request, const QDBusUnixFileDescriptor &stream, const Call &call)
{
    const auto jobKind = FilesJob::Kind(kind);
    const RootUse use = jobKind == FilesJob::Kind::CopyIn ? RootUse::Write
        : jobKind == FilesJob::Kind::Export               ? RootUse::Export
                                                          : RootUse::Read;
    auto fd = passedStream(stream, jobKind != FilesJob::Kind::CopyIn);
    if (!fd)
        return fd.error();
    auto files = m_engine.files(request.container, use);
    if (!files)
        return files.error();
    auto release = releaseOf(*files, use);
    FilesJob::Request job{
        jobKind, std::move(*files), request.path, request.followLink, request.keepOwners, request.passContent, std::move(*fd)};
    auto added = m_jobs.add(std::make_unique<FilesJob>(std::move(job), call.uid, release), call);
    if (!added)
        release();
    return jobReply(added);
}

} // namespace berth
