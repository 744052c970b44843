#include "ocibundle.h"

#include "jsonvalues.h"
#include "seccompprofile.h"

#include <QDirIterator>
#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace berth {
namespace {

using Json = nlohmann::json;

Json mount(const char *destination, const char *type, const char *source, const QStringList &options)
{
    return {{"destination", destination}, {"type", type}, {"source", source}, {"options", berth::json::array<Json>(options)}};
}

Json bind(const QString &source, const QString &destination, bool readOnly)
{
    QStringList options = {QStringLiteral("rbind"), QStringLiteral("rprivate")};
    if (readOnly)
        options << QStringLiteral("ro");
    return {{"destination", destination.toStdString()},
            {"type", "bind"},
            {"source", source.toStdString()},
            {"options", berth::json::array<Json>(options)}};
}

// Docker's lists: kernel interfaces a container must neither read nor change.
const QStringList kMaskedPaths = {
    QStringLiteral("/proc/asound"),
    QStringLiteral("/proc/acpi"),
    QStringLiteral("/proc/kcore"),
    QStringLiteral("/proc/keys"),
    QStringLiteral("/proc/latency_stats"),
    QStringLiteral("/proc/timer_list"),
    QStringLiteral("/proc/timer_stats"),
    QStringLiteral("/proc/sched_debug"),
    QStringLiteral("/proc/scsi"),
    QStringLiteral("/sys/firmware"),
    QStringLiteral("/sys/devices/virtual/powercap"),
};
const QStringList kReadonlyPaths = {
    QStringLiteral("/proc/bus"),           QStringLiteral("/proc/fs"), QStringLiteral("/proc/irq"), QStringLiteral("/proc/sys"),
    QStringLiteral("/proc/sysrq-trigger"),
};

Json resources(const HostConfig &host, qint64 defaultPidsLimit)
{
    Json r = Json::object();
    if (host.memory > 0) {
        r["memory"]["limit"] = host.memory;
        // Docker: no --memory-swap means as much swap as memory.
        r["memory"]["swap"] = host.memorySwap == 0 ? 2 * host.memory : host.memorySwap;
    }
    if (host.oomKillDisable)
        r["memory"]["disableOOMKiller"] = true;
    if (host.nanoCpus > 0) {
        constexpr qint64 period = 100000;
        r["cpu"]["period"] = period;
        r["cpu"]["quota"] = host.nanoCpus * period / 1000000000;
    }
    if (host.cpuShares > 0)
        r["cpu"]["shares"] = host.cpuShares;
    if (!host.cpusetCpus.isEmpty())
        r["cpu"]["cpus"] = host.cpusetCpus.toStdString();
    const qint64 pids = host.pidsLimit.value_or(defaultPidsLimit);
    if (pids > 0)
        r["pids"]["limit"] = pids;
    if (!host.privileged)
        r["devices"] = Json::array({{{"allow", false}, {"access", "rwm"}}});
    return r;
}

bool noNewPrivileges(const HostConfig &host)
{
    // On unless asked off: setuid programs in an image gain nothing.
    return !host.securityOpt.contains(QStringLiteral("no-new-privileges:false"))
        && !host.securityOpt.contains(QStringLiteral("no-new-privileges=false"));
}

Result<QString> overlayOptions(const BundleInputs &inputs)
{
    // The overlay option string separates with ':' and ','; no path of ours may hold them.
    for (const QString &path : inputs.lowerDirs + QStringList{inputs.upperDir, inputs.workDir})
        if (path.contains(u':') || path.contains(u','))
            return Error::invalidArgument(QStringLiteral("the data root path \"%1\" must not contain ':' or ','").arg(path));
    return QStringLiteral("lowerdir=%1,upperdir=%2,workdir=%3").arg(inputs.lowerDirs.join(u':'), inputs.upperDir, inputs.workDir);
}

// linux.devices' entry for the node at `hostPath` (symlinks followed, as docker does),
// made at `containerPath`.
Result<Json> deviceNode(const QString &hostPath, const QString &containerPath)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(hostPath).constData(), &st) != 0)
        return Error::invalidArgument(QStringLiteral("error gathering device information while adding custom device \"%1\": %2")
                                          .arg(hostPath, QString::fromLocal8Bit(std::strerror(errno))));
    if (!S_ISCHR(st.st_mode) && !S_ISBLK(st.st_mode))
        return Error::invalidArgument(
            QStringLiteral("error gathering device information while adding custom device \"%1\": not a device node")
                .arg(hostPath));
    return Json{{"path", containerPath.toStdString()},
                {"type", S_ISCHR(st.st_mode) ? "c" : "b"},
                {"major", major(st.st_rdev)},
                {"minor", minor(st.st_rdev)},
                {"fileMode", st.st_mode & 07777},
                {"uid", st.st_uid},
                {"gid", st.st_gid}};
}

