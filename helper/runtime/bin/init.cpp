#include "init.h"

#include "core/terminal.h"
#include "process.h"
#include "rootfs.h"
#include "system/uniquefd.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <linux/close_range.h>
#include <linux/sched.h>
#include <net/if.h>
#include <sched.h>
#include <sstream>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

void bringLoopbackUp()
{
    const int sock = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (sock < 0)
        throwErrno("socket");
    ifreq request{};
    std::snprintf(request.ifr_name, sizeof request.ifr_name, "lo");
    const bool ok = ::ioctl(sock, SIOCGIFFLAGS, &request) == 0
        && (request.ifr_flags |= IFF_UP | IFF_RUNNING, ::ioctl(sock, SIOCSIFFLAGS, &request) == 0);
    ::close(sock);
    if (!ok)
        throwErrno("cannot bring the loopback interface up");
}

void waitForGo(int sync)
{
    char go = 0;
    if (::read(sync, &go, 1) != 1)
        throw RuntimeError("the monitor went away before the container started");
}

void reportFailure(int sync, const RuntimeError &error)
{
    const std::string message = error.report();
    [[maybe_unused]] ssize_t ignored = ::write(sync, message.data(), message.size());
}

} // namespace

int namespaceFlag(const std::string &type)
{
    static const std::pair<const char *, int> table[] = {
        {"mount", CLONE_NEWNS}, {"pid", CLONE_NEWPID},     {"uts", CLONE_NEWUTS},
        {"ipc", CLONE_NEWIPC},  {"network", CLONE_NEWNET}, {"cgroup", CLONE_NEWCGROUP},
    };
    for (const auto &[name, flag] : table)
        if (type == name)
            return flag;
    return 0;
}

long cloneContainerInit(int flags, const Cgroup &cgroup, InitChannels &channels)
{
    if (const UniqueFd directory(cgroup.directoryForClone()); directory) {
        clone_args args{};
        args.flags = static_cast<uint64_t>(flags) | CLONE_INTO_CGROUP;
        args.exit_signal = SIGCHLD;
        args.cgroup = static_cast<uint64_t>(directory.get());
        channels.bornInCgroup = true;
        const long pid = ::syscall(SYS_clone3, &args, sizeof args);
        // Older kernels (or a seccomp filter around us) lack clone3 or the flag.
        if (pid >= 0 || (errno != ENOSYS && errno != E2BIG && errno != EINVAL && errno != EPERM))
            return pid;
    }
    channels.bornInCgroup = false;
    return ::syscall(SYS_clone, flags | SIGCHLD, nullptr, nullptr, nullptr, 0);
}

void runContainerInit(const Spec &spec, const Cgroup &cgroup, const InitChannels &channels,
                      const std::optional<SeccompProgram> &seccomp)
{
    resetProcessState();
    try {
        for (int fd : {channels.stdinFd, channels.stdoutFd, channels.stderrFd})
            if (fd < 0)
                throw RuntimeError("missing standard stream");
        if (::dup2(channels.stdinFd, 0) < 0 || ::dup2(channels.stdoutFd, 1) < 0 || ::dup2(channels.stderrFd, 2) < 0)
            throwErrno("dup2");
        for (const auto &[type, fd] : channels.joinNamespaces)
            if (type != "cgroup" && ::setns(fd, namespaceFlag(type)) != 0)
                throwErrno("cannot join the " + type + " namespace");
        prepareRootfs(spec, cgroup.layout(), [&] {
            waitForGo(channels.sync); // the cgroup's limits are in place
            if (!channels.bornInCgroup)
                cgroup.enterSelf();
            // Now that we are in the container's cgroup, so that it is our root.
            if (const auto joined = channels.joinNamespaces.find("cgroup"); joined != channels.joinNamespaces.end()) {
                if (::setns(joined->second, CLONE_NEWCGROUP) != 0)
                    throwErrno("cannot join the cgroup namespace");
            } else if (spec.hasNamespace("cgroup") && ::unshare(CLONE_NEWCGROUP) != 0) {
                throwErrno("cannot create the cgroup namespace");
            }
        });
        finishRootfs(spec);
        if (spec.hasNamespace("uts") && !spec.hostname.empty() && ::sethostname(spec.hostname.data(), spec.hostname.size()) != 0)
            throwErrno("sethostname");
        if (spec.hasNamespace("network") && !channels.joinNamespaces.contains("network"))
            bringLoopbackUp();

        if (spec.process.terminal) {
            // Made after pivot_root, from the container's own devpts; the monitor serves it.
            const int master = makeContainerTerminal(spec.process.consoleRows, spec.process.consoleColumns);
            sendDescriptor(channels.sync, master, "tty");
            ::close(master);
        }
        becomeTheCommand(spec, {spec.process.args, spec.process.env, spec.process.cwd, std::nullopt}, seccomp);
    } catch (const RuntimeError &error) {
        reportFailure(channels.sync, error);
        ::_exit(error.exitCode());
    } catch (const std::exception &error) {
        reportFailure(channels.sync, RuntimeError(error.what()));
        ::_exit(1);
    }
}

} // namespace berth::runtime
