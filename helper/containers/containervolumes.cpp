// ContainerEngine's side of volumes: what a container mounts (-v, the image's VOLUMEs), and
// docker's `volume` commands, whose answers depend on the containers that use them.

#include "containerengine.h"

#include "system/randomid.h"

#include <QFileInfo>
#include <QLoggingCategory>

#include <nlohmann/json.hpp>

namespace berth {

Result<QList<ContainerRecord::Mount>> ContainerEngine::resolveMounts(const ContainerSpec &spec,
                                                                     const QStringList &imageVolumes) const
{
    QList<ContainerRecord::Mount> mounts;
    for (const QString &bind : spec.host.binds) {
        const QStringList parts = bind.split(u':');
        ContainerRecord::Mount mount;
        if (parts.size() == 1) { // -v /path: a volume of its own
            mount.destination = parts[0];
            mount.anonymous = true;
        } else {
            mount.destination = parts[1];
            mount.readOnly = parts.value(2) == u"ro";
            if (parts[0].startsWith(u'/')) {
                if (!QFileInfo::exists(parts[0]))
                    return Error::invalidArgument(
                        QStringLiteral("invalid mount config for type \"bind\": bind source path does not exist: %1")
                            .arg(parts[0]));
                mount.source = parts[0];
            } else {
                mount.volume = parts[0];
            }
        }
        if (std::any_of(mounts.cbegin(), mounts.cend(), [&](const auto &m) { return m.destination == mount.destination; }))
            return Error::invalidArgument(QStringLiteral("Duplicate mount point: %1").arg(mount.destination));
        mounts << mount;
    }
    // The image's VOLUMEs that nothing else is mounted on get a volume of their own, as docker does.
    for (const QString &path : imageVolumes)
        if (path.startsWith(u'/')
            && std::none_of(mounts.cbegin(), mounts.cend(), [&](const auto &m) { return m.destination == path; }))
            mounts << ContainerRecord::Mount{{}, {}, path, false, true};
    return mounts;
}

Result<void> ContainerEngine::createVolumes(QList<ContainerRecord::Mount> &mounts)
{
    for (ContainerRecord::Mount &mount : mounts) {
        if (mount.anonymous && mount.volume.isEmpty())
            mount.volume = randomId();
        if (mount.volume.isEmpty())
            continue; // a host path
        auto volume = m_volumes.create(mount.volume, {}, mount.anonymous);
        if (!volume)
            return volume.error();
        mount.source = m_volumes.dataPath(mount.volume);
    }
    return {};
}

QStringList ContainerEngine::usersOfVolume(const QString &name) const
{
    QStringList users;
    for (const ContainerRecord &record : m_store.list())
        if (std::any_of(record.mounts.cbegin(), record.mounts.cend(), [&](const auto &m) { return m.volume == name; }))
            users << record.name;
    return users;
}

Result<VolumeRecord> ContainerEngine::createVolume(const QString &name, const QMap<QString, QString> &labels)
{
    return m_volumes.create(name.isEmpty() ? randomId() : name, labels, false);
}

Result<void> ContainerEngine::removeVolume(const QString &name)
{
    return m_volumes.remove(name, usersOfVolume(name));
}

Result<QByteArray> ContainerEngine::inspectVolume(const QString &name) const
{
    auto volume = m_volumes.find(name);
    if (!volume)
        return volume.error();
    nlohmann::ordered_json labels = nlohmann::ordered_json::object();
    for (auto it = volume->labels.cbegin(); it != volume->labels.cend(); ++it)
        labels[it.key().toStdString()] = it.value().toStdString();
    const nlohmann::ordered_json json = {
        {"CreatedAt", volume->created.toStdString()},
        {"Driver", "local"},
        {"Labels", labels},
        {"Mountpoint", m_volumes.dataPath(name).toStdString()},
        {"Name", volume->name.toStdString()},
        {"Options", nlohmann::ordered_json::object()},
        {"Scope", "local"},
        {"UsageData", {{"RefCount", usersOfVolume(name).size()}, {"Size", m_volumes.sizeOf(name)}}},
    };
    return QByteArray::fromStdString(json.dump());
}

std::pair<QStringList, qint64> ContainerEngine::pruneVolumes(bool all)
{
    QStringList removed;
    qint64 reclaimed = 0;
    for (const VolumeRecord &volume : m_volumes.list()) {
        if ((!all && !volume.anonymous) || !usersOfVolume(volume.name).isEmpty())
            continue;
        const qint64 size = m_volumes.sizeOf(volume.name);
        if (m_volumes.remove(volume.name, {})) {
            removed << volume.name;
            reclaimed += size;
        }
    }
    return {removed, reclaimed};
}

} // namespace berth
