#pragma once

// ContainerRecord: everything the engine remembers of one container, written to
// <data-root>/containers/<id>/container.json.  Its JSON is docker's `inspect` shape, so
// InspectContainer hands it out as it is.

#include "container/containerconfig.h"
#include "image/digest.h"
#include "network/attachment.h"

#include <QString>

namespace berth {

// docker's states; "removing" and "dead" only while a removal is under way or failed.
enum class ContainerStatus { Created, Running, Paused, Restarting, Exited, Removing, Dead };

QString statusName(ContainerStatus status); // "created", "running", ...

struct ContainerState
{
    ContainerStatus status = ContainerStatus::Created;
    bool oomKilled = false;
    int pid = 0;
    int exitCode = 0;
    QString error;
    QString startedAt = QStringLiteral("0001-01-01T00:00:00Z");
    QString finishedAt = QStringLiteral("0001-01-01T00:00:00Z");
};

// Where the monitor of a running container is, to find it again after a helper restart.
struct MonitorFacts
{
    int monitorPid = 0;
    quint64 monitorStartTime = 0;
    quint64 pidStartTime = 0;
    QString cgroup;
};

struct ContainerRecord
{
    QString id; // 64 hex digits
    QString name; // without the leading "/"
    QString created;
    Digest image = Digest::ofBytes({});
    QString path; // the command as resolved at create time
    QStringList args;
    ContainerSpec spec; // as asked for, image defaults not merged in
    QStringList env; // image ENV merged with the spec's
    QString workingDir;
    QString user;
    QString stopSignal = QStringLiteral("SIGTERM");
    ContainerState state;
    int restartCount = 0;
    bool manuallyStopped = false;
    MonitorFacts monitor;
    quint64 revision = 0; // one more with each save (ContainerStore)
    // What is mounted where: host paths (-v /host:/path) and volumes (-v name:/path, -v /path
    // and the image's VOLUMEs, the last two anonymous), docker's "Mounts".
    struct Mount
    {
        QString volume; // the volume's name; empty for a host path
        QString source; // the host path, for a bind
        QString destination;
        bool readOnly = false;
        bool anonymous = false;
    };
    QList<Mount> mounts;
    // The bridge networks it is on, its first network first (none with --network none, host
    // or container:).
    QList<NetworkEndpoint> endpoints;

    QByteArray toJson() const;
    static Result<ContainerRecord> fromJson(const QByteArray &json);

    bool isRunning() const
    {
        return state.status == ContainerStatus::Running || state.status == ContainerStatus::Paused
            || state.status == ContainerStatus::Restarting;
    }
    QString shortId() const { return id.left(12); }
};

} // namespace berth
