#include "runcommand.h"

#include "commandparser.h"
#include "container/containerconfig.h"
#include "container/units.h"
#include "engine.h"
#include "engineclient.h"
#include "network/portspec.h"
#include "output.h"
#include "streams.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcessEnvironment>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace berth::cli {
namespace {

// docker run's exit codes for its own failures: 125 the engine, 126 the command cannot be
// invoked, 127 the command was not found.
constexpr int kNotExecutable = 126;
constexpr int kNotFound = 127;

void addCreateOptions(CommandParser &parser)
{
    const auto value = [&](QStringList names, const QString &description, const QString &valueName) {
        parser.addOption(QCommandLineOption(names, description, valueName));
    };
    const auto flag
        = [&](QStringList names, const QString &description) { parser.addOption(QCommandLineOption(names, description)); };
    flag({QStringLiteral("i"), QStringLiteral("interactive")}, RunCommand::tr("Keep STDIN open even if not attached"));
    flag({QStringLiteral("t"), QStringLiteral("tty")}, RunCommand::tr("Allocate a pseudo-TTY"));
    value({QStringLiteral("name")}, RunCommand::tr("Assign a name to the container"), QStringLiteral("string"));
    value({QStringLiteral("e"), QStringLiteral("env")}, RunCommand::tr("Set environment variables"), QStringLiteral("list"));
    value({QStringLiteral("env-file")}, RunCommand::tr("Read in a file of environment variables"), QStringLiteral("list"));
    value({QStringLiteral("v"), QStringLiteral("volume")}, RunCommand::tr("Bind mount a volume"), QStringLiteral("list"));
    value({QStringLiteral("mount")}, RunCommand::tr("Attach a filesystem mount to the container"), QStringLiteral("mount"));
    value({QStringLiteral("tmpfs")}, RunCommand::tr("Mount a tmpfs directory"), QStringLiteral("list"));
    value({QStringLiteral("w"), QStringLiteral("workdir")}, RunCommand::tr("Working directory inside the container"),
          QStringLiteral("string"));
    value({QStringLiteral("u"), QStringLiteral("user")}, RunCommand::tr("Username or UID (format: <name|uid>[:<group|gid>])"),
          QStringLiteral("string"));
    value({QStringLiteral("entrypoint")}, RunCommand::tr("Overwrite the default ENTRYPOINT of the image"),
          QStringLiteral("string"));
    flag({QStringLiteral("rm")}, RunCommand::tr("Automatically remove the container when it exits"));
    value({QStringLiteral("restart")}, RunCommand::tr("Restart policy to apply when a container exits (default \"no\")"),
          QStringLiteral("string"));
    value({QStringLiteral("m"), QStringLiteral("memory")}, RunCommand::tr("Memory limit"), QStringLiteral("bytes"));
    value({QStringLiteral("memory-swap")}, RunCommand::tr("Swap limit equal to memory plus swap: '-1' to enable unlimited swap"),
          QStringLiteral("bytes"));
    flag({QStringLiteral("oom-kill-disable")}, RunCommand::tr("Disable OOM Killer"));
    value({QStringLiteral("cpus")}, RunCommand::tr("Number of CPUs"), QStringLiteral("decimal"));
    value({QStringLiteral("c"), QStringLiteral("cpu-shares")}, RunCommand::tr("CPU shares (relative weight)"),
          QStringLiteral("int"));
    value({QStringLiteral("cpuset-cpus")}, RunCommand::tr("CPUs in which to allow execution (0-3, 0,1)"),
          QStringLiteral("string"));
    value({QStringLiteral("pids-limit")}, RunCommand::tr("Tune container pids limit (set -1 for unlimited)"),
          QStringLiteral("int"));
    value({QStringLiteral("h"), QStringLiteral("hostname")}, RunCommand::tr("Container host name"), QStringLiteral("string"));
    value({QStringLiteral("l"), QStringLiteral("label")}, RunCommand::tr("Set meta data on a container"), QStringLiteral("list"));
    flag({QStringLiteral("init")}, RunCommand::tr("Run an init inside the container that forwards signals and reaps processes"));
    flag({QStringLiteral("read-only")}, RunCommand::tr("Mount the container's root filesystem as read only"));
    value({QStringLiteral("cap-add")}, RunCommand::tr("Add Linux capabilities"), QStringLiteral("list"));
    value({QStringLiteral("cap-drop")}, RunCommand::tr("Drop Linux capabilities"), QStringLiteral("list"));
    flag({QStringLiteral("privileged")}, RunCommand::tr("Give extended privileges to this container"));
    value({QStringLiteral("security-opt")}, RunCommand::tr("Security Options"), QStringLiteral("list"));
    value({QStringLiteral("ulimit")}, RunCommand::tr("Ulimit options"), QStringLiteral("ulimit"));
    value({QStringLiteral("p"), QStringLiteral("publish")}, RunCommand::tr("Publish a container's port(s) to the host"),
          QStringLiteral("list"));
    flag({QStringLiteral("P"), QStringLiteral("publish-all")}, RunCommand::tr("Publish all exposed ports to random ports"));
    value({QStringLiteral("expose")}, RunCommand::tr("Expose a port or a range of ports"), QStringLiteral("list"));
    value({QStringLiteral("network-alias")}, RunCommand::tr("Add network-scoped alias for the container"),
          QStringLiteral("list"));
    value({QStringLiteral("network"), QStringLiteral("net")}, RunCommand::tr("Connect a container to a network"),
          QStringLiteral("network"));
    value({QStringLiteral("stop-signal")}, RunCommand::tr("Signal to stop the container"), QStringLiteral("string"));
    value({QStringLiteral("stop-timeout")}, RunCommand::tr("Timeout (in seconds) to stop a container"), QStringLiteral("int"));
    value({QStringLiteral("device")}, RunCommand::tr("Add a host device to the container"), QStringLiteral("list"));
    value({QStringLiteral("log-driver")}, RunCommand::tr("Logging driver for the container (json-file or none)"),
          QStringLiteral("string"));
    value({QStringLiteral("log-opt")}, RunCommand::tr("Log driver options (max-size, max-file)"), QStringLiteral("list"));
}

// "-e NAME" without a value takes NAME from this environment, or drops it, as docker does.
QStringList environmentFrom(const CommandParser &parser)
{
    QStringList env;
    const QProcessEnvironment local = QProcessEnvironment::systemEnvironment();
    auto add = [&](const QString &entry) {
        if (entry.contains(u'='))
            env << entry;
        else if (local.contains(entry))
            env << entry + u'=' + local.value(entry);
    };
    for (const QString &path : parser.flags().values(QStringLiteral("env-file"))) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
            const QString trimmed = line.trimmed();
            if (!trimmed.isEmpty() && !trimmed.startsWith(u'#'))
                add(trimmed);
        }
    }
    for (const QString &entry : parser.flags().values(QStringLiteral("env")))
        add(entry);
    return env;
}