// The device nodes `hostPath` names, as linux.devices entries below `containerPath`: the node
// itself, or every node in a directory and its subdirectories (docker's --device /dev/dri),
// those below `skipped` left out.
Result<Json> devicesAt(const QString &hostPath, const QString &containerPath, const QStringList &skipped = {})
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(hostPath).constData(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        auto node = deviceNode(hostPath, containerPath);
        if (!node)
            return node.error();
        return Json::array({*node});
    }
    Json devices = Json::array();
    QDirIterator it(hostPath, QDir::System | QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (std::any_of(skipped.cbegin(), skipped.cend(), [&](const QString &skip) { return path.startsWith(skip); }))
            continue;
        if (::lstat(QFile::encodeName(path).constData(), &st) == 0 && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
            if (auto node = deviceNode(path, containerPath + path.mid(hostPath.size())))
                devices.push_back(*node);
    }
    return devices;
}

// --privileged: every device node of the host's /dev, as docker gives (but its terminals,
// console, shared memory and message queues, which the container has its own of).
Json hostDevices()
{
    static const QStringList skipped
        = {QStringLiteral("/dev/pts/"),         QStringLiteral("/dev/shm/"),    QStringLiteral("/dev/mqueue/"),
           QStringLiteral("/dev/fd/"),          QStringLiteral("/dev/.udev/"),  QStringLiteral("/dev/.lxc/"),
           QStringLiteral("/dev/.lxd-mounts/"), QStringLiteral("/dev/console"), QStringLiteral("/dev/ptmx")};
    return devicesAt(QStringLiteral("/dev"), QStringLiteral("/dev"), skipped).value_or(Json::array());
}

// Whether this host lets a process hold `capability` (a name of allCapabilities(), whose index
// is its number): a capability missing from the bounding set cannot be granted.
bool grantable(const QString &capability)
{
    return ::prctl(PR_CAPBSET_READ, allCapabilities().indexOf(capability), 0, 0, 0) == 1;
}

// Every capability this host can grant: --privileged and --cap-add ALL.
QStringList grantableCapabilities()
{
    QStringList caps = allCapabilities();
    caps.removeIf([](const QString &cap) { return !grantable(cap); });
    return caps;
}

} // namespace

Result<void> checkHostGrants(const HostConfig &host)
{
    for (const DeviceMapping &device : host.devices)
        if (auto nodes = devicesAt(device.pathOnHost, device.pathOnHost); !nodes)
            return nodes.error();
    for (const QString &cap : host.capAdd)
        if (const QString name = normalizedCapability(cap); name != u"ALL" && !grantable(name))
            return Error::invalidArgument(
                QStringLiteral("%1 cannot be granted: this host's capability bounding set lacks it").arg(name));
    return {};
}

Result<void> checkSeccompProfile(const ContainerSpec &spec)
{
    if (const QByteArray profile = spec.seccompProfile(); !profile.isEmpty())
        if (auto converted = seccompFromDockerProfile(profile, containerCapabilities(spec)); !converted)
            return converted.error();
    return {};
}

QStringList defaultCapabilities()
{
    return {QStringLiteral("CAP_CHOWN"),
            QStringLiteral("CAP_DAC_OVERRIDE"),
            QStringLiteral("CAP_FSETID"),
            QStringLiteral("CAP_FOWNER"),
            QStringLiteral("CAP_MKNOD"),
            QStringLiteral("CAP_NET_RAW"),
            QStringLiteral("CAP_SETGID"),
            QStringLiteral("CAP_SETUID"),
            QStringLiteral("CAP_SETFCAP"),
            QStringLiteral("CAP_SETPCAP"),
            QStringLiteral("CAP_NET_BIND_SERVICE"),
            QStringLiteral("CAP_SYS_CHROOT"),
            QStringLiteral("CAP_KILL"),
            QStringLiteral("CAP_AUDIT_WRITE")};
}

