#include "cgroups.h"

#include "devicefilter.h"
#include "fileutil.h"
#include "system/uniquefd.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <fcntl.h>
#include <linux/magic.h>
#include <string_view>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <thread>
#include <unistd.h>

namespace berth::runtime {

namespace {

// The spec's device rules, then the devices every container has in its /dev, which stay
// usable whatever the spec denied (runc and crun grant them too), and mknod of any device.
std::vector<DeviceRule> withStandardDevices(std::vector<DeviceRule> rules)
{
    const auto character = [](int64_t major, int64_t minor, const char *access = "rwm") {
        return DeviceRule{true, "c", major, minor, access};
    };
    for (const DeviceRule &standard :
         {character(1, 3), character(1, 5), character(1, 7), character(1, 8), character(1, 9), character(5, 0), character(5, 1),
          character(5, 2), character(136, -1), character(-1, -1, "m"), DeviceRule{true, "b", -1, -1, "m"}})
        rules.push_back(standard);
    return rules;
}

constexpr const char *kCgroupRoot = "/sys/fs/cgroup";

// The parts of `text` between any of `separators`, without empty ones.  (No string streams: the
// monitor links this file, and streams would bring the locale machinery into its memory.)
std::vector<std::string_view> split(std::string_view text, std::string_view separators = " \t\n")
{
    std::vector<std::string_view> parts;
    for (size_t start = 0; (start = text.find_first_not_of(separators, start)) != std::string_view::npos;) {
        const size_t end = std::min(text.find_first_of(separators, start), text.size());
        parts.push_back(text.substr(start, end - start));
        start = end;
    }
    return parts;
}

// The whole file, or nothing if it cannot be read.
std::string readFile(const std::string &path)
{
    try {
        return readSmallFile(path);
    } catch (const RuntimeError &) {
        return {};
    }
}

uint64_t toNumber(std::string_view text)
{
    uint64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

// The value after `key` in a flat keyed file ("key value" per line).
uint64_t keyedValue(const std::string &text, std::string_view key)
{
    const std::vector<std::string_view> words = split(text);
    for (size_t i = 0; i + 1 < words.size(); i += 2)
        if (words[i] == key)
            return toNumber(words[i + 1]);
    return 0;
}

// The sums over every device of v2's io.stat ("8:0 rbytes=1 wbytes=2 ...") or v1's
// blkio.throttle.io_service_bytes ("8:0 Read 1").
std::pair<uint64_t, uint64_t> blockBytes(const std::string &text, bool unified)
{
    uint64_t read = 0, written = 0;
    std::string_view previous;
    for (std::string_view word : split(text)) {
        if (unified && word.starts_with("rbytes="))
            read += toNumber(word.substr(7));
        else if (unified && word.starts_with("wbytes="))
            written += toNumber(word.substr(7));
        else if (!unified && previous == "Read")
            read += toNumber(word);
        else if (!unified && previous == "Write")
            written += toNumber(word);
        previous = word;
    }
    return {read, written};
}

uint64_t number(const std::string &text)
{
    return text.starts_with("max") ? 0 : toNumber(text);
}

} // namespace

CgroupLayout CgroupLayout::detect()
{
    CgroupLayout layout;
    struct statfs fs
    {
    };
    if (::statfs(kCgroupRoot, &fs) == 0 && fs.f_type == CGROUP2_SUPER_MAGIC) {
        layout.unified = true;
        layout.unifiedRoot = kCgroupRoot;
        return layout;
    }
    // mountinfo: id parent major:minor root mountpoint options [optional...] - type source super
    const std::string mountinfo = readFile("/proc/self/mountinfo");
    for (std::string_view line : split(mountinfo, "\n")) {
        const auto dash = line.find(" - ");
        if (dash == std::string_view::npos)
            continue;
        const std::vector<std::string_view> head = split(line.substr(0, dash)), tail = split(line.substr(dash + 3));
        if (head.size() < 5 || tail.size() < 3 || tail[0] != "cgroup")
            continue;
        const std::string mountPoint(head[4]);
        std::string controllers;
        for (std::string_view option : split(tail[2], ",")) {
            if (option == "rw" || option == "ro" || option.starts_with("release_agent") || option == "clone_children"
                || option == "noprefix" || option == "xattr")
                continue;
            controllers += (controllers.empty() ? "" : ",") + std::string(option);
            if (!option.starts_with("name="))
                layout.v1Roots.emplace(option, mountPoint);
        }
        layout.v1Mounts.emplace(mountPoint, controllers);
    }
    if (layout.v1Roots.empty())
        throw RuntimeError("no cgroup hierarchy found under /sys/fs/cgroup");
    return layout;
}

Cgroup::Cgroup(CgroupLayout layout, std::string path)
    : m_layout(std::move(layout))
    , m_path(std::move(path))
{
    if (m_path.empty() || m_path.front() != '/')
        m_path = "/" + m_path;
}

std::string Cgroup::directory(const std::string &controller) const
{
    if (m_layout.unified)
        return m_layout.unifiedRoot + m_path;
    auto root = m_layout.v1Roots.find(controller);
    return root == m_layout.v1Roots.end() ? std::string() : root->second + m_path;
}

void Cgroup::write(const std::string &controller, const std::string &file, const std::string &value) const
{
    const std::string dir = directory(controller);
    if (dir.empty())
        throw RuntimeError("the " + controller + " cgroup controller is not available on this host");
    const std::string path = dir + "/" + file;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        throwErrno("cannot open " + path);
    const ssize_t written = ::write(fd, value.data(), value.size());
    const int error = errno;
    ::close(fd);
    if (written != static_cast<ssize_t>(value.size())) {
        errno = error;
        throwErrno("cannot write \"" + value + "\" to " + path);
    }
}

std::string Cgroup::read(const std::string &controller, const std::string &file) const
{
    const std::string dir = directory(controller);
    return dir.empty() ? std::string() : readFile(dir + "/" + file);
}

void Cgroup::create()
{
    auto makeAll = [](const std::string &dir) {
        std::string partial;
        for (std::string_view part : split(dir, "/")) {
            partial += "/" + std::string(part);
            if (::mkdir(partial.c_str(), 0755) != 0 && errno != EEXIST)
                throwErrno("cannot create cgroup " + partial);
        }
    };
    if (m_layout.unified) {
        enableV2Controllers();
        makeAll(directory(""));
        return;
    }
    for (const auto &[controller, root] : m_layout.v1Roots) {
        makeAll(root + m_path);
        if (controller == "cpuset") {
            // A new v1 cpuset starts with no CPUs and no memory nodes and refuses tasks; every
            // level inherits its parent's.
            std::string partial = root;
            for (std::string_view part : split(m_path, "/")) {
                const std::string parent = partial;
                partial += "/" + std::string(part);
                for (const char *file : {"cpuset.cpus", "cpuset.mems"}) {
                    std::string own = readFile(partial + "/" + file);
                    if (own.find_first_not_of(" \n") == std::string::npos) {
                        Cgroup level(m_layout, partial.substr(root.size()));
                        level.write("cpuset", file, readFile(parent + "/" + file));
                    }
                }
            }
        }
    }
}

void Cgroup::enableV2Controllers()
{
    // Each ancestor must delegate the controllers to its children before a leaf can use them.
    const std::string available = readFile(m_layout.unifiedRoot + "/cgroup.controllers");
    std::string enable;
    for (const char *controller : {"cpu", "cpuset", "memory", "pids", "io"})
        if (available.find(controller) != std::string::npos)
            enable += std::string(enable.empty() ? "+" : " +") + controller;
    auto delegate = [&](const std::string &dir) {
        const int fd = ::open((dir + "/cgroup.subtree_control").c_str(), O_WRONLY | O_CLOEXEC);
        if (fd >= 0) {
            [[maybe_unused]] ssize_t ignored = ::write(fd, enable.data(), enable.size());
            ::close(fd);
        }
    };
    std::string partial = m_layout.unifiedRoot;
    delegate(partial);
    const std::vector<std::string_view> parts = split(m_path, "/");
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
        partial += "/" + std::string(parts[i]);
        if (::mkdir(partial.c_str(), 0755) != 0 && errno != EEXIST)
            throwErrno("cannot create cgroup " + partial);
        delegate(partial);
    }
}

void Cgroup::apply(const Resources &resources)
{
    if (m_layout.unified)
        applyV2(resources);
    else
        applyV1(resources);
}

void Cgroup::applyV2(const Resources &r)
{
    if (r.memoryLimit)
        write("memory", "memory.max", *r.memoryLimit > 0 ? std::to_string(*r.memoryLimit) : "max");
    if (r.memorySwap && r.memoryLimit) {
        // v2 limits swap alone; the OCI value is memory plus swap.
        const std::string swap = *r.memorySwap < 0 ? "max" : std::to_string(std::max<int64_t>(0, *r.memorySwap - *r.memoryLimit));
        write("memory", "memory.swap.max", swap);
    }
    if (r.cpuShares) {
        // The conversion runc and crun use from the v1 range [2, 262144] to weights [1, 10000].
        const uint64_t shares = std::clamp<uint64_t>(*r.cpuShares, 2, 262144);
        write("cpu", "cpu.weight", std::to_string(1 + ((shares - 2) * 9999) / 262142));
    }
    if (r.cpuQuota || r.cpuPeriod) {
        const std::string quota = r.cpuQuota && *r.cpuQuota > 0 ? std::to_string(*r.cpuQuota) : "max";
        write("cpu", "cpu.max", quota + " " + std::to_string(r.cpuPeriod.value_or(100000)));
    }
    if (!r.cpusetCpus.empty())
        write("cpuset", "cpuset.cpus", r.cpusetCpus);
    if (r.pidsLimit)
        write("pids", "pids.max", *r.pidsLimit > 0 ? std::to_string(*r.pidsLimit) : "max");
    if (!r.devices.empty()) {
        const std::string dir = directory("");
        const UniqueFd cgroupDir(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (!cgroupDir)
            throwErrno("cannot open " + dir);
        attachDeviceFilter(cgroupDir.get(), withStandardDevices(r.devices));
    }
}

void Cgroup::applyV1(const Resources &r)
{
    if (r.memoryLimit && *r.memoryLimit > 0)
        write("memory", "memory.limit_in_bytes", std::to_string(*r.memoryLimit));
    if (r.memorySwap && *r.memorySwap != 0) {
        // Exists only with swap accounting; without it the limit on memory alone holds.
        if (::access((directory("memory") + "/memory.memsw.limit_in_bytes").c_str(), W_OK) == 0)
            write("memory", "memory.memsw.limit_in_bytes", std::to_string(*r.memorySwap));
    }
    if (r.disableOomKiller)
        write("memory", "memory.oom_control", "1");
    if (r.cpuShares)
        write("cpu", "cpu.shares", std::to_string(*r.cpuShares));
    if (r.cpuPeriod)
        write("cpu", "cpu.cfs_period_us", std::to_string(*r.cpuPeriod));
    if (r.cpuQuota)
        write("cpu", "cpu.cfs_quota_us", std::to_string(*r.cpuQuota));
    if (!r.cpusetCpus.empty())
        write("cpuset", "cpuset.cpus", r.cpusetCpus);
    if (r.pidsLimit)
        write("pids", "pids.max", *r.pidsLimit > 0 ? std::to_string(*r.pidsLimit) : "max");
    if (!r.devices.empty() && !directory("devices").empty()) {
        for (const DeviceRule &rule : withStandardDevices(r.devices)) {
            auto id = [](int64_t n) { return n < 0 ? std::string("*") : std::to_string(n); };
            const std::string entry = rule.type.empty() || rule.type == "a"
                ? std::string("a")
                : rule.type + " " + id(rule.major) + ":" + id(rule.minor) + " " + rule.access;
            write("devices", rule.allow ? "devices.allow" : "devices.deny", entry);
        }
    }
}

void Cgroup::enterSelf() const
{
    if (m_layout.unified) {
        write("", "cgroup.procs", "0");
        return;
    }
    for (const auto &[controller, root] : m_layout.v1Roots)
        write(controller, "tasks", "0");
}

int Cgroup::directoryForClone() const
{
    if (!m_layout.unified)
        return -1;
    const int fd = ::open(directory("").c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        throwErrno("cannot open cgroup " + directory(""));
    return fd;
}

void Cgroup::setFrozen(bool frozen)
{
    if (m_layout.unified) {
        write("", "cgroup.freeze", frozen ? "1" : "0");
        return;
    }
    write("freezer", "freezer.state", frozen ? "FROZEN" : "THAWED");
    // v1 freezes in the background; wait (bounded) until the kernel says it is done.
    for (int i = 0; i < 1000; ++i) {
        const std::string state = read("freezer", "freezer.state");
        if (state.starts_with(frozen ? "FROZEN" : "THAWED"))
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    throw RuntimeError("the container's processes did not " + std::string(frozen ? "freeze" : "thaw") + " in time");
}

bool Cgroup::oomKilled() const
{
    if (m_layout.unified)
        return keyedValue(read("memory", "memory.events"), "oom_kill") > 0;
    return keyedValue(read("memory", "memory.oom_control"), "oom_kill") > 0;
}

CgroupStats Cgroup::stats() const
{
    CgroupStats stats;
    if (m_layout.unified) {
        stats.memoryUsage = number(read("memory", "memory.current"));
        stats.memoryLimit = number(read("memory", "memory.max"));
        stats.cpuUsageNanoseconds = keyedValue(read("cpu", "cpu.stat"), "usage_usec") * 1000;
        std::tie(stats.blockRead, stats.blockWritten) = blockBytes(read("io", "io.stat"), true);
    } else {
        stats.memoryUsage = number(read("memory", "memory.usage_in_bytes"));
        stats.memoryLimit = number(read("memory", "memory.limit_in_bytes"));
        if (stats.memoryLimit >= (uint64_t(1) << 62))
            stats.memoryLimit = 0; // v1 says "unlimited" with a huge number
        stats.cpuUsageNanoseconds = number(read("cpuacct", "cpuacct.usage"));
        std::tie(stats.blockRead, stats.blockWritten) = blockBytes(read("blkio", "blkio.throttle.io_service_bytes"), false);
    }
    stats.pids = number(read("pids", "pids.current"));
    return stats;
}

std::vector<pid_t> Cgroup::processes() const
{
    std::vector<pid_t> pids;
    for (std::string_view pid : split(read(m_layout.unified ? "" : "pids", "cgroup.procs")))
        pids.push_back(static_cast<pid_t>(toNumber(pid)));
    return pids;
}

bool Cgroup::remove()
{
    std::vector<std::string> dirs;
    if (m_layout.unified)
        dirs.push_back(directory(""));
    else
        for (const auto &[controller, root] : m_layout.v1Roots)
            dirs.push_back(root + m_path);
    bool gone = true;
    for (const std::string &dir : dirs) {
        // Exiting tasks linger for a moment after their parent reaped them.
        int attempts = 0;
        while (::rmdir(dir.c_str()) != 0 && errno == EBUSY && ++attempts < 100)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        if (::access(dir.c_str(), F_OK) == 0)
            gone = false;
    }
    return gone;
}

std::string cgroupOfProcess(pid_t pid, const CgroupLayout &layout)
{
    const std::string text = readFile("/proc/" + std::to_string(pid) + "/cgroup");
    for (std::string_view line : split(text, "\n")) {
        // hierarchy-id:controllers:path
        const auto first = line.find(':'), second = line.find(':', first + 1);
        if (first == std::string_view::npos || second == std::string_view::npos)
            continue;
        const std::vector<std::string_view> controllers = split(line.substr(first + 1, second - first - 1), ",");
        const bool wanted = layout.unified ? controllers.empty()
                                           : std::find(controllers.begin(), controllers.end(), "pids") != controllers.end();
        if (wanted)
            return std::string(line.substr(second + 1));
    }
    return {};
}

} // namespace berth::runtime