Result<void> checkEnvFiles(const CommandParser &parser)
{
    for (const QString &path : parser.flags().values(QStringLiteral("env-file")))
        if (!QFile(path).open(QIODevice::ReadOnly))
            return Error::invalidArgument(RunCommand::tr("open %1: no such file or directory").arg(path));
    return {};
}

Result<qint64> sizeFlag(const CommandParser &parser, const QString &name)
{
    if (!parser.flags().isSet(name))
        return qint64(0);
    const QString value = parser.flags().value(name);
    if (value == u"-1")
        return qint64(-1);
    auto bytes = parseBytes(value);
    if (!bytes)
        return Error::invalidArgument(
            RunCommand::tr("invalid argument \"%1\" for \"--%2\" flag: %3").arg(value, name, bytes.error().message()));
    return bytes;
}

Result<ContainerSpec> specFrom(const CommandParser &parser)
{
    const QCommandLineParser &f = parser.flags();
    const QStringList positional = parser.positional();
    ContainerSpec spec;
    spec.name = f.value(QStringLiteral("name"));
    spec.config.image = positional.value(0);
    spec.config.cmd = positional.mid(1);
    if (auto checked = checkEnvFiles(parser); !checked)
        return checked.error();
    spec.config.env = environmentFrom(parser);
    spec.config.workingDir = f.value(QStringLiteral("workdir"));
    spec.config.user = f.value(QStringLiteral("user"));
    spec.config.hostname = f.value(QStringLiteral("hostname"));
    if (f.isSet(QStringLiteral("entrypoint"))) {
        const QString entrypoint = f.value(QStringLiteral("entrypoint"));
        spec.config.entrypoint = entrypoint.isEmpty() ? QStringList{} : QStringList{entrypoint};
    }
    for (const QString &label : f.values(QStringLiteral("label")))
        spec.config.labels.insert(label.section(u'=', 0, 0), label.section(u'=', 1));
    spec.config.tty = f.isSet(QStringLiteral("tty"));
    spec.config.openStdin = f.isSet(QStringLiteral("interactive"));
    spec.config.stdinOnce = spec.config.openStdin;
    spec.config.stopSignal = f.value(QStringLiteral("stop-signal"));
    if (f.isSet(QStringLiteral("stop-timeout")))
        spec.config.stopTimeout = f.value(QStringLiteral("stop-timeout")).toInt();

    HostConfig &host = spec.host;
    auto memory = sizeFlag(parser, QStringLiteral("memory"));
    if (!memory)
        return memory.error();
    host.memory = *memory;
    auto swap = sizeFlag(parser, QStringLiteral("memory-swap"));
    if (!swap)
        return swap.error();
    host.memorySwap = *swap;
    host.oomKillDisable = f.isSet(QStringLiteral("oom-kill-disable"));
    if (f.isSet(QStringLiteral("cpus"))) {
        auto cpus = parseCpus(f.value(QStringLiteral("cpus")));
        if (!cpus)
            return Error::invalidArgument(RunCommand::tr("invalid argument \"%1\" for \"--cpus\" flag: %2")
                                              .arg(f.value(QStringLiteral("cpus")), cpus.error().message()));
        host.nanoCpus = *cpus;
    }
    host.cpuShares = f.value(QStringLiteral("cpu-shares")).toLongLong();
    host.cpusetCpus = f.value(QStringLiteral("cpuset-cpus"));
    if (f.isSet(QStringLiteral("pids-limit")))
        host.pidsLimit = f.value(QStringLiteral("pids-limit")).toLongLong();
    if (f.isSet(QStringLiteral("restart"))) {
        auto policy = RestartPolicy::parse(f.value(QStringLiteral("restart")));
        if (!policy)
            return policy.error();
        host.restartPolicy = *policy;
    }
    host.autoRemove = f.isSet(QStringLiteral("rm"));
    host.readonlyRootfs = f.isSet(QStringLiteral("read-only"));
    host.privileged = f.isSet(QStringLiteral("privileged"));
    host.init = f.isSet(QStringLiteral("init"));
    host.capAdd = f.values(QStringLiteral("cap-add"));
    host.capDrop = f.values(QStringLiteral("cap-drop"));
    for (QString option : f.values(QStringLiteral("security-opt"))) {
        // As docker's CLI: a profile's file is read here and sent as its content.
        if ((option.startsWith(u"seccomp=") || option.startsWith(u"seccomp:")) && option.mid(8) != u"unconfined") {
            QFile profile(option.mid(8));
            if (!profile.open(QIODevice::ReadOnly))
                return Error::invalidArgument(
                    RunCommand::tr("opening seccomp profile (%1) failed: %2").arg(profile.fileName(), profile.errorString()));
            const QJsonDocument json = QJsonDocument::fromJson(profile.read(4 << 20));
            if (!json.isObject())
                return Error::invalidArgument(
                    RunCommand::tr("the seccomp profile %1 is not a JSON object").arg(profile.fileName()));
            option = QStringLiteral("seccomp=") + QString::fromUtf8(json.toJson(QJsonDocument::Compact));
        }
        host.securityOpt << option;
    }
    for (const QString &text : f.values(QStringLiteral("ulimit"))) {
        auto limit = Ulimit::parse(text);
        if (!limit)
            return limit.error();
        host.ulimits << *limit;
    }
    host.binds = f.values(QStringLiteral("volume"));
    for (const QString &mount : f.values(QStringLiteral("mount")))
        if (auto added = addMount(mount, host); !added)
            return added.error();
    for (const QString &tmpfs : f.values(QStringLiteral("tmpfs")))
        host.tmpfs.insert(tmpfs.section(u':', 0, 0), tmpfs.section(u':', 1));
    for (const QString &text : f.values(QStringLiteral("device"))) {
        auto device = DeviceMapping::parse(text);
        if (!device)
            return device.error();
        host.devices << *device;
    }
    if (f.isSet(QStringLiteral("log-driver")))
        host.logConfig.type = f.value(QStringLiteral("log-driver"));
    for (const QString &option : f.values(QStringLiteral("log-opt"))) {
        if (!option.contains(u'='))
            return Error::invalidArgument(RunCommand::tr("invalid log opt \"%1\": use key=value").arg(option));
        host.logConfig.config.insert(option.section(u'=', 0, 0), option.section(u'=', 1));
    }
    if (f.isSet(QStringLiteral("network")))
        host.networkMode = f.value(QStringLiteral("network"));
    QList<PortBinding> published;
    for (const QString &publish : f.values(QStringLiteral("publish"))) {
        auto bindings = parsePublish(publish);
        if (!bindings)
            return bindings.error();
        published << *bindings;
        for (const PortBinding &binding : std::as_const(*bindings))
            spec.config.exposedPorts << binding.containerKey();
    }
    for (const QString &expose : f.values(QStringLiteral("expose"))) {
        auto ports = parsePublish(expose); // a port or a range, with a protocol
        if (!ports || ports->first().hostPort || expose.contains(u':'))
            return Error::invalidArgument(RunCommand::tr("invalid range format for --expose: %1").arg(expose));
        for (const PortBinding &port : std::as_const(*ports))
            spec.config.exposedPorts << port.containerKey();
    }
    spec.config.exposedPorts.removeDuplicates();
    host.portBindings = bindingsToJson(published);
    host.publishAllPorts = f.isSet(QStringLiteral("publish-all"));
    spec.networkAliases = f.values(QStringLiteral("network-alias"));
    return spec;
}

