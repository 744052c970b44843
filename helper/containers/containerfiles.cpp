// ContainerEngine's side of files: where `cp`, browsing and `export` find a container's files,
// and the hold a copy into a stopped container keeps on it.

#include "containerengine.h"

#include "layers/layerstore.h"
#include "store/imagestore.h"

#include <QDir>

#include <fcntl.h>

namespace berth {

Result<ImageRecord> ContainerEngine::imageOf(const ContainerRecord &record) const
{
    auto image = m_images.find(record.image.toString());
    if (!image)
        return Error::notFound(QStringLiteral("the image of container %1 is gone").arg(record.shortId()));
    return image;
}

Result<ContainerFiles> ContainerEngine::layersOf(const ContainerRecord &record) const
{
    auto image = imageOf(record);
    if (!image)
        return image.error();
    ContainerFiles files;
    files.id = record.id;
    for (auto it = image->chainIds.crbegin(); it != image->chainIds.crend(); ++it)
        files.lowerDirs << m_layers.diffPath(*it);
    const QString dir = m_store.directory(record.id);
    files.upperDir = dir + QStringLiteral("/diff");
    files.workDir = dir + QStringLiteral("/work");
    files.mountPoint = runDirectory(record.id) + QStringLiteral("/rootfs");
    files.readOnlyRoot = record.spec.host.readonlyRootfs;
    for (const ContainerRecord::Mount &mount : record.mounts)
        files.binds.append(
            {mount.volume.isEmpty() ? mount.source : m_volumes.dataPath(mount.volume), mount.destination, mount.readOnly});
    return files;
}

Result<ContainerFiles> ContainerEngine::files(const QString &nameOrId, RootUse use)
{
    auto record = m_store.find(nameOrId);
    if (!record)
        return record.error();
    if (record->state.status == ContainerStatus::Removing || record->state.status == ContainerStatus::Dead)
        return Error::conflict(QStringLiteral("container %1 is being removed").arg(record->shortId()));
    auto files = layersOf(*record);
    if (!files)
        return files;
    if (const int pidfd = containerPidfd(record->id); pidfd >= 0 && use != RootUse::Export) {
        files->pid = record->state.pid;
        files->pidfd = std::make_shared<UniqueFd>(::fcntl(pidfd, F_DUPFD_CLOEXEC, 0));
        return files;
    }
    if (m_starting.contains(record->id))
        return Error::conflict(QStringLiteral("container %1 is starting; try again in a moment").arg(record->shortId()));
    if (!QDir().mkpath(files->mountPoint))
        return Error::unavailable(QStringLiteral("cannot create %1").arg(files->mountPoint));
    if (!holdsFiles(*files, use))
        return files;
    if (m_filesInUse.contains(record->id))
        return Error::conflict(
            QStringLiteral("the files of stopped container %1 are in use by another copy; try again when it ends")
                .arg(record->shortId()));
    m_filesInUse.insert(record->id);
    return files;
}

void ContainerEngine::releaseFiles(const QString &id)
{
    m_filesInUse.remove(id);
}

Result<CommitSource> ContainerEngine::commitSource(const QString &nameOrId) const
{
    auto record = m_store.find(nameOrId);
    if (!record)
        return record.error();
    auto image = imageOf(*record);
    if (!image)
        return image.error();
    auto imageConfig = m_images.config(*image);
    if (!imageConfig)
        return imageConfig.error();
    CommitSource source{record->id,
                        m_store.directory(record->id) + QStringLiteral("/diff"),
                        (QStringList{record->path} + record->args).join(u' '),
                        m_live.contains(record->id),
                        *imageConfig,
                        image->layerBlobs,
                        image->chainIds.last(),
                        imageConfig->config};
    const ContainerConfig &own = record->spec.config;
    oci::RunConfig &config = source.config;
    config.env = record->env;
    config.workingDir = record->workingDir;
    config.user = record->user;
    config.exposedPorts = own.exposedPorts;
    if (own.entrypoint) // as at create: a new entrypoint drops the image's CMD unless a command is given
        config.entrypoint = *own.entrypoint;
    if (!own.cmd.isEmpty() || own.entrypoint)
        config.cmd = own.cmd;
    if (!own.stopSignal.isEmpty())
        config.stopSignal = own.stopSignal;
    for (auto it = own.labels.cbegin(); it != own.labels.cend(); ++it)
        config.labels.insert(it.key(), it.value());
    return source;
}

Result<void> ContainerEngine::refuseWhileCopying(const ContainerRecord &record, const QString &action) const
{
    if (!m_filesInUse.contains(record.id))
        return {};
    return Error::conflict(QStringLiteral("the files of container %1 are in use by a copy; it can be %2 when the copy ends")
                               .arg(record.shortId(), action));
}

} // namespace berth
