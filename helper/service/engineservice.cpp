#include "engineservice.h"

#include "authority.h"
#include "callertracker.h"
#include "containers/containerengine.h"
#include "containers/containerstore.h"
#include "containersobject.h"
#include "engine.h"
#include "eventbus.h"
#include "filesobject.h"
#include "gate.h"
#include "imagesobject.h"
#include "jobmanager.h"
#include "layers/layerstore.h"
#include "methodrules.h"
#include "networksobject.h"
#include "store/blobstore.h"
#include "store/builtinimage.h"
#include "store/imagestore.h"
#include "systemobject.h"
#include "volumesobject.h"

#include <QCoreApplication>
#include <QDBusConnectionInterface>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QSysInfo>

Q_LOGGING_CATEGORY(lcEngine, "berth.engine")

namespace berth {
namespace {

QString storageDriver(const HostInfo &host)
{
    return host.overlaySupported ? QStringLiteral("overlay2") : QStringLiteral("none");
}

// Making the built-in image writes and reads a tar stream once in a data root's life; in a
// process of its own, the engine never maps that code (libarchive's writer and reader and
// what they use, 0.8 MiB that would stay resident in the engine for as long as it runs).
Result<void> makeBuiltinImageInChild(const QString &dataRoot)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels); // its log is the engine's
    child.setStandardInputFile(QProcess::nullDevice());
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--make-builtin-image"), dataRoot});
    constexpr int kMaxMs = 120 * 1000;
    if (!child.waitForFinished(kMaxMs)) {
        child.kill();
        child.waitForFinished();
        return Error::unavailable(QStringLiteral("making it took longer than %1 s").arg(kMaxMs / 1000));
    }
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        return Error::unavailable(QStringLiteral("the process making it failed (see the lines before)"));
    return {};
}

} // namespace

