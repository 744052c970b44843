#include "containerengine.h"

#include "enginefiles.h"
#include "network/subnet.h"

#include "container/units.h"
#include "core/cgroups.h"
#include "core/fdpassing.h"
#include "core/fileutil.h"
#include "files/containerroot.h"
#include "jsonvalues.h"
#include "layers/layerstore.h"
#include "processtable.h"
#include "runtime/ocibundle.h"
#include "store/imagestore.h"
#include "system/fileops.h"
#include "timestamps.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>

#include <array>
#include <csignal>
#include <cstddef>
#include <cstring>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcContainerEngine, "berth.containers.engine")

namespace berth {

// What the engine holds for a running container: pidfds of its first process and of its
// monitor (a pidfd names one process for good, where a pid may be reused), and the stop timer.
struct ContainerEngine::Live
{
    UniqueFd containerPidfd;
    UniqueFd monitorPidfd;
    std::unique_ptr<QSocketNotifier> monitorExit;
    std::unique_ptr<QTimer> killTimer;
};

namespace {

constexpr int kDefaultStopTimeout = 10;
constexpr int kRemovedExitsKept = 256;

QString now()
{
    return QString::fromStdString(timestampNow());
}

UniqueFd pidfdOf(int pid, quint64 expectedStartTime)
{
    if (pid <= 0)
        return {};
    UniqueFd fd(static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)));
    // Only once the fd is open does the start time prove it is still the same process.
    if (fd && runtime::processStartTime(pid) != expectedStartTime)
        return {};
    return fd;
}

// The runtime's state.json and the monitor's exit.json, written with nlohmann/json (neither
// links Qt) and read with it; an empty object when missing or not what they write.
nlohmann::json readRuntimeFile(const QString &path)
{
    try {
        nlohmann::json object = nlohmann::json::parse(runtime::readSmallFile(path.toStdString()));
        if (object.is_object())
            return object;
    } catch (const std::exception &) { }
    return nlohmann::json::object();
}

