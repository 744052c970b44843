#pragma once

// What a container is made from, in the shape of docker's API: the container's Config (what
// runs) and its HostConfig (how the host runs it).  The CLI and the desktop app build one,
// send it as JSON, and the helper parses and validates it again itself.
//
//     ContainerSpec spec;
//     spec.config.image = u"busybox"_s;
//     spec.config.cmd = {u"sh"_s};
//     spec.host.memory = 64 << 20;
//     QByteArray json = spec.toJson();                 // -> CreateContainer
//     auto parsed = ContainerSpec::fromJson(json);      // Result<ContainerSpec>, field named on error
//     auto valid = parsed->validate(hostCpus);          // docker's rules and messages

#include "result.h"

#include <QCoreApplication>
#include <QMap>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace berth {

struct RestartPolicy
{
    QString name = QStringLiteral("no"); // no, always, unless-stopped, on-failure
    int maximumRetryCount = 0;

    static Result<RestartPolicy> parse(const QString &text); // "on-failure:3"
};

// One --ulimit: a resource limit of the container's processes, docker's way.
struct Ulimit
{
    QString name; // nofile, nproc, core, ... (setrlimit's resources without RLIMIT_)
    qint64 soft = 0;
    qint64 hard = 0;

    static Result<Ulimit> parse(const QString &text); // "nofile=1024:2048", "core=0"
    static const QStringList &names();
    // Docker's rules: a known name, soft <= hard, each from -1 (unlimited) up.
    Result<void> validate() const;
};

// One --device: a host device node made in the container's /dev and allowed by its cgroup
// (docker's HostConfig.Devices[]).
struct DeviceMapping
{
    QString pathOnHost;
    QString pathInContainer; // below /dev; empty: as on the host
    QString cgroupPermissions = QStringLiteral("rwm");

    static Result<DeviceMapping> parse(const QString &text); // "/dev/fuse[:/dev/fuse][:rwm]"
};

// docker's HostConfig.LogConfig: where the container's output goes.
struct LogConfig
{
    QString type = QStringLiteral("json-file"); // or "none": nothing kept, `logs` refused
    QMap<QString, QString> config; // json-file's max-size and max-file
};

// The json-file driver's limits as docker takes them ("max-size": "10m", "max-file": "3"),
// from --log-opt or daemon.json's "log-opts"; unset where not given.
struct LogLimits
{
    std::optional<qint64> maxSize;
    std::optional<int> maxFiles;
};
Result<LogLimits> parseLogLimits(const QMap<QString, QString> &options);

struct ContainerConfig
{
    QString image;
    QString hostname;
    QString user;
    QStringList env;
    QStringList cmd;
    std::optional<QStringList> entrypoint; // set (even to empty) replaces the image's
    QString workingDir;
    QMap<QString, QString> labels;
    bool tty = false;
    bool openStdin = false;
    bool stdinOnce = false;
    QString stopSignal;
    std::optional<int> stopTimeout;
    QStringList exposedPorts; // "80/tcp"
};

struct HostConfig
{
    qint64 memory = 0; // bytes; 0 unlimited
    qint64 memorySwap = 0; // memory + swap; 0 twice the memory, -1 unlimited
    bool oomKillDisable = false;
    qint64 nanoCpus = 0;
    qint64 cpuShares = 0;
    QString cpusetCpus;
    std::optional<qint64> pidsLimit; // unset: the engine's default; 0 or -1: unlimited
    RestartPolicy restartPolicy;
    bool autoRemove = false;
    bool readonlyRootfs = false;
    bool privileged = false;
    bool init = false;
    QStringList capAdd;
    QStringList capDrop;
    QStringList securityOpt;
    QList<Ulimit> ulimits;
    QList<DeviceMapping> devices;
    QStringList binds; // "/host:/container[:ro]", "volume:/container[:ro]", "/container"
    QMap<QString, QString> tmpfs; // docker's Tmpfs: container path -> mount options ("size=64m")
    QString networkMode = QStringLiteral("default");
    int consoleRows = 0; // docker's ConsoleSize [height, width]: the terminal's size with -t
    int consoleColumns = 0;
    nlohmann::json portBindings = nlohmann::json::object(); // docker's PortBindings
    bool publishAllPorts = false; // -P: every exposed port to a free host port
    LogConfig logConfig;
};

// docker's --mount: type=bind|volume|tmpfs, source/src, target/destination/dst, readonly/ro,
// tmpfs-size, tmpfs-mode; turned into a Binds entry or a Tmpfs one of `host`.
Result<void> addMount(const QString &text, HostConfig &host);

struct ContainerSpec
{
    // validate()'s messages are translated where a translator is installed (the desktop app).
    Q_DECLARE_TR_FUNCTIONS(ContainerSpec)

public:
    QString name; // empty: the engine picks one
    ContainerConfig config;
    HostConfig host;
    // More names on its network (--network-alias; docker's NetworkingConfig.EndpointsConfig
    // [network].Aliases), for user-defined networks.
    QStringList networkAliases;

    QByteArray toJson() const;
    static Result<ContainerSpec> fromJson(const QByteArray &json);

    // Docker's limits and their messages; `hostCpus` bounds --cpus.
    Result<void> validate(int hostCpus) const;

    // What needs more than the right to run a default container.
    // The profile of --security-opt seccomp=<profile>, docker's JSON (the CLI sends the file's
    // content, as docker's does); empty for the default profile or none.
    QByteArray seccompProfile() const;
    bool seccompUnconfined() const; // --security-opt seccomp=unconfined
    // --privileged, added capabilities, devices, host namespaces, a seccomp profile of one's own
    bool needsPrivilege() const;
    bool mountsHostPaths() const;
};

// Every capability Linux knows, by name, in number order.
QStringList allCapabilities();

// "name" -> "CAP_NAME"; empty when unknown.  "ALL" stays "ALL".
QString normalizedCapability(const QString &name);

// Docker's rule for container names: [a-zA-Z0-9][a-zA-Z0-9_.-]+, a leading "/" allowed.
bool isValidContainerName(const QString &name);

} // namespace berth
