#pragma once

// The part of the OCI runtime specification (config.json) that berth-runtime implements.
// Plain C++: the runtime binary links no Qt.  Unknown fields are ignored, as runc and crun do;
// a field of the wrong type is an error naming the field.

#include "error.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace berth::runtime {

struct Mount
{
    std::string destination;
    std::string type;
    std::string source;
    std::vector<std::string> options;
};

struct Rlimit
{
    std::string type;
    uint64_t soft = 0;
    uint64_t hard = 0;
};

struct User
{
    uint32_t uid = 0;
    uint32_t gid = 0;
    std::vector<uint32_t> additionalGids;
};

struct Capabilities
{
    std::vector<std::string> bounding;
    std::vector<std::string> effective;
    std::vector<std::string> permitted;
    std::vector<std::string> inheritable;
    std::vector<std::string> ambient;
};

struct Process
{
    bool terminal = false;
    unsigned consoleRows = 0; // process.consoleSize.height
    unsigned consoleColumns = 0; // process.consoleSize.width
    User user;
    std::vector<std::string> args;
    std::vector<std::string> env;
    std::string cwd = "/";
    Capabilities capabilities;
    std::vector<Rlimit> rlimits;
    bool noNewPrivileges = false;
};

struct Namespace
{
    std::string type;
    std::string path; // empty: a new namespace
};

struct DeviceRule
{
    bool allow = false;
    std::string type = "a"; // a, c or b
    int64_t major = -1; // -1: any
    int64_t minor = -1;
    std::string access = "rwm";
};

// A node of linux.devices, made in the container's /dev: `--device`, and all of the host's
// with --privileged.
struct DeviceNode
{
    std::string path; // below /dev
    std::string type; // c or b
    int64_t major = 0;
    int64_t minor = 0;
    uint32_t fileMode = 0666;
    uint32_t uid = 0;
    uint32_t gid = 0;
};

struct Resources
{
    std::optional<int64_t> memoryLimit;
    std::optional<int64_t> memorySwap; // memory + swap, as in the OCI spec; -1 unlimited
    bool disableOomKiller = false;
    std::optional<uint64_t> cpuShares;
    std::optional<int64_t> cpuQuota;
    std::optional<uint64_t> cpuPeriod;
    std::string cpusetCpus;
    std::optional<int64_t> pidsLimit;
    std::vector<DeviceRule> devices;
};

struct SeccompArg
{
    unsigned index = 0;
    uint64_t value = 0;
    uint64_t valueTwo = 0;
    std::string op;
};

struct SeccompRule
{
    std::vector<std::string> names;
    std::string action;
    std::optional<unsigned> errnoRet;
    std::vector<SeccompArg> args;
};

struct Seccomp
{
    std::string defaultAction;
    std::optional<unsigned> defaultErrnoRet;
    std::vector<std::string> architectures;
    std::vector<SeccompRule> syscalls;
};

struct Spec
{
    Process process;
    std::string rootPath;
    bool rootReadonly = false;
    std::string hostname;
    std::vector<Mount> mounts;
    std::map<std::string, std::string> annotations;
    std::vector<Namespace> namespaces;
    std::string cgroupsPath;
    Resources resources;
    std::vector<std::string> maskedPaths;
    std::vector<std::string> readonlyPaths;
    std::vector<DeviceNode> devices;
    std::optional<Seccomp> seccomp;

    bool hasNamespace(const std::string &type) const;
};

// Reads `<bundle>/config.json`; a relative root path is taken relative to the bundle.
Spec loadSpec(const std::string &bundle);
Spec parseSpec(const std::string &json, const std::string &bundle);

// Annotations berth-runtime understands beyond the OCI spec.
inline constexpr const char *kOverlayAnnotation = "org.berth.rootfs.overlay"; // overlayfs options
// Bind mounts (by destination, one a line) whose source, when empty, gets a copy of what the
// image has at the destination first: docker's filling of a new volume.
inline constexpr const char *kCopyUpAnnotation = "org.berth.mounts.copyup";
inline constexpr const char *kUserAnnotation = "org.berth.user"; // "name[:group]" from /etc/passwd

} // namespace berth::runtime