// Docker's merge: the spec's variables win over the image's by name.
QStringList mergedEnvironment(const QStringList &image, const QStringList &spec)
{
    QStringList env = image;
    for (const QString &entry : spec) {
        const QString name = entry.section(u'=', 0, 0);
        auto same = [&](const QString &e) { return e.section(u'=', 0, 0) == name; };
        env.erase(std::remove_if(env.begin(), env.end(), same), env.end());
        env << entry;
    }
    auto hasPath = [](const QString &e) { return e.startsWith(QStringLiteral("PATH=")); };
    if (std::none_of(env.cbegin(), env.cend(), hasPath))
        env.prepend(QStringLiteral("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
    return env;
}

QString hostResolvConf()
{
    QFile file(QStringLiteral("/etc/resolv.conf"));
    QString out;
    if (file.open(QIODevice::ReadOnly)) {
        // A resolver on the host's loopback cannot be reached from the container's network.
        for (const QString &line : QString::fromUtf8(file.read(64 * 1024)).split(u'\n')) {
            const QString trimmed = line.trimmed();
            if (trimmed.startsWith(QStringLiteral("nameserver"))
                && (trimmed.contains(QStringLiteral(" 127.")) || trimmed.contains(QStringLiteral(" ::1"))))
                continue;
            out += line + u'\n';
        }
    }
    return out;
}

} // namespace

ContainerEngine::ContainerEngine(ContainerStore &store, ImageStore &images, LayerStore &layers, ContainerEngineSettings settings,
                                 QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_images(images)
    , m_layers(layers)
    , m_settings(std::move(settings))
    , m_networks(m_settings.networksDirectory, m_settings.bridge, m_settings.bip)
    , m_volumes(m_settings.volumesDirectory)
{
    // berth-runtime leaves each monitor behind as an orphan; as their subreaper the helper
    // reaps them, instead of relying on an init that may not (as on some VMs and containers).
    ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    (void)removeLeftovers(m_settings.runRoot + QStringLiteral("/containers"));
}

ContainerEngine::~ContainerEngine() = default;

int ContainerEngine::hostCpus() const
{
    return std::max(1, QThread::idealThreadCount());
}

// What this host cannot give of what `spec` asks and will go without, in docker's words.
QStringList ContainerEngine::warningsFor(const ContainerSpec &spec) const
{
    const HostConfig &host = spec.host;
    if (!host.oomKillDisable && host.memorySwap == 0)
        return {};
    QStringList warnings;
    const runtime::CgroupLayout layout = runtime::CgroupLayout::detect();
    if (host.oomKillDisable && layout.unified)
        warnings << QStringLiteral("Your kernel does not support OomKillDisable. OomKillDisable discarded.");
    else if (host.oomKillDisable && host.memory == 0)
        warnings << QStringLiteral("OOM killer is disabled for the container, but no memory limit is set, this can result in "
                                   "the system running out of resources.");
    const auto memory = layout.v1Roots.find("memory");
    if (host.memorySwap != 0 && !layout.unified
        && (memory == layout.v1Roots.end() || ::access((memory->second + "/memory.memsw.limit_in_bytes").c_str(), F_OK) != 0))
        warnings << QStringLiteral("Your kernel does not support swap limit capabilities or the cgroup is not mounted. "
                                   "Memory limited without swap.");
    return warnings;
}

QString ContainerEngine::runDirectory(const QString &id) const
{
    return m_settings.runRoot + QStringLiteral("/containers/") + id;
}

QString ContainerEngine::seccompCacheDirectory() const
{
    return m_settings.runRoot + QStringLiteral("/seccomp");
}

QString ContainerEngine::logPath(const QString &id) const
{
    return m_store.directory(id) + u'/' + id + QStringLiteral("-json.log");
}

bool ContainerEngine::isRunning(const QString &id) const
{
    return m_live.contains(id);
}

Result<ContainerRecord> ContainerEngine::save(ContainerRecord record)
{
    if (auto saved = m_store.save(record); !saved)
        return saved.error();
    return record;
}

void ContainerEngine::saveRunState(const ContainerRecord &record)
{
    if (auto saved = m_store.saveRunState(record); !saved)
        qCWarning(lcContainerEngine) << "cannot record the state of" << record.shortId() << ":" << saved.error().message();
}

void ContainerEngine::publish(const QString &action, const ContainerRecord &record, QMap<QString, QString> attributes)
{
    attributes.insert(QStringLiteral("name"), record.name);
    attributes.insert(QStringLiteral("image"), record.spec.config.image);
    Q_EMIT containerEvent(action, record.id, attributes);
}

Result<ContainerRecord> ContainerEngine::create(const ContainerSpec &spec)
{
    if (auto valid = spec.validate(hostCpus()); !valid)
        return valid.error();
    if (auto granted = checkHostGrants(spec.host); !granted)
        return granted.error();
    if (auto profile = checkSeccompProfile(spec); !profile)
        return profile.error();
    auto image = m_images.find(spec.config.image);
    if (!image)
        return Error::notFound(QStringLiteral("No such image: %1").arg(spec.config.image));
    auto config = m_images.config(*image);
    if (!config)
        return config.error();
    if (spec.host.init && m_settings.initBinary.isEmpty())
        return Error::unavailable(
            QStringLiteral("--init needs a static init on the host: install Debian's tini or catatonit package"));
    auto mounts = resolveMounts(spec, config->config.volumes);
    if (!mounts)
        return mounts.error();

    ContainerRecord record;
    record.id = ContainerStore::newId();
    record.name = spec.name.isEmpty() ? m_store.generateName() : (spec.name.startsWith(u'/') ? spec.name.mid(1) : spec.name);
    if (auto free = m_store.checkNameFree(record.name); !free)
        return free.error();
    if (auto made = createVolumes(*mounts); !made)
        return made.error();
    record.mounts = *mounts;
    record.created = now();
    record.image = image->id;
    record.spec = spec;
    const QString mode = spec.host.networkMode;
    if (mode != u"none" && mode != u"host" && !mode.startsWith(u"container:")) {
        auto network = m_networks.find(mode == u"default" ? QStringLiteral("bridge") : mode);
        if (!network)
            return network.error();
        if (!network->isBridge())
            return Error::invalidArgument(QStringLiteral("network %1 cannot be used with --network").arg(mode));
        record.endpoints = {NetworkEndpoint{network->id, network->name, spec.networkAliases, {}}};
    }
    const oci::RunConfig &defaults = config->config;
    // docker's Config.ExposedPorts: the image's and the container's own.
    record.spec.config.exposedPorts = defaults.exposedPorts + spec.config.exposedPorts;
    record.spec.config.exposedPorts.removeDuplicates();
    QStringList command = spec.config.entrypoint ? *spec.config.entrypoint : defaults.entrypoint;
    // Docker: a new entrypoint drops the image's CMD too, unless a command is given.
    command += !spec.config.cmd.isEmpty() ? spec.config.cmd : (spec.config.entrypoint ? QStringList{} : defaults.cmd);
    if (command.isEmpty())
        return Error::invalidArgument(QStringLiteral("No command specified"));
    record.path = command.takeFirst();
    record.args = command;
    record.env = mergedEnvironment(defaults.env, spec.config.env);
    record.workingDir = spec.config.workingDir.isEmpty() ? defaults.workingDir : spec.config.workingDir;
    if (!record.workingDir.isEmpty() && !record.workingDir.startsWith(u'/'))
        return Error::invalidArgument(
            QStringLiteral("the working directory '%1' is invalid, it needs to be an absolute path").arg(record.workingDir));
    record.user = spec.config.user.isEmpty() ? defaults.user : spec.config.user;
    record.stopSignal = !spec.config.stopSignal.isEmpty() ? spec.config.stopSignal
        : !defaults.stopSignal.isEmpty()                  ? defaults.stopSignal
                                                          : QStringLiteral("SIGTERM");
    if (auto signal = parseSignal(record.stopSignal); !signal)
        return signal.error();

    if (!QDir().mkpath(m_store.directory(record.id) + QStringLiteral("/diff"))
        || !QDir().mkpath(m_store.directory(record.id) + QStringLiteral("/work")))
        return Error::unavailable(QStringLiteral("cannot create the container's directories"));
    auto saved = save(record);
    if (saved)
        publish(QStringLiteral("create"), *saved);
    return saved;
}

namespace {

// Truncated and written, not replaced: the container's bind mount keeps seeing the same file.
// Every user in the container reads these, as on any Linux system.
Result<void> writeInPlace(const QString &path, const QString &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content.toUtf8()) < 0)
        return Error::unavailable(QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    return {};
}

} // namespace

// /etc/hosts: the container itself, and on user-defined networks every other running
// container there by name, aliases and short id (docker's name resolution on such networks).
QString ContainerEngine::hostsFile(const ContainerRecord &record) const
{
    const QString hostname = record.spec.config.hostname.isEmpty() ? record.shortId() : record.spec.config.hostname;
    const quint32 own = record.endpoints.isEmpty() ? 0 : record.endpoints.first().attachment.address;
    QString hosts = QStringLiteral("127.0.0.1\tlocalhost\n"
                                   "::1\tlocalhost ip6-localhost ip6-loopback\n"
                                   "fe00::0\tip6-localnet\n"
                                   "ff00::0\tip6-mcastprefix\n"
                                   "ff02::1\tip6-allnodes\n"
                                   "ff02::2\tip6-allrouters\n"
                                   "%2\t%1\n")
                        .arg(hostname, own ? ipv4Text(own) : QStringLiteral("127.0.1.1"));
    for (const NetworkEndpoint &mine : record.endpoints) {
        if (mine.network == u"bridge")
            continue; // the default network has no name resolution, as docker's
        for (const ContainerRecord &other : m_store.list()) {
            if (other.id == record.id || !other.isRunning())
                continue;
            for (const NetworkEndpoint &theirs : other.endpoints)
                if (theirs.networkId == mine.networkId && theirs.attachment.address)
                    hosts += ipv4Text(theirs.attachment.address) + u'\t'
                        + (QStringList{other.name} + theirs.aliases + QStringList{other.shortId()}).join(u' ') + u'\n';
        }
    }
    return hosts;
}

// /etc/hosts, /etc/hostname and /etc/resolv.conf, made anew at each start as docker does.
// Written in place, not renamed: a restart binds the same files again, and a running
// container sees /etc/hosts change when its neighbours come and go.
Result<void> ContainerEngine::writeEtcFiles(const ContainerRecord &record)
{
    const QString dir = m_store.directory(record.id);
    const QString hostname = record.spec.config.hostname.isEmpty() ? record.shortId() : record.spec.config.hostname;
    for (const auto &[name, content] :
         {std::pair{QStringLiteral("hosts"), hostsFile(record)}, std::pair{QStringLiteral("hostname"), hostname + u'\n'},
          std::pair{QStringLiteral("resolv.conf"), hostResolvConf()}})
        if (auto written = writeInPlace(dir + u'/' + name, content); !written)
            return written;
    return {};
}

void ContainerEngine::refreshHosts(const QStringList &networkIds)
{
    // Only user-defined networks resolve names: the default network's comings and goings
    // change nobody's /etc/hosts, and every start on it would otherwise rewrite them all.
    QStringList named = networkIds;
    if (const auto bridge = m_networks.find(QStringLiteral("bridge")))
        named.removeAll(bridge->id);
    if (named.isEmpty())
        return;
    for (const ContainerRecord &record : m_store.list())
        if (record.isRunning() && std::any_of(record.endpoints.cbegin(), record.endpoints.cend(), [&](const NetworkEndpoint &e) {
                return named.contains(e.networkId);
            }))
            if (auto written = writeInPlace(m_store.directory(record.id) + QStringLiteral("/hosts"), hostsFile(record)); !written)
                qCWarning(lcContainerEngine) << written.error().message();
}

Result<void> ContainerEngine::writeBundle(const ContainerRecord &record, const QString &networkNamespace)
{
    auto layers = layersOf(record);
    if (!layers)
        return layers.error();
    const QString dir = m_store.directory(record.id);
    const QString run = runDirectory(record.id);
    BundleInputs inputs;
    inputs.lowerDirs = layers->lowerDirs;
    inputs.upperDir = layers->upperDir;
    // The overlay's root takes the upper directory's mode and owner; make them the image's, not
    // the 0700 of the helper's umask.
    struct stat top
    {
    };
    if (!inputs.lowerDirs.isEmpty() && ::stat(QFile::encodeName(inputs.lowerDirs.first()).constData(), &top) == 0) {
        const QByteArray upper = QFile::encodeName(inputs.upperDir);
        ::chmod(upper.constData(), top.st_mode & 07777);
        if (::chown(upper.constData(), top.st_uid, top.st_gid) != 0)
            return Error::fromErrno(errno, QStringLiteral("chown %1").arg(inputs.upperDir));
    }
    inputs.workDir = layers->workDir;
    clearVolatileMark(inputs.workDir); // left by a copy into the stopped container
    inputs.rootfs = layers->mountPoint;
    inputs.hostsFile = dir + QStringLiteral("/hosts");
    inputs.hostnameFile = dir + QStringLiteral("/hostname");
    inputs.resolvConfFile = dir + QStringLiteral("/resolv.conf");
    inputs.cgroupPath = u'/' + m_settings.cgroupParent + u'/' + record.id;
    inputs.defaultPidsLimit = m_settings.defaultPidsLimit;
    inputs.initBinary = m_settings.initBinary;
    inputs.networkNamespace = networkNamespace;
    for (const ContainerRecord::Mount &mount : record.mounts)
        inputs.binds.append({mount.volume.isEmpty() ? mount.source : m_volumes.dataPath(mount.volume), mount.destination,
                             mount.readOnly, !mount.volume.isEmpty()});
    auto config = ociConfig(record, inputs);
    if (!config)
        return config.error();
    if (auto etc = writeEtcFiles(record); !etc)
        return etc;
    if (!QDir().mkpath(inputs.rootfs))
        return Error::unavailable(QStringLiteral("cannot create %1").arg(inputs.rootfs));
    QFile::remove(run + QStringLiteral("/state.json"));
    QFile::remove(run + QStringLiteral("/exit.json"));
    // The run root is cleared at boot and the bundle made anew at each start: no fsync.
    QFile bundle(run + QStringLiteral("/config.json"));
    if (!bundle.open(QIODevice::WriteOnly | QIODevice::Truncate) || bundle.write(*config) != config->size())
        return Error::unavailable(QStringLiteral("cannot write %1: %2").arg(bundle.fileName(), bundle.errorString()));
    return {};
}

void ContainerEngine::start(const QString &nameOrId, AttachStreams attach, Done done)
{
    auto record = m_store.find(nameOrId);
    if (!record)
        return done(record.error());
    if (record->state.status == ContainerStatus::Paused)
        return done(Error::conflict(QStringLiteral("cannot start a paused container, try unpause instead")));
    if (m_live.contains(record->id))
        return done({}); // docker: starting a running container is not an error
    if (m_starting.contains(record->id))
        return done(Error::conflict(QStringLiteral("container %1 is already starting").arg(record->shortId())));
    if (auto free = refuseWhileCopying(*record, QStringLiteral("started")); !free)
        return done(free.error());
    if (record->state.status == ContainerStatus::Removing || record->state.status == ContainerStatus::Dead)
        return done(
            Error::conflict(QStringLiteral("container %1 is marked for removal and cannot be started").arg(record->shortId())));
    if (record->manuallyStopped) { // what a restart of the machine must know (unless-stopped)
        record->manuallyStopped = false;
        if (auto saved = save(*record); !saved)
            return done(saved.error());
    }
    launch(*record, std::move(attach), std::move(done));
}

Result<QString> ContainerEngine::joinNetwork(ContainerRecord &record, UniqueFd &holder)
{
    const QString mode = record.spec.host.networkMode;
    if (mode.startsWith(u"container:")) {
        auto other = m_store.find(mode.mid(10));
        if (!other)
            return other.error();
        if (!m_live.contains(other->id) || other->state.pid <= 0)
            return Error::conflict(QStringLiteral("cannot join network of a non running container: %1").arg(other->shortId()));
        return QStringLiteral("/proc/%1/ns/net").arg(other->state.pid);
    }
    if (record.endpoints.isEmpty())
        return QString(); // none: a namespace of its own with loopback only; host: the host's
    auto ports = bindingsFromJson(record.spec.host.portBindings);
    if (!ports)
        return ports.error();
    if (record.spec.host.publishAllPorts) // -P: each exposed port not published yet, to a free port
        for (const QString &exposed : std::as_const(record.spec.config.exposedPorts)) {
            auto port = parseExposed(exposed);
            if (port && std::none_of(ports->cbegin(), ports->cend(), [&](const PortBinding &p) {
                    return p.containerKey() == port->containerKey();
                }))
                ports->append(*port);
        }
    // The first network makes the namespace (and gets the ports and the default route); the
    // others join it as eth1, eth2, ...
    for (qsizetype i = 0; i < record.endpoints.size(); ++i) {
        NetworkEndpoint &endpoint = record.endpoints[i];
        auto network = m_networks.find(endpoint.networkId);
        if (!network) {
            leaveNetwork(record);
            return Error::notFound(QStringLiteral("network %1 not found").arg(endpoint.network));
        }
        auto joined = m_networks.bridgeOf(*network)->attach(record.id, record.name, i == 0 ? *ports : QList<PortBinding>{},
                                                            i == 0 ? -1 : holder.get(), QStringLiteral("eth%1").arg(i));
        if (!joined) {
            leaveNetwork(record);
            return joined.error();
        }
        endpoint.attachment = joined->attachment;
        if (i == 0)
            holder = std::move(joined->netns);
    }
    // The runtime, a child of ours, opens it through our descriptor table.
    return QStringLiteral("/proc/%1/fd/%2").arg(::getpid()).arg(holder.get());
}

void ContainerEngine::leaveNetwork(ContainerRecord &record)
{
    QStringList left;
    for (NetworkEndpoint &endpoint : record.endpoints) {
        if (auto network = m_networks.find(endpoint.networkId); network && endpoint.attachment.address)
            m_networks.bridgeOf(*network)->detach(record.id);
        if (endpoint.attachment.address)
            left << endpoint.networkId;
        endpoint.attachment = {};
    }
    refreshHosts(left);
}

void ContainerEngine::launch(ContainerRecord record, AttachStreams attach, Done done)
{
    auto netns = std::make_shared<UniqueFd>();
    auto network = joinNetwork(record, *netns);
    if (!network)
        return done(network.error());
    auto bundle = writeBundle(record, *network);
    if (bundle)
        if (auto saved = m_store.saveRunState(record); !saved)
            bundle = saved.error();
    if (!bundle) {
        leaveNetwork(record);
        return done(bundle.error());
    }
    const QString run = runDirectory(record.id);
    QStringList args = {QStringLiteral("run"),
                        QStringLiteral("--bundle"),
                        run,
                        QStringLiteral("--state"),
                        run,
                        QStringLiteral("--seccomp-cache"),
                        seccompCacheDirectory()};
    if (record.spec.host.logConfig.type != u"none") {
        // Checked when the container was made; the engine's settings fill what it left out.
        const LogLimits limits = parseLogLimits(record.spec.host.logConfig.config).value_or(LogLimits{});
        args << QStringLiteral("--log") << logPath(record.id) << QStringLiteral("--log-max-size")
             << QString::number(limits.maxSize.value_or(m_settings.logMaxSize)) << QStringLiteral("--log-max-files")
             << QString::number(limits.maxFiles.value_or(m_settings.logMaxFiles));
    }
    if (record.spec.config.openStdin)
        args << QStringLiteral("--open-stdin");
    // The runtime inherits the attached descriptors under their own numbers; the child
    // modifier clears close-on-exec on exactly those, after the fork.
    auto passed = std::make_shared<std::vector<int>>();
    for (const auto &[flag, fd] :
         {std::pair{"--attach-stdin", attach.stdinFd.get()}, std::pair{"--attach-stdout", attach.stdoutFd.get()},
          std::pair{"--attach-stderr", attach.stderrFd.get()}, std::pair{"--attach-resize", attach.resize.get()}}) {
        if (fd < 0)
            continue;
        args << QLatin1StringView(flag) << QString::number(fd);
        passed->push_back(fd);
    }
    args << record.id;

    // The attached descriptors must live until the runtime has them; it outlives this call.
    auto streams = std::make_shared<AttachStreams>(std::move(attach));
    const QString id = record.id;
    auto process = startRuntime(
        args,
        [passed] {
            for (int fd : *passed)
                ::fcntl(fd, F_SETFD, 0);
        },
        [this, id, streams, netns, done](QProcess *finished) mutable {
            streams.reset();
            netns.reset(); // the container holds its namespace now, or has failed
            launched(id, finished, std::move(done));
        });
    if (!process) {
        leaveNetwork(record);
        saveRunState(record);
        return done(process.error());
    }
    m_starting.insert(id, *process);
}

Result<QProcess *> ContainerEngine::startRuntime(const QStringList &arguments, const std::function<void()> &inChild,
                                                 std::function<void(QProcess *)> finished)
{
    auto *process = new QProcess(this);
    process->setProgram(m_settings.runtimePath);
    process->setArguments(arguments);
    process->setChildProcessModifier(inChild);
    connect(process, &QProcess::finished, this, [process, finished = std::move(finished)] {
        process->deleteLater();
        finished(process);
    });
    process->start();
    // On Unix, start() knows at once whether the program could be run.
    if (process->state() == QProcess::NotRunning) {
        const QString why = process->errorString();
        process->deleteLater();
        return Error::unavailable(QStringLiteral("cannot run the container runtime %1: %2").arg(m_settings.runtimePath, why));
    }
    return process;
}

void ContainerEngine::launched(const QString &id, QProcess *process, Done done)
{
    m_starting.remove(id);
    auto record = m_store.find(id);
    if (!record)
        return done(record.error()); // removed while starting
    if (process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0) {
        const QString message = QString::fromUtf8(process->readAllStandardError()).trimmed();
        record->state.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : 128;
        record->state.error = message.isEmpty() ? QStringLiteral("the container runtime failed") : message;
        if (record->state.status == ContainerStatus::Restarting)
            record->state.status = ContainerStatus::Exited;
        leaveNetwork(*record);
        saveRunState(*record);
        publish(QStringLiteral("die"), *record, {{QStringLiteral("exitCode"), QString::number(record->state.exitCode)}});
        notifyWaiters(id, false, {record->state.exitCode, record->state.error});
        const Error error = Error::startFailed(record->state.error);
        if (record->spec.host.autoRemove)
            removeNow(*record, true, [](const Result<void> &) {});
        return done(error);
    }
    const nlohmann::json state = readRuntimeFile(runDirectory(id) + QStringLiteral("/state.json"));
    record->state.status = ContainerStatus::Running;
    record->state.pid = json::field<int>(state, "pid");
    record->state.startedAt = json::string(state, "startedAt");
    record->state.exitCode = 0;
    record->state.error.clear();
    record->state.oomKilled = false;
    record->monitor.monitorPid = json::field<int>(state, "monitorPid");
    record->monitor.monitorStartTime = json::field<quint64>(state, "monitorStartTime");
    record->monitor.pidStartTime = json::field<quint64>(state, "pidStartTime");
    record->monitor.cgroup = json::string(state, "cgroup");
    if (auto watched = watch(*record); !watched) {
        qCWarning(lcContainerEngine) << "container" << id << "ended at once:" << watched.error().message();
    }
    saveRunState(*record);
    QStringList networks;
    for (const NetworkEndpoint &endpoint : std::as_const(record->endpoints))
        networks << endpoint.networkId;
    refreshHosts(networks); // its neighbours learn its name
    publish(QStringLiteral("start"), *record);
    done({});
    if (!m_live.contains(id))
        monitorEnded(id);
}

int ContainerEngine::containerPidfd(const QString &id) const
{
    const auto live = m_live.value(id);
    return live && live->containerPidfd ? live->containerPidfd.get() : -1;
}

Result<void> ContainerEngine::watch(ContainerRecord &record)
{
    auto live = std::make_shared<Live>();
    live->monitorPidfd = pidfdOf(record.monitor.monitorPid, record.monitor.monitorStartTime);
    if (!live->monitorPidfd)
        return Error::notFound(QStringLiteral("the monitor of container %1 is gone").arg(record.shortId()));
    live->containerPidfd = pidfdOf(record.state.pid, record.monitor.pidStartTime);
    // A pidfd turns readable when its process has exited.
    live->monitorExit = std::make_unique<QSocketNotifier>(live->monitorPidfd.get(), QSocketNotifier::Read);
    const QString id = record.id;
    connect(live->monitorExit.get(), &QSocketNotifier::activated, this, [this, id] { monitorEnded(id); });
    m_live.insert(id, live);
    return {};
}

void ContainerEngine::adoptRunning()
{
    // Addresses and ports of containers that still run are theirs; the rules are written anew
    // from them, which also clears what a crash left behind.
    if (auto loaded = m_networks.load(); !loaded)
        qCWarning(lcContainerEngine) << loaded.error().message();
    if (auto loaded = m_volumes.load(); !loaded)
        qCWarning(lcContainerEngine) << loaded.error().message();
    for (const ContainerRecord &record : m_store.list())
        if (record.isRunning())
            for (const NetworkEndpoint &endpoint : record.endpoints)
                if (auto network = m_networks.find(endpoint.networkId); network && endpoint.attachment.address)
                    m_networks.bridgeOf(*network)->adopt(record.id, record.name, endpoint.attachment);
    m_networks.setUp();
    for (ContainerRecord record : m_store.list()) {
        if (record.state.status == ContainerStatus::Restarting && record.monitor.monitorPid == 0) {
            restartNow(record.id); // its back-off was under way when the helper stopped
            continue;
        }
        if (record.isRunning()) {
            if (watch(record)) {
                qCInfo(lcContainerEngine) << "adopted running container" << record.shortId();
                continue;
            }
            monitorEnded(record.id); // ended while the helper was away: record how
            continue;
        }
        // As docker does when its daemon starts: containers that should always run, run.
        const QString policy = record.spec.host.restartPolicy.name;
        if (record.state.status == ContainerStatus::Exited
            && (policy == u"always" || (policy == u"unless-stopped" && !record.manuallyStopped)))
            start(record.id, {}, [id = record.id](const Result<void> &started) {
                if (!started)
                    qCWarning(lcContainerEngine) << "cannot restart" << id << started.error().message();
            });
    }
}

void ContainerEngine::monitorEnded(const QString &id)
{
    std::shared_ptr<Live> live = m_live.take(id);
    // Monitors started by this helper are its children (it is their subreaper); reap this one.
    // One adopted after a restart belongs to init, and the call does nothing.
    if (live && live->monitorPidfd) {
        siginfo_t info{};
        ::waitid(P_PIDFD, live->monitorPidfd.get(), &info, WEXITED | WNOHANG);
    }
    auto record = m_store.find(id);
    if (!record)
        return;
    // Never watched (it ended before it could be): reap it by pid; waitpid touches only our
    // own children, so a pid that now names someone else's process is left alone.
    if (!live && record->monitor.monitorPid > 0)
        ::waitpid(record->monitor.monitorPid, nullptr, WNOHANG);
    const nlohmann::json exit = readRuntimeFile(runDirectory(id) + QStringLiteral("/exit.json"));
    if (exit.empty()) {
        // The monitor died without a word (killed, or the machine rebooted): nothing in the
        // container may go on unwatched.
        if (live && live->containerPidfd)
            ::syscall(SYS_pidfd_send_signal, live->containerPidfd.get(), SIGKILL, nullptr, 0);
        record->state.exitCode = 255;
        record->state.error = QStringLiteral("the container's monitor ended unexpectedly");
        record->state.finishedAt = now();
    } else {
        record->state.exitCode = json::field<int>(exit, "exitCode");
        record->state.oomKilled = json::field<bool>(exit, "oomKilled");
        record->state.finishedAt = json::string(exit, "finishedAt");
    }
    if (!record->monitor.cgroup.isEmpty()) {
        try {
            runtime::Cgroup(runtime::CgroupLayout::detect(), record->monitor.cgroup.toStdString()).remove();
        } catch (const runtime::RuntimeError &) { }
    }
    record->state.status = ContainerStatus::Exited;
    record->state.pid = 0;
    record->monitor = {};
    leaveNetwork(*record);
    if (!record->spec.host.autoRemove) // else removed below, with no restart policy to follow
        saveRunState(*record);
    if (record->state.oomKilled)
        publish(QStringLiteral("oom"), *record);
    publish(QStringLiteral("die"), *record, {{QStringLiteral("exitCode"), QString::number(record->state.exitCode)}});
    Q_EMIT containerExited(id);
    notifyWaiters(id, false, {record->state.exitCode, record->state.error});
    for (const Done &done : m_stopWaiters.take(id))
        done({});
    applyRestartPolicy(*record);
}

void ContainerEngine::applyRestartPolicy(ContainerRecord &record)
{
    const RestartPolicy &policy = record.spec.host.restartPolicy;
    const bool restart = !record.manuallyStopped
        && (policy.name == u"always" || policy.name == u"unless-stopped"
            || (policy.name == u"on-failure" && record.state.exitCode != 0
                && (policy.maximumRetryCount == 0 || record.restartCount < policy.maximumRetryCount)));
    if (!restart) {
        if (record.spec.host.autoRemove)
            removeNow(record, true, [](const Result<void> &) {});
        return;
    }
    // Docker's back-off: 100 ms doubling with each restart, at most a minute.
    const int delay = std::min(60000, 100 << std::min(record.restartCount, 10));
    record.restartCount++;
    record.state.status = ContainerStatus::Restarting;
    saveRunState(record);
    QTimer::singleShot(delay, this, [this, id = record.id] { restartNow(id); });
}

void ContainerEngine::restartNow(const QString &id)
{
    auto record = m_store.find(id);
    if (!record || record->state.status != ContainerStatus::Restarting || record->manuallyStopped)
        return;
    launch(*record, {}, [this, id](const Result<void> &started) {
        if (started)
            if (auto again = m_store.find(id))
                publish(QStringLiteral("restart"), *again);
    });
}

Result<void> ContainerEngine::signal(const ContainerRecord &record, int number)
{
    auto live = m_live.value(record.id);
    if (!live || !live->containerPidfd)
        return Error::conflict(QStringLiteral("Container %1 is not running").arg(record.id));
    if (::syscall(SYS_pidfd_send_signal, live->containerPidfd.get(), number, nullptr, 0) != 0 && errno != ESRCH)
        return Error::fromErrno(errno, QStringLiteral("signal container %1").arg(record.shortId()));
    // A frozen process takes the signal only once thawed, as docker does for a paused one.
    if (record.state.status == ContainerStatus::Paused && (number == SIGKILL || number == SIGTERM))
        (void)unpause(record.id);
    return {};
}

void ContainerEngine::stop(const QString &nameOrId, StopRequest request, Done done)
{
    auto record = m_store.find(nameOrId);
    if (!record)
        return done(record.error());
    record->manuallyStopped = true;
    if (record->state.status == ContainerStatus::Restarting)
        record->state.status = ContainerStatus::Exited;
    (void)save(*record);
    auto live = m_live.value(record->id);
    if (!live)
        return done({}); // already stopped: docker answers without error
    const QString id = record->id;
    m_stopWaiters[id] << [this, id, done = std::move(done)](const Result<void> &result) {
        if (auto current = m_store.find(id))
            publish(QStringLiteral("stop"), *current);
        done(result);
    };
    // Docker's order: the stop signal, then SIGKILL once the timeout has passed.
    const int seconds = request.timeout.value_or(record->spec.config.stopTimeout.value_or(kDefaultStopTimeout));
    const int stopSignal = seconds == 0 ? SIGKILL : request.signal.value_or(parseSignal(record->stopSignal).value_or(SIGTERM));
    publish(QStringLiteral("kill"), *record, {{QStringLiteral("signal"), QString::number(stopSignal)}});
    (void)signal(*record, stopSignal);
    if (seconds <= 0)
        return;
    live->killTimer = std::make_unique<QTimer>();
    live->killTimer->setSingleShot(true);
    connect(live->killTimer.get(), &QTimer::timeout, this, [this, id] {
        if (auto current = m_store.find(id); current && m_live.contains(id)) {
            publish(QStringLiteral("kill"), *current, {{QStringLiteral("signal"), QString::number(SIGKILL)}});
            (void)signal(*current, SIGKILL);
        }
    });
    live->killTimer->start(seconds * 1000);
}

void ContainerEngine::restart(const QString &nameOrId, StopRequest request, Done done)
{
    auto record = m_store.find(nameOrId);
    if (!record)
        return done(record.error());
    const QString id = record->id;
    stop(id, request, [this, id, done = std::move(done)](const Result<void> &stopped) mutable {
        if (!stopped)
            return done(stopped);
        start(id, {}, [this, id, done = std::move(done)](const Result<void> &started) {
            if (started)
                if (auto current = m_store.find(id))
                    publish(QStringLiteral("restart"), *current);
            done(started);
        });
    });
}

Result<void> ContainerEngine::kill(const QString &nameOrId, int number)
{
    auto record = m_store.find(nameOrId);
    if (!record)
        return record.error();
    if (!m_live.contains(record->id))
        return Error::conflict(QStringLiteral("Container %1 is not running").arg(record->id));
    if (number == SIGKILL || number == parseSignal(record->stopSignal).value_or(SIGTERM)) {
        record->manuallyStopped = true;
        (void)save(*record);
    }
    publish(QStringLiteral("kill"), *record, {{QStringLiteral("signal"), QString::number(number)}});
    return signal(*record, number);
}

void ContainerEngine::remove(const QString &nameOrId, bool force, bool volumes, Done done)
{
    auto record = m_store.find(nameOrId);
    if (!record)
        return done(record.error());
    if (const QPointer<QProcess> starting = m_starting.value(record->id)) {
        if (!force)
            return done(
                Error::conflict(QStringLiteral("container %1 is starting; try again in a moment").arg(record->shortId())));
        // rm -f of a container that is starting (a restart policy's, say): once the start has
        // settled, it goes like any other.
        connect(starting, &QProcess::finished, this, [this, id = record->id, volumes, done = std::move(done)] {
            QMetaObject::invokeMethod(
                this, [this, id, volumes, done] { remove(id, true, volumes, done); }, Qt::QueuedConnection);
        });
        return;
    }
    if (auto free = refuseWhileCopying(*record, QStringLiteral("removed")); !free)
        return done(free.error());
    if (m_live.contains(record->id)) {
        if (!force)
            return done(Error::conflict(QStringLiteral("You cannot remove a running container %1. Stop the container "
                                                       "before attempting removal or force remove")
                                            .arg(record->id)));
        record->manuallyStopped = true;
        record->spec.host.autoRemove = false; // removed here, once
        (void)save(*record);
        const QString id = record->id;
        m_stopWaiters[id] << [this, id, volumes, done = std::move(done)](const Result<void> &) {
            if (auto current = m_store.find(id))
                removeNow(*current, volumes, done);
            else
                done({});
        };
        (void)signal(*record, SIGKILL);
        return;
    }
    removeNow(*record, volumes, std::move(done));
}

void ContainerEngine::removeNow(ContainerRecord record, bool volumes, Done done)
{
    record.state.status = ContainerStatus::Removing; // for the events; removal follows at once
    (void)removeTreeLater(runDirectory(record.id));
    if (auto removed = m_store.remove(record.id); !removed) {
        record.state.status = ContainerStatus::Dead;
        (void)m_store.save(record);
        return done(removed.error());
    }
    m_removedExits.append({record.id, {record.state.exitCode, record.state.error}});
    if (m_removedExits.size() > kRemovedExitsKept)
        m_removedExits.removeFirst();
    publish(QStringLiteral("destroy"), record);
    notifyWaiters(record.id, true, {record.state.exitCode, record.state.error});
    if (volumes) // its anonymous volumes, unless another container mounts them too
        for (const ContainerRecord::Mount &mount : std::as_const(record.mounts))
            if (mount.anonymous && usersOfVolume(mount.volume).isEmpty())
                if (auto removed = m_volumes.remove(mount.volume, {}); !removed)
                    qCWarning(lcContainerEngine) << removed.error().message();
    done({});
}

Result<void> ContainerEngine::pause(const QString &nameOrId)
{
    return setPaused(nameOrId, true);
}

Result<void> ContainerEngine::unpause(const QString &nameOrId)
{
    return setPaused(nameOrId, false);
}

// Freezes or thaws every process of the container through its cgroup, as docker's pause does.
Result<void> ContainerEngine::setPaused(const QString &nameOrId, bool paused)
{
    auto record = m_store.find(nameOrId);
    if (!record)
        return record.error();
    const bool isPaused = record->state.status == ContainerStatus::Paused;
    if (paused && isPaused)
        return Error::conflict(QStringLiteral("Container %1 is already paused").arg(record->id));
    if (!paused && !isPaused)
        return Error::conflict(QStringLiteral("Container %1 is not paused").arg(record->id));
    if (!m_live.contains(record->id))
        return Error::conflict(QStringLiteral("Container %1 is not running").arg(record->id));
    try {
        runtime::Cgroup(runtime::CgroupLayout::detect(), record->monitor.cgroup.toStdString()).setFrozen(paused);
    } catch (const runtime::RuntimeError &e) {
        return Error::unavailable(QStringLiteral("cannot %1 container %2: %3")
                                      .arg(paused ? QStringLiteral("pause") : QStringLiteral("unpause"), record->shortId(),
                                           QString::fromStdString(e.what())));
    }
    record->state.status = paused ? ContainerStatus::Paused : ContainerStatus::Running;
    if (auto saved = m_store.saveRunState(*record); !saved)
        return saved.error();
    publish(paused ? QStringLiteral("pause") : QStringLiteral("unpause"), *record);
    return {};
}

std::pair<qint64, qint64> ContainerEngine::diskUsage(const ContainerRecord &record) const
{
    qint64 writable = 0;
    QDirIterator files(m_store.directory(record.id) + QStringLiteral("/diff"), QDir::Files | QDir::Hidden | QDir::System,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        files.next();
        if (!files.fileInfo().isSymLink())
            writable += files.fileInfo().size();
    }
    const auto image = m_images.find(record.image.toString());
    return {writable, writable + (image ? image->size : 0)};
}

Result<LayerChanges> ContainerEngine::changes(const QString &nameOrId) const
{
    auto record = m_store.find(nameOrId);
    if (!record)
        return record.error();
    auto layers = layersOf(*record);
    if (!layers)
        return layers.error();
    auto found = treeChanges(layers->upperDir, layers->lowerDirs, true);
    if (!found)
        return found;
    // What the engine mounts is not the container's doing: the /etc files, --init, the
    // volumes' and binds' mount points (docker keeps them in an "init" layer of its own).
    QSet<QString> mountPoints;
    for (const char *file : kEngineFiles)
        mountPoints.insert(QLatin1StringView(file));
    for (const ContainerRecord::Mount &mount : std::as_const(record->mounts))
        mountPoints.insert(mount.destination.mid(1));
    for (auto it = record->spec.host.tmpfs.cbegin(); it != record->spec.host.tmpfs.cend(); ++it)
        mountPoints.insert(it.key().mid(1));
    found->changes.removeIf([&](const LayerChange &change) { return mountPoints.contains(change.path); });
    // A directory is "changed" only for what changed below it, when nothing else did.
    QSet<QString> idle;
    for (const LayerChange &change : std::as_const(found->changes)) {
        const QString prefix = change.path + u'/';
        if (change.kind == LayerChange::Kind::Changed
            && std::none_of(found->changes.cbegin(), found->changes.cend(),
                            [&](const LayerChange &other) { return other.path.startsWith(prefix); })
            && QFileInfo(m_store.directory(record->id) + QStringLiteral("/diff/") + change.path).isDir())
            idle.insert(change.path);
    }
    found->changes.removeIf([&](const LayerChange &change) { return idle.contains(change.path); });
    return found;
}

Result<runtime::Cgroup> ContainerEngine::cgroupOfRunning(const QString &nameOrId) const
{
    auto record = m_store.find(nameOrId);
    if (!record)
        return record.error();
    if (!m_live.contains(record->id) || record->monitor.cgroup.isEmpty())
        return Error::conflict(QStringLiteral("Container %1 is not running").arg(record->id));
    try {
        return runtime::Cgroup(runtime::CgroupLayout::detect(), record->monitor.cgroup.toStdString());
    } catch (const runtime::RuntimeError &e) {
        return Error::unavailable(QString::fromStdString(e.what()));
    }
}

Result<QList<QVariantMap>> ContainerEngine::top(const QString &nameOrId) const
{
    auto cgroup = cgroupOfRunning(nameOrId);
    if (!cgroup)
        return cgroup.error();
    return processTable(cgroup->processes());
}

namespace {

// Bytes received and sent by every interface of the process's network namespace but loopback,
// as docker counts a container's network I/O.
std::pair<quint64, quint64> networkBytes(qint64 pid)
{
    QFile dev(QStringLiteral("/proc/%1/net/dev").arg(pid));
    quint64 received = 0, sent = 0;
    if (!dev.open(QIODevice::ReadOnly))
        return {0, 0};
    dev.readLine(); // two lines of headings
    dev.readLine();
    for (QByteArray line = dev.readLine(); !line.isEmpty(); line = dev.readLine()) {
        const qsizetype colon = line.indexOf(':');
        const QList<QByteArray> fields = line.mid(colon + 1).simplified().split(' ');
        if (colon < 0 || line.left(colon).trimmed() == "lo" || fields.size() < 9)
            continue;
        received += fields[0].toULongLong();
        sent += fields[8].toULongLong();
    }
    return {received, sent};
}

} // namespace

Result<QVariantMap> ContainerEngine::stats(const QString &nameOrId) const
{
    auto cgroup = cgroupOfRunning(nameOrId);
    if (!cgroup)
        return cgroup.error();
    const runtime::CgroupStats sample = cgroup->stats();
    // docker's system_cpu_usage: all CPUs' time since boot, from the first line of /proc/stat.
    QFile procStat(QStringLiteral("/proc/stat"));
    quint64 systemTicks = 0;
    if (procStat.open(QIODevice::ReadOnly))
        for (const QByteArray &field : procStat.readLine().simplified().split(' ').mid(1))
            systemTicks += field.toULongLong();
    const quint64 hostMemory = quint64(::sysconf(_SC_PHYS_PAGES)) * quint64(::sysconf(_SC_PAGESIZE));
    const auto [received, sent] = networkBytes(m_store.find(nameOrId)->state.pid);
    return QVariantMap{
        {QStringLiteral("Read"), now()},
        {QStringLiteral("CpuNanoseconds"), quint64(sample.cpuUsageNanoseconds)},
        {QStringLiteral("SystemNanoseconds"), systemTicks * (1000000000 / quint64(::sysconf(_SC_CLK_TCK)))},
        {QStringLiteral("OnlineCpus"), hostCpus()},
        {QStringLiteral("MemoryUsage"), quint64(sample.memoryUsage)},
        {QStringLiteral("MemoryLimit"),
         sample.memoryLimit && sample.memoryLimit < hostMemory ? quint64(sample.memoryLimit) : hostMemory},
        {QStringLiteral("Pids"), quint64(sample.pids)},
        {QStringLiteral("NetworkReceived"), received},
        {QStringLiteral("NetworkSent"), sent},
        {QStringLiteral("BlockRead"), quint64(sample.blockRead)},
        {QStringLiteral("BlockWritten"), quint64(sample.blockWritten)},
    };
}

Result<void> ContainerEngine::rename(const QString &nameOrId, const QString &newName)
{
    auto record = m_store.find(nameOrId);
    if (!record)
        return record.error();
    const QString name = newName.startsWith(u'/') ? newName.mid(1) : newName;
    if (!isValidContainerName(name))
        return Error::invalidArgument(
            QStringLiteral("Invalid container name (%1), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed").arg(newName));
    if (name == record->name)
        return Error::invalidArgument(QStringLiteral("Renaming a container with the same name as its current name"));
    if (auto free = m_store.checkNameFree(name, record->id); !free)
        return free;
    const QString oldName = record->name;
    record->name = name;
    if (auto saved = save(*record); !saved)
        return saved.error();
    publish(QStringLiteral("rename"), *record, {{QStringLiteral("oldName"), u'/' + oldName}});
    return {};
}

void ContainerEngine::wait(const QString &nameOrId, WaitCondition condition, WaitDone done)
{
    auto record = m_store.find(nameOrId);
    if (!record) {
        // Removed already (docker run --rm): its last exit is still known for a while.
        for (const auto &[id, exit] : std::as_const(m_removedExits))
            if (id == nameOrId)
                return done(exit);
        return done(record.error());
    }
    const bool running
        = m_live.contains(record->id) || m_starting.contains(record->id) || record->state.status == ContainerStatus::Restarting;
    if (condition == WaitCondition::NotRunning && !running)
        return done(WaitResult{record->state.exitCode, record->state.error});
    m_waiters[record->id] << Waiter{condition, std::move(done)};
}

Result<void> ContainerEngine::attach(const QString &nameOrId, AttachStreams streams)
{
    auto record = m_store.find(nameOrId);
    if (!record)
        return record.error();
    if (!m_live.contains(record->id))
        return Error::conflict(QStringLiteral("You cannot attach to a stopped container, start it first"));
    UniqueFd socket(::socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0));
    const std::string name = runtime::attachSocketName(record->id.toStdString());
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, name.data(), std::min(name.size(), sizeof address.sun_path));
    const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + name.size());
    if (!socket || ::connect(socket.get(), reinterpret_cast<sockaddr *>(&address), length) != 0)
        return Error::unavailable(QStringLiteral("the monitor of container %1 does not answer").arg(record->shortId()));
    try {
        for (const auto &[tag, fd] : {std::pair{"in", streams.stdinFd.get()}, std::pair{"out", streams.stdoutFd.get()},
                                      std::pair{"err", streams.stderrFd.get()}, std::pair{"resize", streams.resize.get()}})
            if (fd >= 0)
                runtime::sendDescriptor(socket.get(), fd, tag);
    } catch (const runtime::RuntimeError &e) {
        return Error::unavailable(QString::fromStdString(e.what()));
    }
    publish(QStringLiteral("attach"), *record);
    return {};
}

