#include "containerconfig.h"

#include "units.h"

#include "network/portspec.h"

#include "asciitext.h"
#include "jsonvalues.h"

#include <algorithm>
#include <stdexcept>

namespace berth {
namespace {

using Json = nlohmann::json;

struct FieldError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

template<typename T> void read(const Json &object, const char *key, T &out)
{
    auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return;
    try {
        if constexpr (std::is_same_v<T, QString>) {
            out = text(it->get<std::string>());
        } else if constexpr (std::is_same_v<T, QStringList>) {
            out.clear();
            for (const std::string &s : it->get<std::vector<std::string>>())
                out << text(s);
        } else if constexpr (std::is_same_v<T, QMap<QString, QString>>) {
            out.clear();
            for (const auto &[k, v] : it->get<std::map<std::string, std::string>>())
                out.insert(text(k), text(v));
        } else {
            out = it->get<T>();
        }
    } catch (const Json::exception &) {
        throw FieldError(std::string(key) + " has the wrong type");
    }
}

template<typename T> void read(const Json &object, const char *key, std::optional<T> &out)
{
    if (object.contains(key) && !object.at(key).is_null()) {
        T value{};
        read(object, key, value);
        out = value;
    }
}

const QStringList kCapabilities = {
    QStringLiteral("CAP_CHOWN"),
    QStringLiteral("CAP_DAC_OVERRIDE"),
    QStringLiteral("CAP_DAC_READ_SEARCH"),
    QStringLiteral("CAP_FOWNER"),
    QStringLiteral("CAP_FSETID"),
    QStringLiteral("CAP_KILL"),
    QStringLiteral("CAP_SETGID"),
    QStringLiteral("CAP_SETUID"),
    QStringLiteral("CAP_SETPCAP"),
    QStringLiteral("CAP_LINUX_IMMUTABLE"),
    QStringLiteral("CAP_NET_BIND_SERVICE"),
    QStringLiteral("CAP_NET_BROADCAST"),
    QStringLiteral("CAP_NET_ADMIN"),
    QStringLiteral("CAP_NET_RAW"),
    QStringLiteral("CAP_IPC_LOCK"),
    QStringLiteral("CAP_IPC_OWNER"),
    QStringLiteral("CAP_SYS_MODULE"),
    QStringLiteral("CAP_SYS_RAWIO"),
    QStringLiteral("CAP_SYS_CHROOT"),
    QStringLiteral("CAP_SYS_PTRACE"),
    QStringLiteral("CAP_SYS_PACCT"),
    QStringLiteral("CAP_SYS_ADMIN"),
    QStringLiteral("CAP_SYS_BOOT"),
    QStringLiteral("CAP_SYS_NICE"),
    QStringLiteral("CAP_SYS_RESOURCE"),
    QStringLiteral("CAP_SYS_TIME"),
    QStringLiteral("CAP_SYS_TTY_CONFIG"),
    QStringLiteral("CAP_MKNOD"),
    QStringLiteral("CAP_LEASE"),
    QStringLiteral("CAP_AUDIT_WRITE"),
    QStringLiteral("CAP_AUDIT_CONTROL"),
    QStringLiteral("CAP_SETFCAP"),
    QStringLiteral("CAP_MAC_OVERRIDE"),
    QStringLiteral("CAP_MAC_ADMIN"),
    QStringLiteral("CAP_SYSLOG"),
    QStringLiteral("CAP_WAKE_ALARM"),
    QStringLiteral("CAP_BLOCK_SUSPEND"),
    QStringLiteral("CAP_AUDIT_READ"),
    QStringLiteral("CAP_PERFMON"),
    QStringLiteral("CAP_BPF"),
    QStringLiteral("CAP_CHECKPOINT_RESTORE"),
};

// "0-3,6": numbers and ranges, as --cpuset-cpus takes them.
bool isCpuList(QStringView list)
{
    for (const QStringView item : list.split(u','))
        if (const QList<QStringView> ends = item.split(u'-');
            ends.size() > 2 || !std::all_of(ends.begin(), ends.end(), ascii::isDigits))
            return false;
    return true;
}

// --tmpfs options Berth applies: size=<n>[kmg], mode=<octal>, ro/rw, exec/noexec, nosuid, nodev.
bool isTmpfsOptions(QStringView options)
{
    static const QStringList flags = {QStringLiteral("ro"),   QStringLiteral("rw"),     QStringLiteral("noexec"),
                                      QStringLiteral("exec"), QStringLiteral("nosuid"), QStringLiteral("nodev")};
    const auto valid = [](QStringView option) {
        if (option.startsWith(u"size=")) {
            QStringView size = option.sliced(5);
            if (size.size() > 1 && QStringView(u"kmgKMG").contains(size.back()))
                size.chop(1);
            return ascii::isDigits(size);
        }
        if (option.startsWith(u"mode="))
            return (option.size() == 8 || option.size() == 9)
                && ascii::allOf(option.sliced(5), [](QChar c) { return c >= u'0' && c <= u'7'; });
        return flags.contains(option);
    };
    const QList<QStringView> items = options.split(u',');
    return options.isEmpty() || std::all_of(items.begin(), items.end(), valid);
}

} // namespace

Result<RestartPolicy> RestartPolicy::parse(const QString &value)
{
    RestartPolicy policy;
    const QString name = value.section(u':', 0, 0);
    const QString count = value.section(u':', 1);
    static const QStringList names
        = {QStringLiteral("no"), QStringLiteral("always"), QStringLiteral("unless-stopped"), QStringLiteral("on-failure")};
    if (!names.contains(name))
        return Error::invalidArgument(QStringLiteral("invalid restart policy '%1'").arg(value));
    policy.name = name;
    if (!count.isEmpty()) {
        bool ok = false;
        policy.maximumRetryCount = count.toInt(&ok);
        if (name != u"on-failure")
            return Error::invalidArgument(
                QStringLiteral("maximum retry count cannot be used with restart policy '%1'").arg(name));
        if (!ok || policy.maximumRetryCount < 0)
            return Error::invalidArgument(
                QStringLiteral("invalid restart policy '%1': the retry count must be a whole number").arg(value));
    }
    return policy;
}

const QStringList &Ulimit::names()
{
    static const QStringList all
        = {QStringLiteral("core"),   QStringLiteral("cpu"),        QStringLiteral("data"),     QStringLiteral("fsize"),
           QStringLiteral("locks"),  QStringLiteral("memlock"),    QStringLiteral("msgqueue"), QStringLiteral("nice"),
           QStringLiteral("nofile"), QStringLiteral("nproc"),      QStringLiteral("rss"),      QStringLiteral("rtprio"),
           QStringLiteral("rttime"), QStringLiteral("sigpending"), QStringLiteral("stack")};
    return all;
}

Result<Ulimit> Ulimit::parse(const QString &text)
{
    const qsizetype equals = text.indexOf(u'=');
    if (equals < 0)
        return Error::invalidArgument(QStringLiteral("invalid ulimit argument: %1").arg(text));
    Ulimit limit;
    limit.name = text.left(equals);
    const QStringList values = text.mid(equals + 1).split(u':');
    if (values.size() > 2)
        return Error::invalidArgument(
            QStringLiteral("too many limit value arguments - %1, can only have up to two, `soft[:hard]`")
                .arg(text.mid(equals + 1)));
    bool softOk = false, hardOk = true;
    limit.soft = values[0].toLongLong(&softOk);
    limit.hard = values.size() == 2 ? values[1].toLongLong(&hardOk) : limit.soft;
    if (!softOk || !hardOk)
        return Error::invalidArgument(QStringLiteral("invalid ulimit value: %1").arg(text));
    if (auto valid = limit.validate(); !valid)
        return valid.error();
    return limit;
}

Result<void> Ulimit::validate() const
{
    if (!names().contains(name))
        return Error::invalidArgument(QStringLiteral("invalid ulimit type: %1").arg(name));
    if (soft < -1 || hard < -1)
        return Error::invalidArgument(QStringLiteral("invalid ulimit value for %1: -1 (unlimited) is the lowest").arg(name));
    // -1 is unlimited, above every number.
    if (hard != -1 && (soft == -1 || soft > hard))
        return Error::invalidArgument(
            QStringLiteral("ulimit soft limit must be less than or equal to hard limit: %1 > %2").arg(soft).arg(hard));
    return {};
}

QByteArray ContainerSpec::toJson() const
{
    Json ulimits = Json::array();
    for (const Ulimit &limit : host.ulimits)
        ulimits.push_back({{"Name", limit.name.toStdString()}, {"Soft", limit.soft}, {"Hard", limit.hard}});
    Json devices = Json::array();
    for (const DeviceMapping &device : host.devices)
        devices.push_back({{"PathOnHost", device.pathOnHost.toStdString()},
                           {"PathInContainer", device.pathInContainer.toStdString()},
                           {"CgroupPermissions", device.cgroupPermissions.toStdString()}});
    Json labels = Json::object();
    for (auto it = config.labels.cbegin(); it != config.labels.cend(); ++it)
        labels[it.key().toStdString()] = it.value().toStdString();
    Json json = {
        {"Name", name.toStdString()},
        {"Image", config.image.toStdString()},
        {"Hostname", config.hostname.toStdString()},
        {"User", config.user.toStdString()},
        {"Env", berth::json::array<Json>(config.env)},
        {"Cmd", berth::json::array<Json>(config.cmd)},
        {"Entrypoint", config.entrypoint ? berth::json::array<Json>(*config.entrypoint) : Json(nullptr)},
        {"WorkingDir", config.workingDir.toStdString()},
        {"Labels", labels},
        {"Tty", config.tty},
        {"OpenStdin", config.openStdin},
        {"StdinOnce", config.stdinOnce},
        {"StopSignal", config.stopSignal.toStdString()},
        {"StopTimeout", config.stopTimeout ? Json(*config.stopTimeout) : Json(nullptr)},
        {"ExposedPorts", berth::json::set<Json>(config.exposedPorts)},
        {"NetworkingConfig",
         {{"EndpointsConfig",
           networkAliases.isEmpty()
               ? Json::object()
               : Json{{host.networkMode.toStdString(), {{"Aliases", berth::json::array<Json>(networkAliases)}}}}}}},
        {"HostConfig",
         {
             {"Memory", host.memory},
             {"MemorySwap", host.memorySwap},
             {"OomKillDisable", host.oomKillDisable},
             {"NanoCpus", host.nanoCpus},
             {"CpuShares", host.cpuShares},
             {"CpusetCpus", host.cpusetCpus.toStdString()},
             {"PidsLimit", host.pidsLimit ? Json(*host.pidsLimit) : Json(nullptr)},
             {"RestartPolicy",
              {{"Name", host.restartPolicy.name.toStdString()}, {"MaximumRetryCount", host.restartPolicy.maximumRetryCount}}},
             {"AutoRemove", host.autoRemove},
             {"ReadonlyRootfs", host.readonlyRootfs},
             {"Privileged", host.privileged},
             {"Init", host.init},
             {"CapAdd", berth::json::array<Json>(host.capAdd)},
             {"CapDrop", berth::json::array<Json>(host.capDrop)},
             {"SecurityOpt", berth::json::array<Json>(host.securityOpt)},
             {"Ulimits", ulimits},
             {"Devices", devices},
             {"Binds", berth::json::array<Json>(host.binds)},
             {"Tmpfs", berth::json::map<Json>(host.tmpfs)},
             {"NetworkMode", host.networkMode.toStdString()},
             {"ConsoleSize", {host.consoleRows, host.consoleColumns}},
             {"PortBindings", host.portBindings},
             {"PublishAllPorts", host.publishAllPorts},
             {"LogConfig",
              {{"Type", host.logConfig.type.toStdString()}, {"Config", berth::json::map<Json>(host.logConfig.config)}}},
         }},
    };
    return QByteArray::fromStdString(json.dump());
}

Result<ContainerSpec> ContainerSpec::fromJson(const QByteArray &bytes)
{
    if (bytes.size() > 1024 * 1024)
        return Error::invalidArgument(QStringLiteral("the container configuration is larger than 1 MiB"));
    Json json;
    try {
        json = Json::parse(bytes.toStdString());
    } catch (const Json::exception &e) {
        return Error::invalidArgument(QStringLiteral("the container configuration is not valid JSON: %1").arg(text(e.what())));
    }
    if (!json.is_object())
        return Error::invalidArgument(QStringLiteral("the container configuration must be a JSON object"));
    ContainerSpec spec;
    try {
        ContainerConfig &c = spec.config;
        read(json, "Name", spec.name);
        read(json, "Image", c.image);
        read(json, "Hostname", c.hostname);
        if (const auto networking = json.find("NetworkingConfig"); networking != json.end() && networking->is_object())
            if (const auto endpoints = networking->find("EndpointsConfig");
                endpoints != networking->end() && endpoints->is_object())
                for (const auto &[network, endpoint] : endpoints->items())
                    if (endpoint.is_object())
                        read(endpoint, "Aliases", spec.networkAliases);
        read(json, "User", c.user);
        read(json, "Env", c.env);
        read(json, "Cmd", c.cmd);
        read(json, "Entrypoint", c.entrypoint);
        read(json, "WorkingDir", c.workingDir);
        read(json, "Labels", c.labels);
        read(json, "Tty", c.tty);
        read(json, "OpenStdin", c.openStdin);
        read(json, "StdinOnce", c.stdinOnce);
        read(json, "StopSignal", c.stopSignal);
        read(json, "StopTimeout", c.stopTimeout);
        if (auto ports = json.find("ExposedPorts"); ports != json.end() && ports->is_object())
            for (const auto &[port, _] : ports->items())
                c.exposedPorts << text(port);
        const Json hostJson = json.value("HostConfig", Json::object());
        if (!hostJson.is_object())
            throw FieldError("HostConfig must be an object");
        HostConfig &h = spec.host;
        read(hostJson, "Memory", h.memory);
        read(hostJson, "MemorySwap", h.memorySwap);
        read(hostJson, "OomKillDisable", h.oomKillDisable);
        read(hostJson, "NanoCpus", h.nanoCpus);
        read(hostJson, "CpuShares", h.cpuShares);
        read(hostJson, "CpusetCpus", h.cpusetCpus);
        read(hostJson, "PidsLimit", h.pidsLimit);
        if (auto policy = hostJson.find("RestartPolicy"); policy != hostJson.end() && policy->is_object()) {
            read(*policy, "Name", h.restartPolicy.name);
            read(*policy, "MaximumRetryCount", h.restartPolicy.maximumRetryCount);
            if (h.restartPolicy.name.isEmpty())
                h.restartPolicy.name = QStringLiteral("no");
        }
        read(hostJson, "AutoRemove", h.autoRemove);
        read(hostJson, "ReadonlyRootfs", h.readonlyRootfs);
        read(hostJson, "Privileged", h.privileged);
        read(hostJson, "Init", h.init);
        read(hostJson, "CapAdd", h.capAdd);
        read(hostJson, "CapDrop", h.capDrop);
        read(hostJson, "SecurityOpt", h.securityOpt);
        if (auto ulimits = hostJson.find("Ulimits"); ulimits != hostJson.end() && ulimits->is_array())
            for (const Json &limit : *ulimits) {
                if (!limit.is_object())
                    throw FieldError("HostConfig.Ulimits[] must be objects");
                Ulimit &u = h.ulimits.emplace_back();
                read(limit, "Name", u.name);
                read(limit, "Soft", u.soft);
                read(limit, "Hard", u.hard);
            }
        if (auto devices = hostJson.find("Devices"); devices != hostJson.end() && devices->is_array())
            for (const Json &device : *devices) {
                if (!device.is_object())
                    throw FieldError("HostConfig.Devices[] must be objects");
                DeviceMapping &d = h.devices.emplace_back();
                read(device, "PathOnHost", d.pathOnHost);
                read(device, "PathInContainer", d.pathInContainer);
                read(device, "CgroupPermissions", d.cgroupPermissions);
            }
        read(hostJson, "Binds", h.binds);
        if (const auto tmpfs = hostJson.find("Tmpfs"); tmpfs != hostJson.end() && tmpfs->is_object())
            for (const auto &[path, options] : tmpfs->items())
                if (options.is_string())
                    h.tmpfs.insert(QString::fromStdString(path), QString::fromStdString(options.get<std::string>()));
        read(hostJson, "NetworkMode", h.networkMode);
        std::vector<int> console;
        read(hostJson, "ConsoleSize", console);
        if (console.size() == 2 && console[0] >= 0 && console[1] >= 0 && console[0] < 10000 && console[1] < 10000) {
            h.consoleRows = console[0];
            h.consoleColumns = console[1];
        }
        if (auto ports = hostJson.find("PortBindings"); ports != hostJson.end() && ports->is_object())
            h.portBindings = *ports;
        read(hostJson, "PublishAllPorts", h.publishAllPorts);
        if (const auto log = hostJson.find("LogConfig"); log != hostJson.end() && log->is_object()) {
            QString type;
            read(*log, "Type", type);
            if (!type.isEmpty())
                h.logConfig.type = type;
            read(*log, "Config", h.logConfig.config);
        }
    } catch (const FieldError &e) {
        return Error::invalidArgument(QStringLiteral("container configuration: %1").arg(text(e.what())));
    }
    return spec;
}

Result<DeviceMapping> DeviceMapping::parse(const QString &text)
{
    // As docker splits it: a last part made of r, w and m is the permissions.
    QStringList parts = text.split(u':');
    DeviceMapping device;
    if (parts.size() > 1 && !parts.last().isEmpty() && !parts.last().startsWith(u'/')) {
        device.cgroupPermissions = parts.takeLast();
    }
    if (parts.isEmpty() || parts.size() > 2 || parts[0].isEmpty())
        return Error::invalidArgument(ContainerSpec::tr("invalid device specification: %1").arg(text));
    device.pathOnHost = parts[0];
    device.pathInContainer = parts.value(1);
    return device;
}

Result<LogLimits> parseLogLimits(const QMap<QString, QString> &options)
{
    LogLimits limits;
    for (auto it = options.cbegin(); it != options.cend(); ++it) {
        if (it.key() == u"max-size") {
            auto bytes = parseBytes(it.value());
            if (!bytes || *bytes < 1024)
                return Error::invalidArgument(
                    ContainerSpec::tr("max-size must be a size of at least 1k, like \"20m\", not \"%1\"").arg(it.value()));
            limits.maxSize = *bytes;
        } else if (it.key() == u"max-file") {
            bool ok = false;
            const int files = it.value().toInt(&ok);
            if (!ok || files < 1 || files > 100)
                return Error::invalidArgument(
                    ContainerSpec::tr("max-file must be a number from 1 to 100, not \"%1\"").arg(it.value()));
            limits.maxFiles = files;
        } else {
            return Error::invalidArgument(
                ContainerSpec::tr("unknown log opt '%1' for json-file log driver (max-size, max-file)").arg(it.key()));
        }
    }
    return limits;
}

Result<void> ContainerSpec::validate(int hostCpus) const
{
    if (config.image.isEmpty())
        return Error::invalidArgument(tr("no image was named"));
    if (!name.isEmpty() && !isValidContainerName(name))
        return Error::invalidArgument(tr("Invalid container name (%1), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed").arg(name));
    for (const QString &entry : config.env)
        if (entry.isEmpty() || entry.startsWith(u'=') || entry.contains(QChar(0)))
            return Error::invalidArgument(tr("invalid environment variable: \"%1\"").arg(entry));
    if (host.memory < 0 || (host.memory > 0 && host.memory < 6 * 1024 * 1024))
        return Error::invalidArgument(tr("Minimum memory limit allowed is 6MB"));
    if (host.memorySwap > 0 && host.memory > 0 && host.memorySwap < host.memory)
        return Error::invalidArgument(tr("Minimum memoryswap limit should be larger than memory limit, see usage"));
    if (host.memorySwap > 0 && host.memory == 0)
        return Error::invalidArgument(tr("You should always set the Memory limit when using Memoryswap limit, see usage"));
    if (host.memorySwap < -1)
        return Error::invalidArgument(tr("invalid memory swap limit %1").arg(host.memorySwap));
    const qint64 maxNano = qint64(hostCpus) * 1000000000;
    if (host.nanoCpus < 0 || host.nanoCpus > maxNano || (host.nanoCpus > 0 && host.nanoCpus < 10000000))
        return Error::invalidArgument(
            tr("Range of CPUs is from 0.01 to %1.00, as there are only %1 CPUs available").arg(hostCpus));
    if (host.cpuShares < 0 || host.cpuShares > 262144)
        return Error::invalidArgument(tr("invalid CPU shares %1: the range is 2 to 262144").arg(host.cpuShares));
    if (!host.cpusetCpus.isEmpty() && !isCpuList(host.cpusetCpus))
        return Error::invalidArgument(tr("Invalid value %1 for cpuset cpus").arg(host.cpusetCpus));
    if (host.pidsLimit && *host.pidsLimit < -1)
        return Error::invalidArgument(tr("invalid PIDs limit %1").arg(*host.pidsLimit));
    static const QStringList policies
        = {QStringLiteral("no"), QStringLiteral("always"), QStringLiteral("unless-stopped"), QStringLiteral("on-failure")};
    if (!policies.contains(host.restartPolicy.name))
        return Error::invalidArgument(tr("invalid restart policy '%1'").arg(host.restartPolicy.name));
    if (host.restartPolicy.maximumRetryCount < 0
        || (host.restartPolicy.maximumRetryCount > 0 && host.restartPolicy.name != u"on-failure"))
        return Error::invalidArgument(
            tr("maximum retry count cannot be used with restart policy '%1'").arg(host.restartPolicy.name));
    if (host.autoRemove && host.restartPolicy.name != u"no")
        return Error::conflict(tr("Conflicting options: --restart and --rm"));
    for (const QString &cap : host.capAdd + host.capDrop)
        if (normalizedCapability(cap).isEmpty())
            return Error::invalidArgument(tr("unknown capability: \"%1\"").arg(cap));
    if (auto ports = bindingsFromJson(host.portBindings); !ports)
        return ports.error();
    for (const QString &port : config.exposedPorts)
        if (auto exposed = parseExposed(port); !exposed)
            return exposed.error();
    for (const QString &alias : networkAliases)
        if (!isValidContainerName(alias))
            return Error::invalidArgument(tr("invalid network alias \"%1\"").arg(alias));
    for (const Ulimit &limit : host.ulimits)
        if (auto valid = limit.validate(); !valid)
            return valid;
    for (const QString &option : host.securityOpt) {
        // Berth confines with no AppArmor or SELinux profile: asking for none is no change.
        const bool known = option == u"no-new-privileges" || option == u"no-new-privileges:true"
            || option == u"no-new-privileges=true" || option == u"no-new-privileges:false" || option == u"no-new-privileges=false"
            || option == u"seccomp=unconfined" || option == u"seccomp:unconfined" || option == u"apparmor=unconfined"
            || option == u"apparmor:unconfined" || option == u"label=disable" || option == u"label:disable"
            || option.startsWith(u"seccomp={");
        if (!known)
            return Error::invalidArgument(tr("invalid --security-opt \"%1\": Berth knows no-new-privileges[:true|false], "
                                             "seccomp=unconfined|<profile.json>, apparmor=unconfined and label=disable")
                                              .arg(option.left(200)));
    }
    if (const QByteArray profile = seccompProfile(); !profile.isEmpty()) {
        const Json json = Json::parse(profile.toStdString(), nullptr, false);
        if (!json.is_object() || !json.value("defaultAction", Json()).is_string()
            || !json.value("syscalls", Json::array()).is_array())
            return Error::invalidArgument(
                tr("the seccomp profile is not one docker reads: a JSON object with defaultAction and syscalls"));
    }
    for (const QString &bind : host.binds) {
        const QStringList parts = bind.split(u':');
        const bool hostPath = parts[0].startsWith(u'/');
        const bool anonymous = parts.size() == 1 && hostPath; // -v /path: a volume of its own
        if (!anonymous
            && (parts.size() < 2 || parts.size() > 3 || (!hostPath && !ascii::isRestrictedName(parts[0]))
                || !parts[1].startsWith(u'/') || (parts.size() == 3 && parts[2] != u"ro" && parts[2] != u"rw")))
            return Error::invalidArgument(tr("invalid volume specification \"%1\": use /host/path:/container/path[:ro|rw] or "
                                             "volume-name:/container/path[:ro|rw]")
                                              .arg(bind));
        if (parts[0].split(u'/').contains(QStringLiteral("..")) || parts.value(1).split(u'/').contains(QStringLiteral("..")))
            return Error::invalidArgument(tr("invalid bind mount \"%1\": \"..\" is not allowed").arg(bind));
    }
    for (auto it = host.tmpfs.cbegin(); it != host.tmpfs.cend(); ++it)
        if (!it.key().startsWith(u'/') || it.key().split(u'/').contains(QStringLiteral("..")) || !isTmpfsOptions(it.value()))
            return Error::invalidArgument(tr("invalid tmpfs mount \"%1:%2\": an absolute path, and size=, mode=, "
                                             "ro, noexec, nosuid, nodev options")
                                              .arg(it.key(), it.value()));
    for (const DeviceMapping &device : host.devices) {
        const QString inContainer = device.pathInContainer.isEmpty() ? device.pathOnHost : device.pathInContainer;
        const bool permissions = !device.cgroupPermissions.isEmpty()
            && std::all_of(device.cgroupPermissions.cbegin(), device.cgroupPermissions.cend(),
                           [](QChar c) { return c == u'r' || c == u'w' || c == u'm'; });
        if (!device.pathOnHost.startsWith(u'/') || !inContainer.startsWith(QStringLiteral("/dev/"))
            || (device.pathOnHost + u'/' + inContainer).split(u'/').contains(QStringLiteral("..")) || !permissions)
            return Error::invalidArgument(
                tr("invalid device \"%1\": use /dev/host-device[:/dev/in-container][:rwm]").arg(device.pathOnHost));
    }
    if (host.logConfig.type != u"json-file" && host.logConfig.type != u"none")
        return Error::invalidArgument(
            tr("logging driver \"%1\" is not supported: use json-file or none").arg(host.logConfig.type));
    if (host.logConfig.type == u"none" && !host.logConfig.config.isEmpty())
        return Error::invalidArgument(tr("the none logging driver takes no options"));
    if (auto limits = parseLogLimits(host.logConfig.config); !limits)
        return limits.error();
    const bool namedNetwork = isValidContainerName(host.networkMode);
    if (!namedNetwork && !(host.networkMode.startsWith(u"container:") && host.networkMode.size() > 10))
        return Error::invalidArgument(
            tr("invalid network mode \"%1\": use bridge, none, host, container:<name|id> or a network's name")
                .arg(host.networkMode));
    return {};
}

QByteArray ContainerSpec::seccompProfile() const
{
    for (const QString &option : host.securityOpt)
        if (option.startsWith(u"seccomp={"))
            return option.mid(8).toUtf8();
    return {};
}

bool ContainerSpec::needsPrivilege() const
{
    return host.privileged || !host.capAdd.isEmpty() || !host.devices.isEmpty() || host.networkMode == u"host"
        || seccompUnconfined() || !seccompProfile().isEmpty();
}

bool ContainerSpec::seccompUnconfined() const
{
    return host.securityOpt.contains(QStringLiteral("seccomp=unconfined"))
        || host.securityOpt.contains(QStringLiteral("seccomp:unconfined"));
}

bool ContainerSpec::mountsHostPaths() const
{
    // A named volume is the engine's own directory; only a host path needs the right to mount it.
    return std::any_of(host.binds.cbegin(), host.binds.cend(),
                       [](const QString &bind) { return bind.startsWith(u'/') && bind.contains(u':'); });
}

Result<void> addMount(const QString &text, HostConfig &host)
{
    QString type = QStringLiteral("volume"), source, target, size, mode;
    bool readOnly = false;
    for (const QString &field : text.split(u',', Qt::SkipEmptyParts)) {
        const QString key = field.section(u'=', 0, 0).trimmed();
        const QString value = field.section(u'=', 1).trimmed();
        if (key == u"type")
            type = value;
        else if (key == u"source" || key == u"src")
            source = value;
        else if (key == u"target" || key == u"destination" || key == u"dst")
            target = value;
        else if (key == u"readonly" || key == u"ro")
            readOnly = value.isEmpty() || value == u"true" || value == u"1";
        else if (key == u"tmpfs-size")
            size = value;
        else if (key == u"tmpfs-mode")
            mode = value;
        else
            return Error::invalidArgument(QStringLiteral("invalid field '%1' must be a key=value pair").arg(field));
    }
    if (target.isEmpty())
        return Error::invalidArgument(
            QStringLiteral("invalid argument \"%1\" for \"--mount\" flag: target is required").arg(text));
    if (type == u"tmpfs") {
        QStringList options;
        if (!size.isEmpty())
            options << QStringLiteral("size=") + size;
        if (!mode.isEmpty())
            options << QStringLiteral("mode=") + mode;
        if (readOnly)
            options << QStringLiteral("ro");
        host.tmpfs.insert(target, options.join(u','));
        return {};
    }
    if (type != u"bind" && type != u"volume")
        return Error::invalidArgument(QStringLiteral("invalid mount type \"%1\": bind, volume or tmpfs").arg(type));
    if (type == u"bind" && !source.startsWith(u'/'))
        return Error::invalidArgument(QStringLiteral("invalid mount config for type \"bind\": source must be an absolute path"));
    if (type == u"volume" && source.startsWith(u'/'))
        return Error::invalidArgument(QStringLiteral("invalid mount config for type \"volume\": source must be a volume name"));
    host.binds << (source.isEmpty() ? target : source + u':' + target + (readOnly ? QStringLiteral(":ro") : QString()));
    return {};
}

QStringList allCapabilities()
{
    return kCapabilities;
}

QString normalizedCapability(const QString &name)
{
    QString upper = name.toUpper();
    if (upper == u"ALL")
        return upper;
    if (!upper.startsWith(u"CAP_"))
        upper.prepend(QStringLiteral("CAP_"));
    return kCapabilities.contains(upper) ? upper : QString();
}

bool isValidContainerName(const QString &name)
{
    return name.size() <= 255 && ascii::isRestrictedName(name.startsWith(u'/') ? QStringView(name).sliced(1) : name);
}

} // namespace berth