Result<QString> createContainer(EngineClient &engine, const ContainerSpec &spec, const QVariantMap &options = {})
{
    auto reply = engine.callContainers(QStringLiteral("CreateContainer"), {QString::fromUtf8(spec.toJson()), options});
    if (!reply)
        return reply.error();
    const QVariantMap created = reply->value(0).toMap();
    for (const QString &warning : created.value(QStringLiteral("Warnings")).toStringList())
        err() << RunCommand::tr("WARNING: %1").arg(warning) << Qt::endl;
    return created.value(QStringLiteral("Id")).toString();
}

// CreateContainer's options for `run`: the container started in the same call.
QVariantMap startingIt(QVariantMap options = {})
{
    options.insert(QStringLiteral("start"), true);
    return options;
}

int reportStartFailure(const EngineClient &engine, const Error &error)
{
    const int code = engine.report(error);
    if (error.kind() != ErrorKind::StartFailed)
        return code;
    return error.message().contains(QStringLiteral("permission denied")) ? kNotExecutable : kNotFound;
}

// Starts a container with our streams attached, by `start` (which gets the options with the
// engine's ends and answers the container's id), and follows it to its end or until the
// detach keys are typed; returns its exit code, or docker's code for a start that failed.
int startAttached(EngineClient &engine, bool withStdin, const QByteArray &detachKeys, bool proxySignals,
                  const std::function<Result<QString>(QVariantMap streams)> &start)
{
    StreamPipes pipes(withStdin);
    TerminalResizes resizes(withStdin); // unread unless the container has a terminal
    ExitPipe end;
    QString id; // known once the container runs, before the signals caught meanwhile are sent
    if (proxySignals)
        pipes.forwardSignals([&engine, &id](int signal) { forwardSignalsTo(engine, id)(signal); });
    // The options hold duplicates of the engine's ends; they must be gone when the call is.
    auto started = start(end.engineOptions(pipes.engineOptions(resizes.engineOptions())));
    resizes.closeEngineEnd();
    end.closeEngineEnd();
    if (!started)
        return reportStartFailure(engine, started.error());
    id = *started;
    if (pipes.pump({.detachKeys = withStdin ? detachKeys : QByteArray()}))
        return Success; // detached: the container runs on
    if (const auto code = end.exitCode())
        return *code;
    // The engine stopped before the container ended; the one that adopts it knows the end.
    const auto waited = engine.callContainers(QStringLiteral("WaitContainer"), {id, QVariantMap{}});
    if (!waited)
        return engine.report(waited.error());
    return waited->value(0).toMap().value(QStringLiteral("StatusCode")).toInt();
}

} // namespace