void ContainerEngine::exec(const QString &nameOrId, ExecRequest request, std::function<void(const Result<int> &)> done)
{
    auto record = m_store.find(nameOrId);
    if (!record)
        return done(record.error());
    if (record->state.status == ContainerStatus::Paused)
        return done(Error::conflict(QStringLiteral("Container %1 is paused, unpause the container before exec").arg(record->id)));
    if (!m_live.contains(record->id) || record->state.status != ContainerStatus::Running)
        return done(Error::conflict(QStringLiteral("Container %1 is not running").arg(record->id)));
    if (request.command.isEmpty())
        return done(Error::invalidArgument(QStringLiteral("No exec command specified")));
    for (const QString &entry : request.env)
        if (!entry.contains(u'=') || entry.startsWith(u'='))
            return done(Error::invalidArgument(QStringLiteral("invalid environment variable: \"%1\"").arg(entry)));
    if (!request.workdir.isEmpty() && !request.workdir.startsWith(u'/'))
        return done(Error::invalidArgument(
            QStringLiteral("the working directory '%1' is invalid, it needs to be an absolute path").arg(request.workdir)));

    QStringList args = {QStringLiteral("exec"),
                        QStringLiteral("--bundle"),
                        runDirectory(record->id),
                        QStringLiteral("--pid"),
                        QString::number(record->state.pid),
                        QStringLiteral("--pid-start-time"),
                        QString::number(record->monitor.pidStartTime),
                        QStringLiteral("--cgroup"),
                        record->monitor.cgroup,
                        QStringLiteral("--seccomp-cache"),
                        seccompCacheDirectory()};
    for (const QString &entry : request.env)
        args << QStringLiteral("--env") << entry;
    if (!request.workdir.isEmpty())
        args << QStringLiteral("--cwd") << request.workdir;
    if (request.user)
        args << QStringLiteral("--user") << *request.user;
    if (request.tty)
        args << QStringLiteral("--tty") << QStringLiteral("--tty-size")
             << QStringLiteral("%1x%2").arg(std::clamp(request.rows, 0, 9999)).arg(std::clamp(request.columns, 0, 9999));
    if (request.tty && request.streams.resize)
        args << QStringLiteral("--resize-fd") << QString::number(request.streams.resize.get());
    args << QStringLiteral("--") << request.command;

    // The client's streams become the runtime's own stdio, after the fork, so the command
    // writes straight to the client; the engine copies nothing.
    auto streams = std::make_shared<AttachStreams>(std::move(request.streams));
    UniqueFd devNull(::open("/dev/null", O_RDWR | O_CLOEXEC));
    const std::array<int, 3> stdio
        = {streams->stdinFd ? streams->stdinFd.get() : devNull.get(), streams->stdoutFd ? streams->stdoutFd.get() : devNull.get(),
           streams->stderrFd ? streams->stderrFd.get() : devNull.get()};
    const QString id = record->id;
    const QString command = request.command.join(u' ');
    const bool detach = request.detach;
    auto answer = std::make_shared<std::function<void(const Result<int> &)>>(std::move(done));
    const auto process = startRuntime(
        args,
        [stdio, resizeFd = streams->resize.get()] {
            for (int target = 0; target < 3; ++target)
                ::dup2(stdio[size_t(target)], target);
            if (resizeFd >= 0) // inherited under its own number, which is above 2
                ::fcntl(resizeFd, F_SETFD, 0);
        },
        [this, id, streams, command, answer](QProcess *finished) {
            const int exitCode = finished->exitStatus() == QProcess::NormalExit ? finished->exitCode() : 255;
            if (auto current = m_store.find(id))
                publish(QStringLiteral("exec_die"), *current,
                        {{QStringLiteral("execCommand"), command}, {QStringLiteral("exitCode"), QString::number(exitCode)}});
            if (*answer)
                (*answer)(exitCode);
        });
    if (!process)
        return (*answer)(process.error());
    // docker's pair for one exec: made, then started (one call here).
    publish(QStringLiteral("exec_create"), *record, {{QStringLiteral("execCommand"), command}});
    publish(QStringLiteral("exec_start"), *record, {{QStringLiteral("execCommand"), command}});
    if (detach) {
        (*answer)(0);
        *answer = nullptr;
    }
}

void ContainerEngine::notifyWaiters(const QString &id, bool removed, const WaitResult &result)
{
    QList<Waiter> waiting = m_waiters.take(id);
    QList<Waiter> still;
    for (Waiter &waiter : waiting) {
        if (waiter.condition == WaitCondition::Removed && !removed)
            still << std::move(waiter);
        else
            waiter.done(result);
    }
    if (!still.isEmpty())
        m_waiters.insert(id, still);
}

} // namespace berth
