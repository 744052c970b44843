#pragma once

// EngineService: the engine as the bus sees it.  It owns the settings, the data root and the
// service objects, claims org.berth.Engine1 once every object is in place, and answers the
// System interface's questions.
//
//     EngineService engine(bus, options);
//     if (auto started = engine.start(); !started) { qCritical() << ...; return 1; }

#include "result.h"
#include "settings/dataroot.h"
#include "settings/enginesettings.h"
#include "system/hostinfo.h"

#include <QDBusConnection>
#include <QObject>

#include <memory>
#include <optional>

namespace berth {

class Authority;
class BlobStore;
class ContainerEngine;
struct ContainerEngineSettings;
class ContainerStore;
class ContainersObject;
class NetworksObject;
class VolumesObject;
class FilesObject;
class ImageStore;
class ImagesObject;
class LayerStore;
class CallerTracker;
class EventBus;
class Gate;
class JobManager;
class SystemObject;

// What the command line chose; it wins over the settings file.
struct EngineOptions
{
    QString settingsFile = QStringLiteral("/etc/berth/engine.json");
    QString dataRoot;
    QString runRoot;
};

class EngineService : public QObject
{
    Q_OBJECT
public:
    EngineService(QDBusConnection bus, EngineOptions options, QObject *parent = nullptr);
    ~EngineService() override;

    Result<void> start();

    QVariantMap version() const;
    QVariantMap info() const;
    // Reads the settings file again and applies what may change at run time; returns the
    // changed keys with their new values.  Nothing is applied when the file is invalid.
    Result<QVariantMap> reloadSettings();

    EventBus &events() { return *m_events; }

private:
    Result<EngineSettings> loadSettings() const;
    ContainerEngineSettings containerSettings() const;
    void applyRuntimeSettings();
    Result<void> openImageStores();
    Result<void> openStores();

    QDBusConnection m_bus;
    EngineOptions m_options;
    EngineSettings m_settings;
    std::optional<DataRoot> m_dataRoot;
    HostInfo m_host;
    std::unique_ptr<CallerTracker> m_callers;
    std::unique_ptr<Authority> m_authority;
    std::unique_ptr<Gate> m_gate;
    std::unique_ptr<EventBus> m_events;
    std::unique_ptr<JobManager> m_jobs;
    std::unique_ptr<SystemObject> m_system;
    std::unique_ptr<BlobStore> m_blobs;
    std::unique_ptr<LayerStore> m_layers;
    std::unique_ptr<ImageStore> m_images;
    std::unique_ptr<ImagesObject> m_imagesObject;
    std::unique_ptr<ContainerStore> m_containerStore;
    std::unique_ptr<ContainerEngine> m_containers;
    std::unique_ptr<ContainersObject> m_containersObject;
    std::unique_ptr<NetworksObject> m_networksObject;
    std::unique_ptr<VolumesObject> m_volumesObject;
    std::unique_ptr<FilesObject> m_filesObject;
};

} // namespace berth