QStringList containerCapabilities(const ContainerSpec &spec)
{
    if (spec.host.privileged)
        return grantableCapabilities();
    QStringList caps = defaultCapabilities();
    QStringList drop, add;
    for (const QString &cap : spec.host.capDrop)
        drop << normalizedCapability(cap);
    for (const QString &cap : spec.host.capAdd)
        add << normalizedCapability(cap);
    if (drop.contains(QStringLiteral("ALL")))
        caps.clear();
    if (add.contains(QStringLiteral("ALL")))
        caps = grantableCapabilities();
    for (const QString &cap : add)
        if (cap != u"ALL" && !caps.contains(cap))
            caps << cap;
    for (const QString &cap : drop)
        caps.removeAll(cap);
    return caps;
}

Result<QByteArray> ociConfig(const ContainerRecord &record, const BundleInputs &inputs)
{
    const ContainerSpec &spec = record.spec;
    const bool privileged = spec.host.privileged;
    const QStringList caps = containerCapabilities(spec);

    QStringList args = QStringList{record.path} + record.args;
    if (spec.host.init && !inputs.initBinary.isEmpty())
        args = QStringList{QStringLiteral("/sbin/docker-init"), QStringLiteral("--")} + args;
    QStringList env = record.env;
    const QString hostname = spec.config.hostname.isEmpty() ? record.shortId() : spec.config.hostname;
    env.prepend(QStringLiteral("HOSTNAME=") + hostname);
    if (spec.config.tty)
        env << QStringLiteral("TERM=xterm");

    Json mounts = Json::array({
        mount("/proc", "proc", "proc", {QStringLiteral("nosuid"), QStringLiteral("noexec"), QStringLiteral("nodev")}),
        mount(
            "/dev", "tmpfs", "tmpfs",
            {QStringLiteral("nosuid"), QStringLiteral("strictatime"), QStringLiteral("mode=755"), QStringLiteral("size=65536k")}),
        mount("/dev/pts", "devpts", "devpts",
              {QStringLiteral("nosuid"), QStringLiteral("noexec"), QStringLiteral("newinstance"), QStringLiteral("ptmxmode=0666"),
               QStringLiteral("mode=0620"), QStringLiteral("gid=5")}),
        mount("/sys", "sysfs", "sysfs",
              {QStringLiteral("nosuid"), QStringLiteral("noexec"), QStringLiteral("nodev"),
               privileged ? QStringLiteral("rw") : QStringLiteral("ro")}),
        mount("/sys/fs/cgroup", "cgroup", "cgroup",
              {QStringLiteral("nosuid"), QStringLiteral("noexec"), QStringLiteral("nodev"), QStringLiteral("relatime"),
               privileged ? QStringLiteral("rw") : QStringLiteral("ro")}),
        mount("/dev/mqueue", "mqueue", "mqueue", {QStringLiteral("nosuid"), QStringLiteral("noexec"), QStringLiteral("nodev")}),
        mount("/dev/shm", "tmpfs", "shm",
              {QStringLiteral("nosuid"), QStringLiteral("noexec"), QStringLiteral("nodev"), QStringLiteral("mode=1777"),
               QStringLiteral("size=65536k")}),
        bind(inputs.resolvConfFile, QStringLiteral("/etc/resolv.conf"), false),
        bind(inputs.hostnameFile, QStringLiteral("/etc/hostname"), false),
        bind(inputs.hostsFile, QStringLiteral("/etc/hosts"), false),
    });
    for (const BundleInputs::BindMount &entry : inputs.binds)
        mounts.push_back(bind(entry.source, entry.destination, entry.readOnly));
    for (auto it = spec.host.tmpfs.cbegin(); it != spec.host.tmpfs.cend(); ++it) {
        // docker's defaults for --tmpfs: noexec, nosuid, nodev, unless asked otherwise.
        QStringList options = {QStringLiteral("nosuid"), QStringLiteral("nodev")};
        const QStringList asked = it.value().split(u',', Qt::SkipEmptyParts);
        if (!asked.contains(QStringLiteral("exec")))
            options << QStringLiteral("noexec");
        for (const QString &option : asked)
            if (option != u"exec")
                options << option;
        mounts.push_back(Json{{"destination", it.key().toStdString()},
                              {"type", "tmpfs"},
                              {"source", "tmpfs"},
                              {"options", berth::json::array<Json>(options)}});
    }
    if (spec.host.init && !inputs.initBinary.isEmpty())
        mounts.push_back(bind(inputs.initBinary, QStringLiteral("/sbin/docker-init"), true));

    Json namespaces
        = Json::array({{{"type", "pid"}}, {{"type", "ipc"}}, {{"type", "uts"}}, {{"type", "mount"}}, {{"type", "cgroup"}}});
    if (!inputs.networkNamespace.isEmpty())
        namespaces.push_back({{"type", "network"}, {"path", inputs.networkNamespace.toStdString()}});
    else if (spec.host.networkMode != u"host")
        namespaces.push_back({{"type", "network"}});

    auto overlay = overlayOptions(inputs);
    if (!overlay)
        return overlay.error();
    Json annotations = {{"org.berth.rootfs.overlay", overlay->toStdString()}};
    QStringList copyUps;
    for (const BundleInputs::BindMount &entry : inputs.binds)
        if (entry.copyUp)
            copyUps << entry.destination;
    if (!copyUps.isEmpty())
        annotations["org.berth.mounts.copyup"] = copyUps.join(u'\n').toStdString();
    if (!record.user.isEmpty())
        annotations["org.berth.user"] = record.user.toStdString();

    Json linux = {
        {"namespaces", namespaces},
        {"cgroupsPath", inputs.cgroupPath.toStdString()},
        {"resources", resources(spec.host, inputs.defaultPidsLimit)},
    };
    if (!privileged) {
        linux["maskedPaths"] = berth::json::array<Json>(kMaskedPaths);
        linux["readonlyPaths"] = berth::json::array<Json>(kReadonlyPaths);
    }
    Json devices = privileged ? hostDevices() : Json::array();
    for (const DeviceMapping &device : spec.host.devices) {
        auto nodes = devicesAt(device.pathOnHost, device.pathInContainer.isEmpty() ? device.pathOnHost : device.pathInContainer);
        if (!nodes)
            return nodes.error();
        for (const Json &node : *nodes) {
            devices.push_back(node);
            if (!privileged) // its cgroup lets it at these devices too
                linux["resources"]["devices"].push_back({{"allow", true},
                                                         {"type", node.at("type")},
                                                         {"major", node.at("major")},
                                                         {"minor", node.at("minor")},
                                                         {"access", device.cgroupPermissions.toStdString()}});
        }
    }
    if (!devices.empty())
        linux["devices"] = devices;
    const bool unconfined = privileged || spec.seccompUnconfined();
    if (const QByteArray profile = spec.seccompProfile(); !profile.isEmpty() && !unconfined) {
        auto own = seccompFromDockerProfile(profile, caps);
        if (!own)
            return own.error();
        linux["seccomp"] = *own;
    } else if (!unconfined) {
        linux["seccomp"] = defaultSeccompProfile(caps);
    }

    const Json capSet = berth::json::array<Json>(caps);
    Json rlimits = Json::array();
    for (const Ulimit &limit : spec.host.ulimits) {
        // setrlimit's RLIM_INFINITY for docker's -1.
        auto value = [](qint64 v) { return v < 0 ? std::numeric_limits<uint64_t>::max() : uint64_t(v); };
        rlimits.push_back(Json{
            {"type", "RLIMIT_" + limit.name.toUpper().toStdString()}, {"soft", value(limit.soft)}, {"hard", value(limit.hard)}});
    }
    Json consoleSize = Json::object();
    if (spec.host.consoleRows > 0 && spec.host.consoleColumns > 0)
        consoleSize = {{"height", spec.host.consoleRows}, {"width", spec.host.consoleColumns}};
    const Json config = {
        {"ociVersion", "1.0.2"},
        {"process",
         {{"terminal", spec.config.tty},
          {"consoleSize", consoleSize},
          {"user", {{"uid", 0}, {"gid", 0}}},
          {"args", berth::json::array<Json>(args)},
          {"env", berth::json::array<Json>(env)},
          {"cwd", (record.workingDir.isEmpty() ? QStringLiteral("/") : record.workingDir).toStdString()},
          {"capabilities", {{"bounding", capSet}, {"effective", capSet}, {"permitted", capSet}}},
          {"rlimits", rlimits},
          {"noNewPrivileges", noNewPrivileges(spec.host)}}},
        {"root", {{"path", inputs.rootfs.toStdString()}, {"readonly", spec.host.readonlyRootfs}}},
        {"hostname", hostname.toStdString()},
        {"mounts", mounts},
        {"annotations", annotations},
        {"linux", linux},
    };
    return QByteArray::fromStdString(config.dump(1));
}

} // namespace berth
