#include "capabilities.h"

#include "core/fileutil.h"

#include <array>
#include <cstdint>
#include <linux/capability.h>
#include <string_view>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

// Index = capability number (linux/capability.h).
constexpr std::array<std::string_view, 41> kNames = {
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_DAC_READ_SEARCH",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETPCAP",
    "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE",
    "CAP_NET_BROADCAST",
    "CAP_NET_ADMIN",
    "CAP_NET_RAW",
    "CAP_IPC_LOCK",
    "CAP_IPC_OWNER",
    "CAP_SYS_MODULE",
    "CAP_SYS_RAWIO",
    "CAP_SYS_CHROOT",
    "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT",
    "CAP_SYS_ADMIN",
    "CAP_SYS_BOOT",
    "CAP_SYS_NICE",
    "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME",
    "CAP_SYS_TTY_CONFIG",
    "CAP_MKNOD",
    "CAP_LEASE",
    "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL",
    "CAP_SETFCAP",
    "CAP_MAC_OVERRIDE",
    "CAP_MAC_ADMIN",
    "CAP_SYSLOG",
    "CAP_WAKE_ALARM",
    "CAP_BLOCK_SUSPEND",
    "CAP_AUDIT_READ",
    "CAP_PERFMON",
    "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
};

// The kernel's highest capability, read once: it is asked for every capability set and drop.
int lastCapability()
{
    static const int last = [] {
        try {
            return std::stoi(readSmallFile("/proc/sys/kernel/cap_last_cap", 64));
        } catch (const std::exception &) {
            return int(CAP_LAST_CAP);
        }
    }();
    return last;
}

std::array<uint32_t, 2> mask(const std::vector<std::string> &names)
{
    std::array<uint32_t, 2> bits{};
    for (const std::string &name : names) {
        const int n = capabilityNumber(name);
        if (n < 0)
            throw RuntimeError("unknown capability \"" + name + "\"");
        if (n <= lastCapability())
            bits[n / 32] |= 1u << (n % 32);
    }
    return bits;
}

} // namespace

int capabilityNumber(const std::string &name)
{
    for (size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i] == name)
            return static_cast<int>(i);
    return -1;
}

void limitBoundingSet(const Capabilities &capabilities)
{
    const std::array<uint32_t, 2> keep = mask(capabilities.bounding);
    for (int cap = 0; cap <= lastCapability(); ++cap) {
        if (keep[cap / 32] & (1u << (cap % 32)))
            continue;
        if (::prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 && errno != EINVAL)
            throwErrno("cannot drop a capability from the bounding set");
    }
}

void applyCapabilities(const Capabilities &capabilities)
{
    const auto effective = mask(capabilities.effective);
    const auto permitted = mask(capabilities.permitted);
    const auto inheritable = mask(capabilities.inheritable);
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2] = {};
    for (int i = 0; i < 2; ++i) {
        data[i].effective = effective[i];
        data[i].permitted = permitted[i];
        data[i].inheritable = inheritable[i];
    }
    if (::syscall(SYS_capset, &header, data) != 0)
        throwErrno("cannot set the process capabilities");
    if (::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0)
        throwErrno("cannot clear the ambient capabilities");
    // A capability can only be ambient when it is also inheritable; runc skips the others too.
    for (const std::string &name : capabilities.ambient)
        ::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, capabilityNumber(name), 0, 0);
}

} // namespace berth::runtime
