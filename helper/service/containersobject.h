#pragma once

// ContainersObject: the org.berth.Engine1.Containers interface on /org/berth/Engine1/containers,
// behind the generated ContainersAdaptor.  It turns D-Bus arguments into ContainerEngine calls
// and records into docker-shaped answers, and streams logs.

#include "containers/containerengine.h"
#include "gate.h"

#include <QDBusUnixFileDescriptor>

namespace berth {

class EventBus;
class LogStreamer;

class ContainersObject : public GatedObject
{
    Q_OBJECT
public:
    ContainersObject(Gate &gate, ContainerEngine &engine, EventBus &events, QObject *parent = nullptr);
    ~ContainersObject() override;

public Q_SLOTS: // called by the generated adaptor
    QVariantMap CreateContainer(const QString &config, const QVariantMap &options);
    void StartContainer(const QString &container, const QVariantMap &options);
    void StopContainer(const QString &container, const QVariantMap &options);
    void RestartContainer(const QString &container, const QVariantMap &options);
    void KillContainer(const QString &container, const QVariantMap &options);
    void PauseContainer(const QString &container, const QVariantMap &options);
    void UnpauseContainer(const QString &container, const QVariantMap &options);
    void RemoveContainer(const QString &container, const QVariantMap &options);
    void RenameContainer(const QString &container, const QString &name, const QVariantMap &options);
    QVariantMap WaitContainer(const QString &container, const QVariantMap &options);
    QList<QVariantMap> ListContainers(const QVariantMap &options);
    QString InspectContainer(const QString &container, const QVariantMap &options);
    void ContainerLogs(const QString &container, const QDBusUnixFileDescriptor &stdoutFd, const QDBusUnixFileDescriptor &stderrFd,
                       const QVariantMap &options);
    QVariantMap PruneContainers(const QVariantMap &options);
    void AttachContainer(const QString &container, const QVariantMap &options);
    int ExecContainer(const QString &container, const QStringList &command, const QVariantMap &options);
    QList<QVariantMap> ContainerTop(const QString &container, const QVariantMap &options);
    QList<QVariantMap> ContainerChanges(const QString &container, const QVariantMap &options);
    QVariantMap ContainerStats(const QString &container, const QVariantMap &options);

private:
    Reply create(const QString &config);
    static Result<AttachStreams> streamsFrom(const QVariantMap &options);
    void startTellingEnd(const QString &container, AttachStreams attach, UniqueFd exitPipe,
                         std::function<void(const Result<void> &)> done);
    void tellEndOn(UniqueFd pipe, const QString &container);
    Reply list(const QVariantMap &options) const;
    Reply logs(const QString &container, const QDBusUnixFileDescriptor &out, const QDBusUnixFileDescriptor &err,
               const QVariantMap &options);
    void prune(const QVariantMap &options, const Respond &respond);

    ContainerEngine &m_engine;
    EventBus &m_events;
    QMultiHash<QString, LogStreamer *> m_streamers; // following logs, by container id
};

} // namespace berth
