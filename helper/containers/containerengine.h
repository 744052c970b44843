#pragma once

// ContainerEngine: the life of containers.  It creates records, starts each container through
// berth-runtime (which forks the container and its monitor, so this multithreaded process
// never forks to do work), watches every monitor through a pidfd, applies restart policies,
// stops, kills, pauses and removes, and finds running containers again after a restart of the
// helper.  D-Bus free; service/containersobject.cpp puts it on the bus.
//
//     ContainerEngine engine(store, images, layers, settings);
//     engine.open();                                    // adopts what still runs
//     auto record = engine.create(spec);
//     engine.start(record->id, {}, [](Result<void> started) { ... });

#include "containerrecord.h"
#include "containerstore.h"
#include "core/cgroups.h"
#include "files/containerroot.h"
#include "image/imagetypes.h"
#include "layers/layerchanges.h"
#include "network/networks.h"
#include "system/uniquefd.h"
#include "volumes/volumestore.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>
#include <vector>

class QProcess;
class QSocketNotifier;
class QTimer;

namespace berth {

class ImageStore;
struct ImageRecord;
class LayerStore;

struct ContainerEngineSettings
{
    QString runtimePath; // berth-runtime
    QString runRoot; // <run-root>: bundles and monitor state
    QString cgroupParent = QStringLiteral("berth");
    qint64 defaultPidsLimit = 4096;
    qint64 logMaxSize = 20 * 1024 * 1024;
    int logMaxFiles = 5;
    QString initBinary; // static init for --init; empty: none installed
    QString bridge = QStringLiteral("berth0"); // the default network's bridge
    QString bip; // its address/prefix; empty: chosen
    QString networksDirectory; // user-defined networks' records
    QString volumesDirectory; // named volumes
};

// Descriptors of a client that attaches when the container starts (docker run without -d).
struct AttachStreams
{
    UniqueFd stdinFd;
    UniqueFd stdoutFd;
    UniqueFd stderrFd;
    UniqueFd resize; // with a terminal: the client's stream of new sizes
};

// `docker exec`: one more process in a running container.
struct ExecRequest
{
    QStringList command;
    QStringList env;
    QString workdir;
    std::optional<QString> user;
    AttachStreams streams; // none given: /dev/null
    bool detach = false;
    bool tty = false; // a terminal in the container, relayed to the streams
    int rows = 0, columns = 0;
};

struct WaitResult
{
    int statusCode = 0;
    QString error;
};

enum class WaitCondition { NotRunning, NextExit, Removed };

// What `docker commit` makes an image from: the container's writable layer on top of its
// image, and its configuration as docker's container Config holds it (the image's with the
// container's own settings over it).
struct CommitSource
{
    QString id;
    QString upperDir;
    QString command; // for the image's history, as docker writes it
    bool running = false;
    oci::ImageConfig imageConfig;
    QList<Digest> layerBlobs;
    Digest topChainId = Digest::ofBytes({});
    oci::RunConfig config;
};

class ContainerEngine : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Result<void> &)>;
    using WaitDone = std::function<void(const Result<WaitResult> &)>;

    ContainerEngine(ContainerStore &store, ImageStore &images, LayerStore &layers, ContainerEngineSettings settings,
                    QObject *parent = nullptr);
    ~ContainerEngine() override;

    // Adopts the containers whose monitors still run and settles those that ended meanwhile.
    void adoptRunning();

    Result<ContainerRecord> find(const QString &nameOrId) const { return m_store.find(nameOrId); }
    QList<ContainerRecord> list() const { return m_store.list(); }

    // Networks (containernetworks.cpp): docker's `network` commands.
    Result<NetworkRecord> createNetwork(const QString &name, const NetworkCreateOptions &options);
    Result<void> removeNetwork(const QString &nameOrId);
    QList<NetworkRecord> networks() const { return m_networks.list(); }
    Result<QByteArray> inspectNetwork(const QString &nameOrId) const; // docker's inspect JSON
    Result<void> connectNetwork(const QString &network, const QString &container, const QStringList &aliases);
    Result<void> disconnectNetwork(const QString &network, const QString &container);
    QStringList pruneNetworks(); // the names removed

    // Volumes (containervolumes.cpp): docker's `volume` commands.
    Result<VolumeRecord> createVolume(const QString &name, const QMap<QString, QString> &labels);
    Result<void> removeVolume(const QString &name);
    QList<VolumeRecord> volumes() const { return m_volumes.list(); }
    QString volumeMountpoint(const QString &name) const { return m_volumes.dataPath(name); }
    qint64 volumeSize(const QString &name) const { return m_volumes.sizeOf(name); }
    Result<QByteArray> inspectVolume(const QString &name) const; // docker's inspect JSON
    // Removes unused volumes, anonymous ones only unless `all`; the names and bytes freed.
    std::pair<QStringList, qint64> pruneVolumes(bool all);
    QStringList usersOfVolume(const QString &name) const; // the containers that mount it, by name
    int hostCpus() const;
    // docker's create warnings: limits this host's cgroups cannot apply, which are dropped.
    QStringList warningsFor(const ContainerSpec &spec) const;

    Result<ContainerRecord> create(const ContainerSpec &spec);
    void start(const QString &nameOrId, AttachStreams attach, Done done);
    // What `docker stop` and `docker restart` may ask; unset parts come from the container.
    struct StopRequest
    {
        std::optional<int> timeout; // seconds before SIGKILL
        std::optional<int> signal; // instead of the container's stop signal
    };
    void stop(const QString &nameOrId, StopRequest request, Done done);
    void restart(const QString &nameOrId, StopRequest request, Done done);
    Result<void> kill(const QString &nameOrId, int signal);
    // `volumes`: its anonymous volumes go too (docker's rm -v).
    void remove(const QString &nameOrId, bool force, bool volumes, Done done);
    Result<void> pause(const QString &nameOrId);
    Result<void> unpause(const QString &nameOrId);
    Result<void> rename(const QString &nameOrId, const QString &newName);
    void wait(const QString &nameOrId, WaitCondition condition, WaitDone done);
    // `docker attach`: the running container's monitor takes the streams (those of an earlier
    // attach are let go); they end when the container does.
    Result<void> attach(const QString &nameOrId, AttachStreams streams);
    // `done` gets the command's exit code when it ends, or at once with 0 when detached.
    void exec(const QString &nameOrId, ExecRequest request, std::function<void(const Result<int> &)> done);

    // `docker top`: the container's processes (processtable.h); Conflict when it is not running.
    Result<QList<QVariantMap>> top(const QString &nameOrId) const;
    // `docker diff`: what the container changed in its image's files.
    Result<LayerChanges> changes(const QString &nameOrId) const;
    // One sample of `docker stats`: CpuNanoseconds, SystemNanoseconds, OnlineCpus, MemoryUsage,
    // MemoryLimit (the host's memory when unlimited), Pids, Read (RFC 3339).
    Result<QVariantMap> stats(const QString &nameOrId) const;

    // Files (containerfiles.cpp): where `cp`, browsing and `export` find the container's files.
    // A copy or a look into a container that does not run mounts its layer: until
    // releaseFiles(), the container cannot start nor be removed, nor be mounted by another.
    // holdsFiles() says whether these files need that release.
    Result<ContainerFiles> files(const QString &nameOrId, RootUse use);
    void releaseFiles(const QString &id);
    Result<CommitSource> commitSource(const QString &nameOrId) const;
    static bool holdsFiles(const ContainerFiles &files, RootUse use) { return files.pid == 0 && use != RootUse::Export; }

    // `docker ps -s`: bytes in the container's writable layer, and with the image's below it.
    std::pair<qint64, qint64> diskUsage(const ContainerRecord &record) const;

    QString logPath(const QString &id) const;
    bool isRunning(const QString &id) const;

