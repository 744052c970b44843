#include "seccompprofile.h"

#include <algorithm>

namespace berth {
namespace {

using Json = nlohmann::json;

// What any container may call.  Names unknown to an architecture are skipped by the runtime.
const char *const kAllowed[] = {
    "_llseek",
    "_newselect",
    "accept",
    "accept4",
    "access",
    "adjtimex",
    "alarm",
    "arch_prctl",
    "bind",
    "brk",
    "capget",
    "capset",
    "chdir",
    "chmod",
    "chown",
    "chown32",
    "chroot",
    "clock_adjtime",
    "clock_adjtime64",
    "clock_getres",
    "clock_getres_time64",
    "clock_gettime",
    "clock_gettime64",
    "clock_nanosleep",
    "clock_nanosleep_time64",
    "close",
    "close_range",
    "connect",
    "copy_file_range",
    "creat",
    "dup",
    "dup2",
    "dup3",
    "epoll_create",
    "epoll_create1",
    "epoll_ctl",
    "epoll_ctl_old",
    "epoll_pwait",
    "epoll_pwait2",
    "epoll_wait",
    "epoll_wait_old",
    "eventfd",
    "eventfd2",
    "execve",
    "execveat",
    "exit",
    "exit_group",
    "faccessat",
    "faccessat2",
    "fadvise64",
    "fadvise64_64",
    "fallocate",
    "fanotify_mark",
    "fchdir",
    "fchmod",
    "fchmodat",
    "fchmodat2",
    "fchown",
    "fchown32",
    "fchownat",
    "fcntl",
    "fcntl64",
    "fdatasync",
    "fgetxattr",
    "flistxattr",
    "flock",
    "fork",
    "fremovexattr",
    "fsetxattr",
    "fstat",
    "fstat64",
    "fstatat64",
    "fstatfs",
    "fstatfs64",
    "fsync",
    "ftruncate",
    "ftruncate64",
    "futex",
    "futex_requeue",
    "futex_time64",
    "futex_wait",
    "futex_waitv",
    "futex_wake",
    "futimesat",
    "get_robust_list",
    "get_thread_area",
    "getcpu",
    "getcwd",
    "getdents",
    "getdents64",
    "getegid",
    "getegid32",
    "geteuid",
    "geteuid32",
    "getgid",
    "getgid32",
    "getgroups",
    "getgroups32",
    "getitimer",
    "getpeername",
    "getpgid",
    "getpgrp",
    "getpid",
    "getppid",
    "getpriority",
    "getrandom",
    "getresgid",
    "getresgid32",
    "getresuid",
    "getresuid32",
    "getrlimit",
    "getrusage",
    "getsid",
    "getsockname",
    "getsockopt",
    "gettid",
    "gettimeofday",
    "getuid",
    "getuid32",
    "getxattr",
    "inotify_add_watch",
    "inotify_init",
    "inotify_init1",
    "inotify_rm_watch",
    "io_cancel",
    "io_destroy",
    "io_getevents",
    "io_pgetevents",
    "io_pgetevents_time64",
    "io_setup",
    "io_submit",
    "ioctl",
    "ioprio_get",
    "ioprio_set",
    "ipc",
    "kill",
    "landlock_add_rule",
    "landlock_create_ruleset",
    "landlock_restrict_self",
    "lchown",
    "lchown32",
    "lgetxattr",
    "link",
    "linkat",
    "listen",
    "listxattr",
    "llistxattr",
    "lremovexattr",
    "lseek",
    "lsetxattr",
    "lstat",
    "lstat64",
    "madvise",
    "map_shadow_stack",
    "membarrier",
    "memfd_create",
    "memfd_secret",
    "mincore",
    "mkdir",
    "mkdirat",
    "mknod",
    "mknodat",
    "mlock",
    "mlock2",
    "mlockall",
    "mmap",
    "mmap2",
    "modify_ldt",
    "mprotect",
    "mq_getsetattr",
    "mq_notify",
    "mq_open",
    "mq_timedreceive",
    "mq_timedreceive_time64",
    "mq_timedsend",
    "mq_timedsend_time64",
    "mq_unlink",
    "mremap",
    "msgctl",
    "msgget",
    "msgrcv",
    "msgsnd",
    "msync",
    "munlock",
    "munlockall",
    "munmap",
    "name_to_handle_at",
    "nanosleep",
    "newfstatat",
    "open",
    "openat",
    "openat2",
    "pause",
    "pidfd_open",
    "pidfd_send_signal",
    "pipe",
    "pipe2",
    "pkey_alloc",
    "pkey_free",
    "pkey_mprotect",
    "poll",
    "ppoll",
    "ppoll_time64",
    "prctl",
    "pread64",
    "preadv",
    "preadv2",
    "prlimit64",
    "process_mrelease",
    "pselect6",
    "pselect6_time64",
    "ptrace",
    "pwrite64",
    "pwritev",
    "pwritev2",
    "read",
    "readahead",
    "readlink",
    "readlinkat",
    "readv",
    "recv",
    "recvfrom",
    "recvmmsg",
    "recvmmsg_time64",
    "recvmsg",
    "remap_file_pages",
    "removexattr",
    "rename",
    "renameat",
    "renameat2",
    "restart_syscall",
    "rmdir",
    "rseq",
    "rt_sigaction",
    "rt_sigpending",
    "rt_sigprocmask",
    "rt_sigqueueinfo",
    "rt_sigreturn",
    "rt_sigsuspend",
    "rt_sigtimedwait",
    "rt_sigtimedwait_time64",
    "rt_tgsigqueueinfo",
    "sched_get_priority_max",
    "sched_get_priority_min",
    "sched_getaffinity",
    "sched_getattr",
    "sched_getparam",
    "sched_getscheduler",
    "sched_rr_get_interval",
    "sched_rr_get_interval_time64",
    "sched_setaffinity",
    "sched_setattr",
    "sched_setparam",
    "sched_setscheduler",
    "sched_yield",
    "seccomp",
    "select",
    "semctl",
    "semget",
    "semop",
    "semtimedop",
    "semtimedop_time64",
    "send",
    "sendfile",
    "sendfile64",
    "sendmmsg",
    "sendmsg",
    "sendto",
    "set_robust_list",
    "set_thread_area",
    "set_tid_address",
    "setfsgid",
    "setfsgid32",
    "setfsuid",
    "setfsuid32",
    "setgid",
    "setgid32",
    "setgroups",
    "setgroups32",
    "setitimer",
    "setpgid",
    "setpriority",
    "setregid",
    "setregid32",
    "setresgid",
    "setresgid32",
    "setresuid",
    "setresuid32",
    "setreuid",
    "setreuid32",
    "setrlimit",
    "setsid",
    "setsockopt",
    "setuid",
    "setuid32",
    "setxattr",
    "shmat",
    "shmctl",
    "shmdt",
    "shmget",
    "shutdown",
    "sigaltstack",
    "signalfd",
    "signalfd4",
    "sigprocmask",
    "sigreturn",
    "socket",
    "socketcall",
    "socketpair",
    "splice",
    "stat",
    "stat64",
    "statfs",
    "statfs64",
    "statx",
    "symlink",
    "symlinkat",
    "sync",
    "sync_file_range",
    "syncfs",
    "sysinfo",
    "tee",
    "tgkill",
    "time",
    "timer_create",
    "timer_delete",
    "timer_getoverrun",
    "timer_gettime",
    "timer_gettime64",
    "timer_settime",
    "timer_settime64",
    "timerfd_create",
    "timerfd_gettime",
    "timerfd_gettime64",
    "timerfd_settime",
    "timerfd_settime64",
    "times",
    "tkill",
    "truncate",
    "truncate64",
    "ugetrlimit",
    "umask",
    "uname",
    "unlink",
    "unlinkat",
    "utime",
    "utimensat",
    "utimensat_time64",
    "utimes",
    "vfork",
    "vmsplice",
    "wait4",
    "waitid",
    "waitpid",
    "write",
    "writev",
};

// More calls for a container that holds the capability guarding them.
struct Guarded
{
    const char *capability;
    std::vector<const char *> syscalls;
};

const Guarded kGuarded[] = {
    {"CAP_SYS_ADMIN", {"bpf",       "clone",           "clone3",         "fanotify_init", "fsconfig",      "fsmount",
                       "fsopen",    "fspick",          "lookup_dcookie", "mount",         "mount_setattr", "move_mount",
                       "open_tree", "perf_event_open", "quotactl",       "quotactl_fd",   "setdomainname", "sethostname",
                       "setns",     "syslog",          "umount",         "umount2",       "unshare",       "pivot_root"}},
    {"CAP_SYS_BOOT", {"reboot"}},
    {"CAP_SYS_CHROOT", {"chroot"}},
    {"CAP_SYS_MODULE", {"delete_module", "init_module", "finit_module"}},
    {"CAP_SYS_PACCT", {"acct"}},
    {"CAP_SYS_PTRACE", {"kcmp", "pidfd_getfd", "process_madvise", "process_vm_readv", "process_vm_writev"}},
    {"CAP_SYS_RAWIO", {"iopl", "ioperm"}},
    {"CAP_SYS_TIME", {"settimeofday", "stime", "clock_settime", "clock_settime64"}},
    {"CAP_SYS_TTY_CONFIG", {"vhangup"}},
    {"CAP_SYS_NICE", {"get_mempolicy", "mbind", "set_mempolicy", "set_mempolicy_home_node", "move_pages"}},
    {"CAP_SYSLOG", {"syslog"}},
    {"CAP_BPF", {"bpf"}},
    {"CAP_PERFMON", {"perf_event_open"}},
};

// The host's architecture and those its kernel also runs.
#if defined(__x86_64__)
const Json kArchitectures = {"SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"};
#elif defined(__aarch64__)
const Json kArchitectures = {"SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM"};
#else
const Json kArchitectures = Json::array(); // the native one only
#endif

Json names(const std::vector<const char *> &list)
{
    Json array = Json::array();
    for (const char *name : list)
        array.push_back(name);
    return array;
}

// docker's and Go's name of this machine's architecture, as a profile's includes.arches says it.
#if defined(__x86_64__)
constexpr const char *kNativeArch = "amd64";
constexpr const char *kNativeScmpArch = "SCMP_ARCH_X86_64";
#elif defined(__aarch64__)
constexpr const char *kNativeArch = "arm64";
constexpr const char *kNativeScmpArch = "SCMP_ARCH_AARCH64";
#else
constexpr const char *kNativeArch = "";
constexpr const char *kNativeScmpArch = "";
#endif

// Whether a rule's includes (all must hold) and excludes (none may) fit this container.
bool ruleApplies(const Json &rule, const QStringList &capabilities)
{
    const auto hasCap = [&](const Json &cap) { return cap.is_string() && capabilities.contains(QString::fromStdString(cap)); };
    const auto isNative = [](const Json &arch) { return arch.is_string() && arch.get<std::string>() == kNativeArch; };
    const Json includes = rule.value("includes", Json::object());
    const Json excludes = rule.value("excludes", Json::object());
    const Json includedCaps = includes.value("caps", Json::array()), includedArches = includes.value("arches", Json::array());
    const Json excludedCaps = excludes.value("caps", Json::array()), excludedArches = excludes.value("arches", Json::array());
    return std::all_of(includedCaps.begin(), includedCaps.end(), hasCap)
        && (includedArches.empty() || std::any_of(includedArches.begin(), includedArches.end(), isNative))
        && std::none_of(excludedCaps.begin(), excludedCaps.end(), hasCap)
        && std::none_of(excludedArches.begin(), excludedArches.end(), isNative);
}

} // namespace

Result<Json> seccompFromDockerProfile(const QByteArray &profile, const QStringList &capabilities)
try {
    const Json docker = Json::parse(profile.toStdString(), nullptr, false);
    if (!docker.is_object() || !docker.value("defaultAction", Json()).is_string())
        return Error::invalidArgument(QStringLiteral("the seccomp profile must be a JSON object with a defaultAction"));
    Json oci = {{"defaultAction", docker["defaultAction"]}, {"syscalls", Json::array()}};
    if (docker.contains("defaultErrnoRet"))
        oci["defaultErrnoRet"] = docker["defaultErrnoRet"];
    Json architectures = docker.value("architectures", Json::array());
    for (const Json &entry : docker.value("archMap", Json::array()))
        if (entry.is_object() && entry.value("architecture", std::string()) == kNativeScmpArch) {
            architectures = Json::array({kNativeScmpArch});
            for (const Json &sub : entry.value("subArchitectures", Json::array()))
                architectures.push_back(sub);
        }
    oci["architectures"] = architectures;
    for (const Json &rule : docker.value("syscalls", Json::array())) {
        if (!rule.is_object() || !ruleApplies(rule, capabilities))
            continue;
        Json names = rule.value("names", Json::array());
        if (rule.contains("name"))
            names.push_back(rule["name"]);
        Json kept = {{"names", names}, {"action", rule.value("action", Json("SCMP_ACT_ALLOW"))}};
        for (const char *key : {"args", "errnoRet"})
            if (rule.contains(key))
                kept[key] = rule[key];
        oci["syscalls"].push_back(kept);
    }
    return oci;
} catch (const Json::exception &e) {
    // A field of the wrong type, say "includes": 5.
    return Error::invalidArgument(QStringLiteral("the seccomp profile cannot be read: %1").arg(QString::fromUtf8(e.what())));
}

Json defaultSeccompProfile(const QStringList &capabilities)
{
    Json rules = Json::array();
    rules.push_back({{"names", names({std::begin(kAllowed), std::end(kAllowed)})}, {"action", "SCMP_ACT_ALLOW"}});

    // Personalities that only change how a program sees the machine, and the query.
    for (uint64_t persona : {0x0ull, 0x8ull, 0x20000ull, 0x20008ull, 0xffffffffull})
        rules.push_back({{"names", {"personality"}},
                         {"action", "SCMP_ACT_ALLOW"},
                         {"args", {{{"index", 0}, {"value", persona}, {"op", "SCMP_CMP_EQ"}}}}});

    const bool sysAdmin = capabilities.contains(QStringLiteral("CAP_SYS_ADMIN"));
    if (!sysAdmin) {
        // clone without a namespace flag; clone3 cannot be inspected, so it answers ENOSYS and
        // libc falls back to clone.
        constexpr uint64_t kNamespaceFlags = 0x7E020000;
        rules.push_back({{"names", {"clone"}},
                         {"action", "SCMP_ACT_ALLOW"},
                         {"args", {{{"index", 0}, {"value", kNamespaceFlags}, {"valueTwo", 0}, {"op", "SCMP_CMP_MASKED_EQ"}}}}});
        rules.push_back({{"names", {"clone3"}}, {"action", "SCMP_ACT_ERRNO"}, {"errnoRet", 38}});
    }
    for (const Guarded &guarded : kGuarded)
        if (capabilities.contains(QLatin1StringView(guarded.capability)))
            rules.push_back({{"names", names(guarded.syscalls)}, {"action", "SCMP_ACT_ALLOW"}});

    return {{"defaultAction", "SCMP_ACT_ERRNO"}, {"defaultErrnoRet", 1}, {"architectures", kArchitectures}, {"syscalls", rules}};
}

} // namespace berth
