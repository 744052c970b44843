#include "containerrecord.h"

#include "network/subnet.h"

#include "jsonvalues.h"

#include <nlohmann/json.hpp>

namespace berth {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::pair<ContainerStatus, const char *> kStatusNames[] = {
    {ContainerStatus::Created, "created"}, {ContainerStatus::Running, "running"},
    {ContainerStatus::Paused, "paused"},   {ContainerStatus::Restarting, "restarting"},
    {ContainerStatus::Exited, "exited"},   {ContainerStatus::Removing, "removing"},
    {ContainerStatus::Dead, "dead"},
};

} // namespace

QString statusName(ContainerStatus status)
{
    return QString::fromLatin1(kStatusNames[int(status)].second);
}

namespace {

// docker's NetworkSettings: the container's place on each network, the default network's at
// the top level, and the published ports by container port ({"80/tcp": [{"HostIp":
// "0.0.0.0", "HostPort": "8080"}]}).
Json endpointJson(const NetworkEndpoint &endpoint)
{
    const NetworkAttachment &n = endpoint.attachment;
    const bool attached = n.address != 0;
    return {
        {"NetworkID", endpoint.networkId.toStdString()},
        {"Aliases", berth::json::array<Json>(endpoint.aliases)},
        {"IPAddress", attached ? ipv4Text(n.address).toStdString() : ""},
        {"IPPrefixLen", attached ? n.prefix : 0},
        {"Gateway", attached ? ipv4Text(n.gateway).toStdString() : ""},
        {"MacAddress", n.macAddress.toStdString()},
    };
}

Json networkSettings(const ContainerRecord &record)
{
    Json ports = Json::object();
    if (!record.endpoints.isEmpty())
        for (const PortBinding &port : record.endpoints.first().attachment.ports)
            ports[port.containerKey().toStdString()].push_back(
                {{"HostIp", (port.hostIp.isEmpty() ? QStringLiteral("0.0.0.0") : port.hostIp).toStdString()},
                 {"HostPort", std::to_string(port.hostPort)}});
    Json settings = endpointJson(NetworkEndpoint{});
    settings.erase("NetworkID");
    settings.erase("Aliases");
    settings["Ports"] = ports;
    settings["Networks"] = Json::object();
    for (const NetworkEndpoint &endpoint : record.endpoints) {
        settings["Networks"][endpoint.network.toStdString()] = endpointJson(endpoint);
        if (endpoint.network == u"bridge")
            for (const char *key : {"IPAddress", "IPPrefixLen", "Gateway", "MacAddress"})
                settings[key] = settings["Networks"]["bridge"][key];
    }
    const QString mode = record.spec.host.networkMode;
    if (mode == u"none" || mode == u"host")
        settings["Networks"][mode.toStdString()] = endpointJson(NetworkEndpoint{});
    return settings;
}

Json mountsJson(const ContainerRecord &record)
{
    Json mounts = Json::array();
    for (const ContainerRecord::Mount &m : record.mounts) {
        Json mount = {{"Type", m.volume.isEmpty() ? "bind" : "volume"}};
        if (!m.volume.isEmpty())
            mount["Name"] = m.volume.toStdString();
        mount["Source"] = m.source.toStdString();
        mount["Destination"] = m.destination.toStdString();
        mount["Mode"] = m.readOnly ? "ro" : "";
        mount["RW"] = !m.readOnly;
        mount["BerthAnonymous"] = m.anonymous;
        mounts.push_back(mount);
    }
    return mounts;
}

QList<ContainerRecord::Mount> mountsFrom(const Json &mounts)
{
    QList<ContainerRecord::Mount> list;
    if (!mounts.is_array())
        return list;
    for (const Json &mount : mounts)
        if (mount.is_object())
            list << ContainerRecord::Mount{berth::json::string(mount, "Name"), berth::json::string(mount, "Source"),
                                           berth::json::string(mount, "Destination"), !mount.value("RW", true),
                                           mount.value("BerthAnonymous", false)};
    return list;
}

QList<NetworkEndpoint> endpointsFrom(const Json &settings)
{
    QList<NetworkEndpoint> endpoints;
    const Json networks = settings.value("Networks", Json::object());
    for (const auto &[name, value] : networks.items()) {
        NetworkEndpoint endpoint;
        endpoint.networkId = berth::json::string(value, "NetworkID");
        if (endpoint.networkId.isEmpty())
            continue; // none, host
        endpoint.network = QString::fromStdString(name);
        endpoint.aliases = berth::json::strings(value.value("Aliases", Json::array()));
        NetworkAttachment &n = endpoint.attachment;
        n.address = parseIpv4(berth::json::string(value, "IPAddress")).value_or(0);
        n.gateway = parseIpv4(berth::json::string(value, "Gateway")).value_or(0);
        n.prefix = value.value("IPPrefixLen", 0);
        n.macAddress = berth::json::string(value, "MacAddress");
        endpoints << endpoint;
    }
    if (!endpoints.isEmpty())
        if (auto ports = bindingsFromJson(nlohmann::json::parse(settings.value("Ports", Json::object()).dump())))
            endpoints.first().attachment.ports = *ports;
    return endpoints;
}

} // namespace