int RunCommand::create(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth create [OPTIONS] IMAGE [COMMAND] [ARG...]"), tr("Create a new container"), false);
    addCreateOptions(parser);
    parser.stopAtFirstPositional();
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().isEmpty())
        return CommandParser::usageError(QStringLiteral("berth create"), tr("\"berth create\" requires at least 1 argument."));
    auto spec = specFrom(parser);
    if (!spec)
        return CommandParser::usageError(QStringLiteral("berth create"), spec.error().message());
    EngineClient engine;
    auto id = createContainer(engine, *spec);
    if (!id)
        return engine.report(id.error());
    out() << *id << Qt::endl;
    return Success;
}

int RunCommand::run(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth run [OPTIONS] IMAGE [COMMAND] [ARG...]"),
                         tr("Create and run a new container from an image"), false);
    addCreateOptions(parser);
    parser.addOption({{QStringLiteral("d"), QStringLiteral("detach")}, tr("Run container in background and print container ID")});
    parser.addOption(
        {QStringLiteral("detach-keys"), tr("Override the key sequence for detaching a container"), QStringLiteral("string")});
    parser.addOption(
        {QStringLiteral("sig-proxy"), tr("Proxy received signals to the process (default true)"), QStringLiteral("bool")});
    parser.stopAtFirstPositional();
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().isEmpty())
        return CommandParser::usageError(QStringLiteral("berth run"), tr("\"berth run\" requires at least 1 argument."));
    auto spec = specFrom(parser);
    if (!spec)
        return CommandParser::usageError(QStringLiteral("berth run"), spec.error().message());
    const auto detachKeys = detachKeysOf(parser.flags());
    if (!detachKeys)
        return CommandParser::usageError(QStringLiteral("berth run"), detachKeys.error().message());
    const auto sigProxy = sigProxyOf(parser.flags());
    if (!sigProxy)
        return CommandParser::usageError(QStringLiteral("berth run"), sigProxy.error().message());
    if (spec->config.tty)
        std::tie(spec->host.consoleRows, spec->host.consoleColumns) = terminalSize();
    EngineClient engine;
    if (parser.flags().isSet(QStringLiteral("detach"))) {
        auto id = createContainer(engine, *spec, startingIt());
        if (!id)
            return reportStartFailure(engine, id.error());
        out() << *id << Qt::endl;
        return Success;
    }
    const RawTerminal raw(spec->config.tty && spec->config.openStdin);
    // A terminal with our input takes ctrl-c itself; otherwise the signals we get are proxied.
    return startAttached(engine, spec->config.openStdin, *detachKeys, *sigProxy && !(spec->config.tty && spec->config.openStdin),
                         [&](QVariantMap streams) { return createContainer(engine, *spec, startingIt(std::move(streams))); });
}