Q_SIGNALS:
    // Docker's event actions: create, start, die, oom, stop, kill, pause, unpause, restart,
    // rename, destroy.
    void containerEvent(const QString &action, const QString &id, const QMap<QString, QString> &attributes);
    // The container's first process ended (logs readers stop following).
    void containerExited(const QString &id);
    // Docker's network event actions: create, destroy, connect, disconnect.
    void networkEvent(const QString &action, const QString &id, const QMap<QString, QString> &attributes);

private:
    struct Live;
    struct Waiter
    {
        WaitCondition condition;
        WaitDone done;
    };

    QString runDirectory(const QString &id) const;
    // Seccomp filters berth-runtime compiled, kept for the next container (runtime/bin/seccomp.h).
    QString seccompCacheDirectory() const;
    Result<ImageRecord> imageOf(const ContainerRecord &record) const; // NotFound when it is gone
    // The container's layers (its image's, top first, then its own) and its mounts.
    Result<ContainerFiles> layersOf(const ContainerRecord &record) const;
    // Conflict while a copy writes into the container's layer.
    Result<void> refuseWhileCopying(const ContainerRecord &record, const QString &action) const;
    Result<void> writeBundle(const ContainerRecord &record, const QString &networkNamespace);
    Result<void> writeEtcFiles(const ContainerRecord &record);
    // Where the container's network comes from (docker's --network): a namespace to join,
    // made and held in `holder` for the bridge; empty for one of its own (none) or the host's.
    Result<QString> joinNetwork(ContainerRecord &record, UniqueFd &holder);
    void leaveNetwork(ContainerRecord &record);
    // Writes /etc/hosts anew for the running containers on these networks (each names the
    // others on its user-defined networks).
    void refreshHosts(const QStringList &networkIds);
    QString hostsFile(const ContainerRecord &record) const;
    QStringList usersOf(const QString &networkId) const; // the containers on it, by name
    int containerPidfd(const QString &id) const; // of its first process while it runs; -1 otherwise
    Result<std::pair<NetworkRecord, ContainerRecord>> networkAndContainer(const QString &network, const QString &container) const;
    void launch(ContainerRecord record, AttachStreams attach, Done done);
    void launched(const QString &id, QProcess *process, Done done);
    // Runs berth-runtime with `arguments`; `inChild` runs after the fork (async-signal-safe
    // calls only), `finished` when it has exited.
    Result<QProcess *> startRuntime(const QStringList &arguments, const std::function<void()> &inChild,
                                    std::function<void(QProcess *)> finished);
    Result<void> watch(ContainerRecord &record);
    void monitorEnded(const QString &id);
    // Starts a container whose restart policy asked for it, unless stopped meanwhile.
    void restartNow(const QString &id);
    void applyRestartPolicy(ContainerRecord &record);
    Result<void> signal(const ContainerRecord &record, int signal);
    Result<void> setPaused(const QString &nameOrId, bool paused);
    Result<runtime::Cgroup> cgroupOfRunning(const QString &nameOrId) const;
    void removeNow(ContainerRecord record, bool volumes, Done done);
    Result<QList<ContainerRecord::Mount>> resolveMounts(const ContainerSpec &spec, const QStringList &imageVolumes) const;
    Result<void> createVolumes(QList<ContainerRecord::Mount> &mounts);

    void publish(const QString &action, const ContainerRecord &record, QMap<QString, QString> attributes = {});
    void notifyWaiters(const QString &id, bool removed, const WaitResult &result);
    Result<ContainerRecord> save(ContainerRecord record);
    // Of the run state alone (ContainerStore::saveRunState); a failure is only logged.
    void saveRunState(const ContainerRecord &record);

    ContainerStore &m_store;
    ImageStore &m_images;
    LayerStore &m_layers;
    ContainerEngineSettings m_settings;
    Networks m_networks;
    VolumeStore m_volumes;
    QHash<QString, std::shared_ptr<Live>> m_live; // running containers by id
    QHash<QString, QList<Waiter>> m_waiters; // by id
    QHash<QString, QList<Done>> m_stopWaiters; // by id, answered when the container exits
    QHash<QString, QPointer<QProcess>> m_starting; // starts under way
    QSet<QString> m_filesInUse; // stopped containers whose layer a copy or a look has mounted, by id
    QList<std::pair<QString, WaitResult>> m_removedExits; // last exits of removed containers, for wait
};

} // namespace berth
