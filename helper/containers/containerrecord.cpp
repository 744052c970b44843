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

QString string(const Json &json, const char *key)
{
    auto it = json.find(key);
    return it != json.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

} // namespace

QString statusName(ContainerStatus status)
{
    return QString::fromLatin1(kStatusNames[int(status)].second);
}

namespace {

// docker's NetworkSettings: the address on the bridge, and the published ports by container
// port ({"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "8080"}]}).
Json networkSettings(const ContainerRecord &record)
{
    const NetworkAttachment &n = record.network;
    const bool attached = n.address != 0;
    Json ports = Json::object();
    for (const PortBinding &port : n.ports)
        ports[port.containerKey().toStdString()].push_back(
            {{"HostIp", (port.hostIp.isEmpty() ? QStringLiteral("0.0.0.0") : port.hostIp).toStdString()},
             {"HostPort", std::to_string(port.hostPort)}});
    const Json endpoint = {
        {"IPAddress", attached ? ipv4Text(n.address).toStdString() : ""},
        {"IPPrefixLen", attached ? n.prefix : 0},
        {"Gateway", attached ? ipv4Text(n.gateway).toStdString() : ""},
        {"MacAddress", n.macAddress.toStdString()},
    };
    Json settings = endpoint;
    settings["Ports"] = ports;
    settings["Networks"] = Json::object();
    if (!record.networkName.isEmpty())
        settings["Networks"][record.networkName.toStdString()] = endpoint;
    return settings;
}

NetworkAttachment attachmentFrom(const Json &settings)
{
    NetworkAttachment n;
    n.address = parseIpv4(QString::fromStdString(settings.value("IPAddress", std::string()))).value_or(0);
    n.gateway = parseIpv4(QString::fromStdString(settings.value("Gateway", std::string()))).value_or(0);
    n.prefix = settings.value("IPPrefixLen", 0);
    n.macAddress = QString::fromStdString(settings.value("MacAddress", std::string()));
    if (auto ports = bindingsFromJson(settings.value("Ports", Json::object())))
        n.ports = *ports;
    return n;
}

} // namespace

QByteArray ContainerRecord::toJson() const
{
    // Docker's inspect document, plus the spec as it was asked for under "BerthSpec" and what
    // the engine needs to find the monitor again under "BerthMonitor".
    const nlohmann::json specJson = nlohmann::json::parse(spec.toJson().toStdString());
    Json config = Json::parse(specJson.dump());
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
        {"HostConfig", Json::parse(specJson.at("HostConfig").dump())},
        {"NetworkSettings", networkSettings(*this)},
        {"Config", config},
        {"BerthSpec", Json::parse(specJson.dump())},
        {"BerthMonitor",
         {{"ManuallyStopped", manuallyStopped},
          {"MonitorPid", monitor.monitorPid},
          {"MonitorStartTime", monitor.monitorStartTime},
          {"PidStartTime", monitor.pidStartTime},
          {"Cgroup", monitor.cgroup.toStdString()},
          {"Network", networkName.toStdString()}}},
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
    auto image = Digest::parse(string(json, "Image"));
    if (!image)
        return image.error();
    record.image = *image;
    record.id = string(json, "Id");
    record.name = string(json, "Name").mid(1);
    record.created = string(json, "Created");
    record.path = string(json, "Path");
    record.args = berth::json::strings(json.value("Args", Json::array()));
    const Json config = json.value("Config", Json::object());
    record.env = berth::json::strings(config.value("Env", Json::array()));
    record.workingDir = string(config, "WorkingDir");
    record.user = string(config, "User");
    record.stopSignal = string(config, "StopSignal");
    const Json state = json.value("State", Json::object());
    const QString status = string(state, "Status");
    for (const auto &[value, name] : kStatusNames)
        if (status == QLatin1StringView(name))
            record.state.status = value;
    record.state.oomKilled = state.value("OOMKilled", false);
    record.state.pid = state.value("Pid", 0);
    record.state.exitCode = state.value("ExitCode", 0);
    record.state.error = string(state, "Error");
    record.state.startedAt = string(state, "StartedAt");
    record.state.finishedAt = string(state, "FinishedAt");
    record.restartCount = json.value("RestartCount", 0);
    const Json monitor = json.value("BerthMonitor", Json::object());
    record.manuallyStopped = monitor.value("ManuallyStopped", false);
    record.monitor.monitorPid = monitor.value("MonitorPid", 0);
    record.monitor.monitorStartTime = monitor.value("MonitorStartTime", quint64(0));
    record.monitor.pidStartTime = monitor.value("PidStartTime", quint64(0));
    record.monitor.cgroup = string(monitor, "Cgroup");
    record.networkName = string(monitor, "Network");
    record.network = attachmentFrom(json.value("NetworkSettings", Json::object()));
    return record;
}

} // namespace berth