EngineService::EngineService(QDBusConnection bus, EngineOptions options, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
    , m_options(std::move(options))
{ }

EngineService::~EngineService()
{
    // Jobs first: a running load's worker thread uses the stores until it is joined.
    m_jobs.reset();
}

Result<EngineSettings> EngineService::loadSettings() const
{
    auto settings = EngineSettings::load(m_options.settingsFile);
    if (!settings)
        return settings;
    if (!m_options.dataRoot.isEmpty())
        settings->dataRoot = m_options.dataRoot;
    if (!m_options.runRoot.isEmpty())
        settings->runRoot = m_options.runRoot;
    return settings;
}

Result<void> EngineService::start()
{
    auto settings = loadSettings();
    if (!settings)
        return settings.error();
    m_settings = *settings;
    auto dataRoot = DataRoot::open(m_settings.dataRoot, m_settings.runRoot);
    if (!dataRoot)
        return dataRoot.error();
    m_dataRoot = *dataRoot;
    m_host = HostInfo::read();
    if (auto stores = openStores(); !stores)
        return stores.error();

    m_callers = std::make_unique<CallerTracker>(m_bus);
    m_authority = std::make_unique<Authority>(m_bus);
    m_gate = std::make_unique<Gate>(m_bus, *m_authority, *m_callers);
    m_events = std::make_unique<EventBus>(m_bus, m_settings.maxEventSubscribers);
    m_jobs = std::make_unique<JobManager>(m_bus, *m_gate, m_settings.maxJobsPerUser);
    m_system = std::make_unique<SystemObject>(*m_gate, *this);
    m_imagesObject = std::make_unique<ImagesObject>(*m_gate, ImagesObject::Stores{*m_blobs, *m_layers, *m_images}, *m_containers,
                                                    *m_jobs, *m_events);
    m_containersObject = std::make_unique<ContainersObject>(*m_gate, *m_containers, *m_events);
    m_networksObject = std::make_unique<NetworksObject>(*m_gate, *m_containers, *m_events);
    m_volumesObject = std::make_unique<VolumesObject>(*m_gate, *m_containers);
    m_filesObject = std::make_unique<FilesObject>(*m_gate, *m_containers, *m_jobs);
    addMethodRules(*m_gate, *m_jobs, *m_containers);
    m_gate->setContainedCallerCheck([parent = u'/' + m_settings.cgroupParent + u'/'](uint pid) {
        QFile cgroups(QStringLiteral("/proc/%1/cgroup").arg(pid));
        if (!cgroups.open(QIODevice::ReadOnly))
            return true; // gone already, or hidden: nothing to serve
        // hierarchy:controllers:path, one line per hierarchy
        for (const QByteArray &line : cgroups.readAll().split('\n'))
            if (QString::fromUtf8(line).section(u':', 2).startsWith(parent))
                return true;
        return false;
    });
    connect(m_callers.get(), &CallerTracker::callerVanished, this, [this](const QString &caller) {
        m_authority->cancelChecksOf(caller);
        m_events->unsubscribe(caller);
        m_jobs->cancelJobsOf(caller);
    });
    applyRuntimeSettings();

    if (!m_bus.registerObject(engine::kSystemPath, m_system.get()))
        return Error::internal(QStringLiteral("cannot export %1: %2").arg(engine::kSystemPath, m_bus.lastError().message()));
    if (!m_bus.registerObject(engine::kImagesPath, m_imagesObject.get()))
        return Error::internal(QStringLiteral("cannot export %1: %2").arg(engine::kImagesPath, m_bus.lastError().message()));
    if (!m_bus.registerObject(engine::kContainersPath, m_containersObject.get()))
        return Error::internal(QStringLiteral("cannot export %1: %2").arg(engine::kContainersPath, m_bus.lastError().message()));
    if (!m_bus.registerObject(engine::kNetworksPath, m_networksObject.get()))
        return Error::internal(QStringLiteral("cannot export %1: %2").arg(engine::kNetworksPath, m_bus.lastError().message()));
    if (!m_bus.registerObject(engine::kVolumesPath, m_volumesObject.get()))
        return Error::internal(QStringLiteral("cannot export %1: %2").arg(engine::kVolumesPath, m_bus.lastError().message()));
    if (!m_bus.registerObject(engine::kFilesPath, m_filesObject.get()))
        return Error::internal(QStringLiteral("cannot export %1: %2").arg(engine::kFilesPath, m_bus.lastError().message()));
    m_containers->adoptRunning();
    // The name is claimed last: a client that sees it can call every object at once.
    const auto claimed = m_bus.interface()->registerService(engine::kService, QDBusConnectionInterface::DontQueueService,
                                                            QDBusConnectionInterface::DontAllowReplacement);
    if (!claimed.isValid() || claimed.value() != QDBusConnectionInterface::ServiceRegistered)
        return Error::conflict(QStringLiteral("cannot own %1 on the system bus (%2); is another berth-helper running, and "
                                              "is the bus policy dbus/org.berth.Engine1.conf installed?")
                                   .arg(engine::kService, claimed.error().message()));
    qCInfo(lcEngine) << "berth-helper" << BERTH_VERSION << "serving" << engine::kService << "with data root"
                     << m_dataRoot->path();
    return {};
}

QVariantMap EngineService::version() const
{
    return {{QStringLiteral("Version"), QStringLiteral(BERTH_VERSION)},
            {QStringLiteral("ApiVersion"), engine::kApiVersion},
            {QStringLiteral("Os"), QSysInfo::kernelType()},
            {QStringLiteral("Arch"), QSysInfo::currentCpuArchitecture()},
            {QStringLiteral("KernelVersion"), m_host.kernelVersion},
            {QStringLiteral("QtVersion"), QString::fromLatin1(qVersion())},
            {QStringLiteral("BuildType"), QStringLiteral(BERTH_BUILD_TYPE)}};
}

QVariantMap EngineService::info() const
{
    const uint containers = m_dataRoot->countRecords(QStringLiteral("containers"));
    return {{QStringLiteral("ServerVersion"), QStringLiteral(BERTH_VERSION)},
            {QStringLiteral("DataRoot"), m_dataRoot->path()},
            {QStringLiteral("RunRoot"), m_dataRoot->runPath()},
            {QStringLiteral("SettingsFile"), m_options.settingsFile},
            {QStringLiteral("StorageDriver"), storageDriver(m_host)},
            {QStringLiteral("StorageDriverSupported"), m_host.overlaySupported},
            {QStringLiteral("CgroupVersion"), m_host.cgroups.version},
            {QStringLiteral("CgroupControllers"), m_host.cgroups.controllers},
            {QStringLiteral("KernelVersion"), m_host.kernelVersion},
            {QStringLiteral("OperatingSystem"), m_host.operatingSystem},
            {QStringLiteral("Architecture"), m_host.architecture},
            {QStringLiteral("CPUs"), m_host.cpus},
            {QStringLiteral("MemTotal"), m_host.memTotal},
            {QStringLiteral("Name"), m_host.hostName},
            {QStringLiteral("Containers"), containers},
            {QStringLiteral("ContainersRunning"), 0u},
            {QStringLiteral("ContainersPaused"), 0u},
            {QStringLiteral("ContainersStopped"), containers},
            {QStringLiteral("Images"), uint(m_images->count())},
            {QStringLiteral("Debug"), m_settings.debug},
            {QStringLiteral("Jobs"), m_jobs->unfinishedJobs()},
            {QStringLiteral("AuthorizationBackend"), QStringLiteral("polkit")},
            {QStringLiteral("PolkitAvailable"), m_authority->polkitReachable()}};
}

Result<QVariantMap> EngineService::reloadSettings()
{
    auto fresh = loadSettings();
    if (!fresh)
        return fresh.error();
    if (fresh->dataRoot != m_settings.dataRoot || fresh->runRoot != m_settings.runRoot)
        qCWarning(lcEngine) << "data-root and run-root change only when the engine restarts";
    const QVariantMap before = m_settings.reloadable();
    const QVariantMap after = fresh->reloadable();
    QVariantMap changed;
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (before.value(it.key()) != it.value())
            changed.insert(it.key(), it.value());
    m_settings.debug = fresh->debug;
    m_settings.maxJobsPerUser = fresh->maxJobsPerUser;
    m_settings.maxEventSubscribers = fresh->maxEventSubscribers;
    m_settings.insecureRegistries = fresh->insecureRegistries;
    m_settings.registryMirrors = fresh->registryMirrors;
    m_settings.maxConcurrentDownloads = fresh->maxConcurrentDownloads;
    m_settings.registryCertsDirectory = fresh->registryCertsDirectory;
    applyRuntimeSettings();
    qCInfo(lcEngine) << "settings reloaded from" << m_options.settingsFile << "changed:" << changed.keys();
    m_events->publish({QStringLiteral("engine"), QStringLiteral("reload"), m_host.hostName, changed});
    return changed;
}

Result<void> EngineService::openImageStores()
{
    m_blobs = std::make_unique<BlobStore>(m_dataRoot->path());
    m_layers = std::make_unique<LayerStore>(m_dataRoot->path());
    m_images = std::make_unique<ImageStore>(m_dataRoot->path(), *m_blobs, *m_layers);
    for (auto opened : {m_blobs->open(), m_layers->open(), m_images->open()})
        if (!opened)
            return opened.error();
    return {};
}

Result<void> EngineService::openStores()
{
    if (auto opened = openImageStores(); !opened)
        return opened;
    if (builtinImageWanted(*m_images)) {
        if (auto made = makeBuiltinImageInChild(m_dataRoot->path()); !made)
            qCWarning(lcEngine) << "the built-in busybox image could not be made:" << made.error().message();
        else if (auto reopened = openImageStores(); !reopened) // to see what the child added
            return reopened;
    }
    m_containerStore = std::make_unique<ContainerStore>(m_dataRoot->path());
    if (auto opened = m_containerStore->open(); !opened)
        return opened.error();
    m_containers = std::make_unique<ContainerEngine>(*m_containerStore, *m_images, *m_layers, containerSettings());
    m_images->setUsageCheck([this](const Digest &image) -> std::optional<ImageUse> {
        std::optional<ImageUse> use;
        for (const ContainerRecord &record : m_containerStore->list())
            if (record.image == image && (!use || record.isRunning()))
                use = ImageUse{record.id, record.isRunning()};
        return use;
    });
    return {};
}

ContainerEngineSettings EngineService::containerSettings() const
{
    ContainerEngineSettings settings;
    settings.runtimePath = QCoreApplication::applicationDirPath() + QStringLiteral("/berth-runtime");
    settings.runRoot = m_dataRoot->runPath();
    settings.cgroupParent = m_settings.cgroupParent;
    settings.defaultPidsLimit = m_settings.defaultPidsLimit;
    settings.logMaxSize = m_settings.logMaxSize;
    settings.logMaxFiles = m_settings.logMaxFiles;
    settings.bridge = m_settings.bridge;
    settings.bip = m_settings.bip;
    settings.networksDirectory = m_dataRoot->path() + QStringLiteral("/networks");
    settings.volumesDirectory = m_dataRoot->path() + QStringLiteral("/volumes");
    // Static, so they run in any image; Debian's tini and catatonit packages.
    for (const QString &init : {QStringLiteral("/usr/bin/tini-static"), QStringLiteral("/usr/bin/catatonit")})
        if (QFileInfo(init).isExecutable()) {
            settings.initBinary = init;
            break;
        }
    return settings;
}

void EngineService::applyRuntimeSettings()
{
    m_imagesObject->setRegistrySettings({std::nullopt, m_settings.insecureRegistries, m_settings.registryCertsDirectory,
                                         m_settings.registryMirrors, m_settings.maxConcurrentDownloads});
    QLoggingCategory::setFilterRules(m_settings.debug ? QStringLiteral("berth.*.debug=true")
                                                      : QStringLiteral("berth.*.debug=false"));
    m_events->setMaxSubscribers(m_settings.maxEventSubscribers);
    m_jobs->setMaxJobsPerUser(m_settings.maxJobsPerUser);
}

} // namespace berth
