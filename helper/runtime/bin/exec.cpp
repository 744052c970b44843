#include "exec.h"

#include "core/cgroups.h"
#include "core/fileutil.h"
#include "core/terminal.h"
#include "init.h"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

// The container's variables, with the exec's own replacing those of the same name.
std::vector<std::string> mergedEnvironment(std::vector<std::string> env, const std::vector<std::string> &extra)
{
    for (const std::string &entry : extra) {
        const std::string name = entry.substr(0, entry.find('='));
        std::erase_if(env, [&](const std::string &e) { return e.substr(0, e.find('=')) == name; });
        env.push_back(entry);
    }
    return env;
}

// Copies between our stdio and the terminal's master until the command's side closes.
void relayTerminal(int master, int resizeFd)
{
    int in = STDIN_FILENO;
    char buffer[65536];
    for (;;) {
        pollfd fds[3] = {{master, POLLIN, 0}, {in, POLLIN, 0}, {resizeFd, POLLIN, 0}};
        if (::poll(fds, 3, -1) < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if (fds[0].revents) {
            const ssize_t n = ::read(master, buffer, sizeof buffer);
            if (n <= 0) // EIO: every process of the terminal is gone
                return;
            for (ssize_t done = 0; done < n;) {
                const ssize_t w = ::write(STDOUT_FILENO, buffer + done, size_t(n - done));
                if (w <= 0)
                    return;
                done += w;
            }
        }
        if (fds[1].revents) {
            const ssize_t n = ::read(in, buffer, sizeof buffer);
            if (n <= 0)
                in = -1; // no more input; the command goes on
            else if (::write(master, buffer, size_t(n)) < 0)
                return;
        }
        if (fds[2].revents && !applyTerminalResize(resizeFd, master))
            resizeFd = -1; // the client stopped resizing; the terminal keeps its size
    }
}

} // namespace

int runExec(const ExecOptions &options)
{
    Spec spec = loadSpec(options.bundle);
    spec.process.terminal = options.tty;
    if (options.args.empty())
        throw RuntimeError("exec needs a command");
    // Compiled here, where the host's files (the cache) are still in view.
    const std::optional<SeccompProgram> seccomp
        = spec.seccomp ? std::optional(compileSeccomp(*spec.seccomp, options.seccompCache)) : std::nullopt;
    const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, options.pid, 0));
    if (pidfd < 0 || (options.pidStartTime && processStartTime(options.pid) != options.pidStartTime))
        throw RuntimeError("the container is not running", 1);

    if (options.resizeFd >= 0) // ours only, never the command's
        ::fcntl(options.resizeFd, F_SETFD, FD_CLOEXEC);
    // Counted against the container's limits from the start, children included.
    Cgroup(CgroupLayout::detect(), options.cgroup).enterSelf();
    // Until the exec, this process is berth-runtime inside the container's namespaces; not
    // dumpable, nothing in the container may open its /proc entries (its exe, its memory),
    // which is what the runc CVE-2019-5736 attack did.
    if (::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        throwErrno("PR_SET_DUMPABLE");
    int flags = 0;
    for (const Namespace &ns : spec.namespaces)
        flags |= namespaceFlag(ns.type);
    if (::setns(pidfd, flags) != 0)
        throwErrno("cannot enter the container's namespaces");
    ::close(pidfd);

    int channel[2] = {-1, -1};
    if (options.tty && ::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, channel) != 0)
        throwErrno("socketpair");
    // A new pid namespace applies to children only.
    const pid_t child = ::fork();
    if (child < 0)
        throwErrno("fork");
    if (child == 0) {
        resetProcessState();
        try {
            if (options.tty) {
                const int master = makeContainerTerminal(options.rows, options.columns);
                sendDescriptor(channel[1], master, "tty");
                ::close(master);
            }
            becomeTheCommand(spec,
                             {options.args, mergedEnvironment(spec.process.env, options.env),
                              options.cwd.empty() ? spec.process.cwd : options.cwd, options.user},
                             seccomp);
        } catch (const RuntimeError &error) {
            std::fprintf(stderr, "%s\n", error.what());
            ::_exit(error.exitCode());
        }
    }
    if (options.tty) {
        ::close(channel[1]);
        char tag[8];
        int master = -1;
        receiveMessage(channel[0], tag, sizeof tag, master);
        ::close(channel[0]);
        if (master >= 0) {
            relayTerminal(master, options.resizeFd);
            ::close(master);
        }
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) { }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace berth::runtime
