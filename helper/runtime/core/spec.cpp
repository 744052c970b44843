#include "spec.h"

#include "fileutil.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>

namespace berth::runtime {

using Json = nlohmann::json;

bool Spec::hasNamespace(const std::string &type) const
{
    for (const Namespace &ns : namespaces)
        if (ns.type == type)
            return true;
    return false;
}

namespace {

// Reads the optional member `key` of `object` into `out`, naming the field when its type is wrong.
template<typename T> void read(const Json &object, const char *key, T &out, const std::string &where)
{
    auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return;
    try {
        out = it->get<T>();
    } catch (const Json::exception &) {
        throw RuntimeError("config.json: " + where + "." + key + " has the wrong type");
    }
}

template<typename T> void read(const Json &object, const char *key, std::optional<T> &out, const std::string &where)
{
    T value{};
    if (object.contains(key) && !object.at(key).is_null()) {
        read(object, key, value, where);
        out = value;
    }
}

const Json &member(const Json &object, const char *key)
{
    static const Json empty = Json::object();
    auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return empty;
    if (!it->is_object() && !it->is_array())
        throw RuntimeError(std::string("config.json: ") + key + " must be an object or array");
    return *it;
}

Process parseProcess(const Json &json)
{
    Process process;
    read(json, "terminal", process.terminal, "process");
    read(member(json, "consoleSize"), "height", process.consoleRows, "process.consoleSize");
    read(member(json, "consoleSize"), "width", process.consoleColumns, "process.consoleSize");
    read(json, "args", process.args, "process");
    read(json, "env", process.env, "process");
    read(json, "cwd", process.cwd, "process");
    read(json, "noNewPrivileges", process.noNewPrivileges, "process");
    const Json &user = member(json, "user");
    read(user, "uid", process.user.uid, "process.user");
    read(user, "gid", process.user.gid, "process.user");
    read(user, "additionalGids", process.user.additionalGids, "process.user");
    const Json &caps = member(json, "capabilities");
    read(caps, "bounding", process.capabilities.bounding, "process.capabilities");
    read(caps, "effective", process.capabilities.effective, "process.capabilities");
    read(caps, "permitted", process.capabilities.permitted, "process.capabilities");
    read(caps, "inheritable", process.capabilities.inheritable, "process.capabilities");
    read(caps, "ambient", process.capabilities.ambient, "process.capabilities");
    for (const Json &limit : member(json, "rlimits")) {
        Rlimit rlimit;
        read(limit, "type", rlimit.type, "process.rlimits[]");
        read(limit, "soft", rlimit.soft, "process.rlimits[]");
        read(limit, "hard", rlimit.hard, "process.rlimits[]");
        process.rlimits.push_back(rlimit);
    }
    if (process.args.empty())
        throw RuntimeError("config.json: process.args is empty: there is no command to run");
    return process;
}

Resources parseResources(const Json &json)
{
    Resources resources;
    const Json &memory = member(json, "memory");
    read(memory, "limit", resources.memoryLimit, "linux.resources.memory");
    read(memory, "swap", resources.memorySwap, "linux.resources.memory");
    read(memory, "disableOOMKiller", resources.disableOomKiller, "linux.resources.memory");
    const Json &cpu = member(json, "cpu");
    read(cpu, "shares", resources.cpuShares, "linux.resources.cpu");
    read(cpu, "quota", resources.cpuQuota, "linux.resources.cpu");
    read(cpu, "period", resources.cpuPeriod, "linux.resources.cpu");
    read(cpu, "cpus", resources.cpusetCpus, "linux.resources.cpu");
    read(member(json, "pids"), "limit", resources.pidsLimit, "linux.resources.pids");
    for (const Json &device : member(json, "devices")) {
        DeviceRule rule;
        read(device, "allow", rule.allow, "linux.resources.devices[]");
        read(device, "type", rule.type, "linux.resources.devices[]");
        read(device, "major", rule.major, "linux.resources.devices[]");
        read(device, "minor", rule.minor, "linux.resources.devices[]");
        read(device, "access", rule.access, "linux.resources.devices[]");
        resources.devices.push_back(rule);
    }
    return resources;
}

Seccomp parseSeccomp(const Json &json)
{
    Seccomp seccomp;
    read(json, "defaultAction", seccomp.defaultAction, "linux.seccomp");
    read(json, "defaultErrnoRet", seccomp.defaultErrnoRet, "linux.seccomp");
    read(json, "architectures", seccomp.architectures, "linux.seccomp");
    for (const Json &entry : member(json, "syscalls")) {
        SeccompRule rule;
        read(entry, "names", rule.names, "linux.seccomp.syscalls[]");
        read(entry, "action", rule.action, "linux.seccomp.syscalls[]");
        read(entry, "errnoRet", rule.errnoRet, "linux.seccomp.syscalls[]");
        for (const Json &arg : member(entry, "args")) {
            SeccompArg a;
            read(arg, "index", a.index, "linux.seccomp.syscalls[].args[]");
            read(arg, "value", a.value, "linux.seccomp.syscalls[].args[]");
            read(arg, "valueTwo", a.valueTwo, "linux.seccomp.syscalls[].args[]");
            read(arg, "op", a.op, "linux.seccomp.syscalls[].args[]");
            rule.args.push_back(a);
        }
        seccomp.syscalls.push_back(rule);
    }
    return seccomp;
}

} // namespace

Spec parseSpec(const std::string &text, const std::string &bundle)
{
    Json json;
    try {
        json = Json::parse(text);
    } catch (const Json::exception &e) {
        throw RuntimeError(std::string("config.json is not valid JSON: ") + e.what());
    }
    if (!json.is_object())
        throw RuntimeError("config.json must hold an object");

    Spec spec;
    spec.process = parseProcess(member(json, "process"));
    const Json &root = member(json, "root");
    read(root, "path", spec.rootPath, "root");
    read(root, "readonly", spec.rootReadonly, "root");
    if (spec.rootPath.empty())
        throw RuntimeError("config.json: root.path is missing");
    if (spec.rootPath.front() != '/')
        spec.rootPath = bundle + "/" + spec.rootPath;
    read(json, "hostname", spec.hostname, "");
    read(json, "annotations", spec.annotations, "");
    for (const Json &entry : member(json, "mounts")) {
        Mount mount;
        read(entry, "destination", mount.destination, "mounts[]");
        read(entry, "type", mount.type, "mounts[]");
        read(entry, "source", mount.source, "mounts[]");
        read(entry, "options", mount.options, "mounts[]");
        if (mount.destination.empty() || mount.destination.front() != '/')
            throw RuntimeError("config.json: a mount destination must be an absolute path: \"" + mount.destination + "\"");
        spec.mounts.push_back(mount);
    }

    const Json &linux = member(json, "linux");
    for (const Json &entry : member(linux, "namespaces")) {
        Namespace ns;
        read(entry, "type", ns.type, "linux.namespaces[]");
        read(entry, "path", ns.path, "linux.namespaces[]");
        spec.namespaces.push_back(ns);
    }
    read(linux, "cgroupsPath", spec.cgroupsPath, "linux");
    spec.resources = parseResources(member(linux, "resources"));
    read(linux, "maskedPaths", spec.maskedPaths, "linux");
    read(linux, "readonlyPaths", spec.readonlyPaths, "linux");
    for (const Json &entry : member(linux, "devices")) {
        DeviceNode &node = spec.devices.emplace_back();
        read(entry, "path", node.path, "linux.devices[]");
        read(entry, "type", node.type, "linux.devices[]");
        read(entry, "major", node.major, "linux.devices[]");
        read(entry, "minor", node.minor, "linux.devices[]");
        read(entry, "fileMode", node.fileMode, "linux.devices[]");
        read(entry, "uid", node.uid, "linux.devices[]");
        read(entry, "gid", node.gid, "linux.devices[]");
        if (node.path.rfind("/dev/", 0) != 0 || node.path.find("/../") != std::string::npos || node.path.ends_with("/..")
            || (node.type != "c" && node.type != "b"))
            throw RuntimeError("linux.devices[]: \"" + node.path + "\" must be a c or b device below /dev");
    }
    if (linux.contains("seccomp") && !linux.at("seccomp").is_null())
        spec.seccomp = parseSeccomp(member(linux, "seccomp"));
    return spec;
}

Spec loadSpec(const std::string &bundle)
{
    return parseSpec(readSmallFile(bundle + "/config.json", 16 << 20), bundle);
}

} // namespace berth::runtime