int RunCommand::exec(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth exec [OPTIONS] CONTAINER COMMAND [ARG...]"),
                         tr("Execute a command in a running container"));
    parser.addOption({{QStringLiteral("d"), QStringLiteral("detach")}, tr("Detached mode: run command in the background")});
    parser.addOption(
        {QStringLiteral("detach-keys"), tr("Override the key sequence for detaching a container"), QStringLiteral("string")});
    parser.addOption({{QStringLiteral("i"), QStringLiteral("interactive")}, tr("Keep STDIN open even if not attached")});
    parser.addOption({{QStringLiteral("t"), QStringLiteral("tty")}, tr("Allocate a pseudo-TTY")});
    parser.addOption({{QStringLiteral("e"), QStringLiteral("env")}, tr("Set environment variables"), QStringLiteral("list")});
    parser.addOption({QStringLiteral("env-file"), tr("Read in a file of environment variables"), QStringLiteral("list")});
    parser.addOption({{QStringLiteral("u"), QStringLiteral("user")},
                      tr("Username or UID (format: \"<name|uid>[:<group|gid>]\")"),
                      QStringLiteral("string")});
    parser.addOption({{QStringLiteral("w"), QStringLiteral("workdir")},
                      tr("Working directory inside the container"),
                      QStringLiteral("string")});
    parser.stopAtFirstPositional();
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() < 2)
        return CommandParser::usageError(QStringLiteral("berth exec"), tr("\"berth exec\" requires at least 2 arguments."));
    if (auto checked = checkEnvFiles(parser); !checked)
        return CommandParser::usageError(QStringLiteral("berth exec"), checked.error().message());
    const auto detachKeys = detachKeysOf(parser.flags());
    if (!detachKeys)
        return CommandParser::usageError(QStringLiteral("berth exec"), detachKeys.error().message());
    const QCommandLineParser &f = parser.flags();
    QVariantMap options{{QStringLiteral("env"), environmentFrom(parser)},
                        {QStringLiteral("detach"), f.isSet(QStringLiteral("detach"))}};
    if (f.isSet(QStringLiteral("workdir")))
        options.insert(QStringLiteral("workdir"), f.value(QStringLiteral("workdir")));
    if (f.isSet(QStringLiteral("user")))
        options.insert(QStringLiteral("user"), f.value(QStringLiteral("user")));
    const bool tty = f.isSet(QStringLiteral("tty"));
    if (tty) {
        const auto [rows, columns] = terminalSize();
        options.insert(QStringLiteral("tty"), true);
        options.insert(QStringLiteral("rows"), rows);
        options.insert(QStringLiteral("columns"), columns);
    }
    const QString container = parser.positional().first();
    const QStringList command = parser.positional().mid(1);
    EngineClient engine;
    if (f.isSet(QStringLiteral("detach"))) {
        const auto reply = engine.callContainers(QStringLiteral("ExecContainer"), {container, command, options});
        return reply ? Success : engine.report(reply.error(), Failure);
    }
    const bool withStdin = f.isSet(QStringLiteral("interactive"));
    StreamPipes pipes(withStdin);
    options.insert(pipes.engineOptions());
    TerminalResizes resizes(tty);
    options.insert(resizes.engineOptions());
    const RawTerminal raw(tty && withStdin);
    // The command writes into our pipes while the call waits for its exit code.
    const auto reply
        = engine.call(engine::kContainersInterface, QStringLiteral("ExecContainer"), {container, command, options},
                      engine::kContainersPath, [&](const std::function<bool()> &answered) {
                          resizes.closeEngineEnd();
                          return !pipes.pump({.done = answered, .detachKeys = withStdin ? *detachKeys : QByteArray()});
                      });
    if (!reply)
        return engine.report(reply.error(), Failure);
    if (reply->isEmpty())
        return Success; // detached: the command runs on
    return reply->value(0).toInt();
}