QByteArray ContainerRecord::toJson() const
{
    // Docker's inspect document, plus the spec as it was asked for under "BerthSpec" and what
    // the engine needs to find the monitor again under "BerthMonitor".
    const QByteArray specText = spec.toJson(); // its keys sorted, as they were always written
    const Json specJson = Json::parse(specText.cbegin(), specText.cend());
    Json config = specJson;
    config.erase("HostConfig");
    config.erase("Name");
    config["Env"] = berth::json::array<Json>(env);
    config["WorkingDir"] = workingDir.toStdString();
    config["User"] = user.toStdString();
    config["Hostname"] = (spec.config.hostname.isEmpty() ? shortId() : spec.config.hostname).toStdString();
    config["StopSignal"] = stopSignal.toStdString();
    const bool running = state.status == ContainerStatus::Running || state.status == ContainerStatus::Paused;
    Json json = {
        {"Id", id.toStdString()},
        {"Created", created.toStdString()},
        {"Path", path.toStdString()},
        {"Args", berth::json::array<Json>(args)},
        {"State",
         {{"Status", statusName(state.status).toStdString()},
          {"Running", running},
          {"Paused", state.status == ContainerStatus::Paused},
          {"Restarting", state.status == ContainerStatus::Restarting},
          {"OOMKilled", state.oomKilled},
          {"Dead", state.status == ContainerStatus::Dead},
          {"Pid", running ? state.pid : 0},
          {"ExitCode", state.exitCode},
          {"Error", state.error.toStdString()},
          {"StartedAt", state.startedAt.toStdString()},
          {"FinishedAt", state.finishedAt.toStdString()}}},
        {"Image", image.toString().toStdString()},
        {"Name", (u'/' + name).toStdString()},
        {"RestartCount", restartCount},
        {"Driver", "overlay2"},
        {"Platform", "linux"},
        {"HostConfig", specJson.at("HostConfig")},
        {"NetworkSettings", networkSettings(*this)},
        {"Mounts", mountsJson(*this)},
        {"Config", config},
        {"BerthSpec", specJson},
        {"BerthMonitor",
         {{"ManuallyStopped", manuallyStopped},
          {"Revision", revision},
          {"MonitorPid", monitor.monitorPid},
          {"MonitorStartTime", monitor.monitorStartTime},
          {"PidStartTime", monitor.pidStartTime},
          {"Cgroup", monitor.cgroup.toStdString()}}},
    };
    return QByteArray::fromStdString(json.dump());
}

Result<ContainerRecord> ContainerRecord::fromJson(const QByteArray &bytes)
{
    Json json;
    try {
        json = Json::parse(bytes.toStdString());
    } catch (const Json::exception &e) {
        return Error::internal(QStringLiteral("container record is not JSON: %1").arg(QString::fromUtf8(e.what())));
    }
    if (!json.is_object() || !json.contains("BerthSpec"))
        return Error::internal(QStringLiteral("container record lacks its spec"));
    ContainerRecord record;
    auto spec = ContainerSpec::fromJson(QByteArray::fromStdString(json.at("BerthSpec").dump()));
    if (!spec)
        return spec.error();
    record.spec = *spec;
    auto image = Digest::parse(berth::json::string(json, "Image"));
    if (!image)
        return image.error();
    record.image = *image;
    record.id = berth::json::string(json, "Id");
    record.name = berth::json::string(json, "Name").mid(1);
    record.created = berth::json::string(json, "Created");
    record.path = berth::json::string(json, "Path");
    record.args = berth::json::strings(json.value("Args", Json::array()));
    const Json config = json.value("Config", Json::object());
    record.env = berth::json::strings(config.value("Env", Json::array()));
    record.workingDir = berth::json::string(config, "WorkingDir");
    record.user = berth::json::string(config, "User");
    record.stopSignal = berth::json::string(config, "StopSignal");
    const Json state = json.value("State", Json::object());
    const QString status = berth::json::string(state, "Status");
    for (const auto &[value, name] : kStatusNames)
        if (status == QLatin1StringView(name))
            record.state.status = value;
    record.state.oomKilled = state.value("OOMKilled", false);
    record.state.pid = state.value("Pid", 0);
    record.state.exitCode = state.value("ExitCode", 0);
    record.state.error = berth::json::string(state, "Error");
    record.state.startedAt = berth::json::string(state, "StartedAt");
    record.state.finishedAt = berth::json::string(state, "FinishedAt");
    record.restartCount = json.value("RestartCount", 0);
    const Json monitor = json.value("BerthMonitor", Json::object());
    record.manuallyStopped = monitor.value("ManuallyStopped", false);
    record.revision = monitor.value("Revision", quint64(0));
    record.monitor.monitorPid = monitor.value("MonitorPid", 0);
    record.monitor.monitorStartTime = monitor.value("MonitorStartTime", quint64(0));
    record.monitor.pidStartTime = monitor.value("PidStartTime", quint64(0));
    record.monitor.cgroup = berth::json::string(monitor, "Cgroup");
    record.endpoints = endpointsFrom(json.value("NetworkSettings", Json::object()));
    record.mounts = mountsFrom(json.value("Mounts", Json::array()));
    return record;
}

} // namespace berth