int RunCommand::start(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth start [OPTIONS] CONTAINER [CONTAINER...]"),
                         tr("Start one or more stopped containers"));
    parser.addOption({{QStringLiteral("a"), QStringLiteral("attach")}, tr("Attach STDOUT/STDERR and forward signals")});
    parser.addOption({{QStringLiteral("i"), QStringLiteral("interactive")}, tr("Attach container's STDIN")});
    parser.addOption(
        {QStringLiteral("detach-keys"), tr("Override the key sequence for detaching a container"), QStringLiteral("string")});
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().isEmpty())
        return CommandParser::usageError(QStringLiteral("berth start"), tr("\"berth start\" requires at least 1 argument."));
    EngineClient engine;
    const bool attach = parser.flags().isSet(QStringLiteral("attach")) || parser.flags().isSet(QStringLiteral("interactive"));
    if (attach) {
        if (parser.positional().size() > 1)
            return CommandParser::usageError(QStringLiteral("berth start"),
                                             tr("you cannot start and attach multiple containers at once"));
        const auto detachKeys = detachKeysOf(parser.flags());
        if (!detachKeys)
            return CommandParser::usageError(QStringLiteral("berth start"), detachKeys.error().message());
        const bool interactive = parser.flags().isSet(QStringLiteral("interactive"));
        const QString name = parser.positional().first();
        return startAttached(engine, interactive, *detachKeys, !interactive, [&](QVariantMap streams) -> Result<QString> {
            const auto started = engine.callContainers(QStringLiteral("StartContainer"), {name, std::move(streams)});
            if (!started)
                return started.error();
            return name;
        });
    }
    int exitCode = Success;
    for (const QString &name : parser.positional()) {
        const auto started = engine.callContainers(QStringLiteral("StartContainer"), {name, QVariantMap{}});
        if (!started) {
            exitCode = engine.report(started.error(), Failure);
            if (engine.unreachable())
                return exitCode;
            continue;
        }
        out() << name << Qt::endl;
    }
    return exitCode;
}

} // namespace berth::cli
