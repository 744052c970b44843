#include "monitor.h"

#include "core/cgroups.h"
#include "core/fileutil.h"
#include "core/terminal.h"
#include "init.h"
#include "timestamps.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <poll.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace berth::runtime {

namespace {

struct Pipe
{
    int read = -1;
    int write = -1;
};

Pipe makePipe()
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        throwErrno("pipe");
    return {fds[0], fds[1]};
}

// What the container reported before it ended, if it did (without waiting for it).
std::optional<RuntimeError> reportedFailure(int sync)
{
    pollfd ready{sync, POLLIN, 0};
    char message[4096];
    int fd = -1;
    const long n = ::poll(&ready, 1, 0) == 1 ? receiveMessage(sync, message, sizeof message, fd) : 0;
    if (fd >= 0)
        ::close(fd);
    if (n <= 0)
        return std::nullopt;
    return RuntimeError::fromReport(std::string(message, static_cast<size_t>(n)));
}

// The program that serves the container once it runs: next to this one.
int openMonitorProgram()
{
    char self[4096];
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    std::string path = n > 0 ? std::string(self, static_cast<size_t>(n)) : std::string();
    path = path.substr(0, path.rfind('/') + 1) + "berth-monitor";
    const int fd = ::open(path.c_str(), O_PATH | O_CLOEXEC);
    if (fd < 0)
        throwErrno("cannot find " + path);
    return fd;
}

class Monitor
{
public:
    Monitor(const MonitorOptions &options, int status)
        : m_options(options)
        , m_status(status)
        , m_spec(loadSpec(options.bundle))
        , m_cgroup(CgroupLayout::detect(), m_spec.cgroupsPath.empty() ? "/berth/" + options.id : m_spec.cgroupsPath)
        , m_monitorProgram(openMonitorProgram())
    { }

    [[noreturn]] void run()
    {
        try {
            start();
        } catch (const RuntimeError &error) {
            report(error.report());
            ::_exit(error.exitCode());
        } catch (const std::exception &error) {
            report(RuntimeError(error.what()).report());
            ::_exit(1);
        }
        report("ok");
        becomeMonitorProgram();
    }

private:
    void report(const std::string &message)
    {
        if (m_status < 0)
            return;
        [[maybe_unused]] ssize_t ignored = ::write(m_status, message.data(), message.size());
        closeFd(m_status);
    }

    void start()
    {
        // Blocked until berth-monitor reads it from a signalfd: an early exit stays pending.
        sigset_t signals;
        sigemptyset(&signals);
        sigaddset(&signals, SIGCHLD);
        ::sigprocmask(SIG_BLOCK, &signals, nullptr);

        Pipe in = m_options.openStdin ? makePipe() : Pipe{::open("/dev/null", O_RDONLY | O_CLOEXEC), -1};
        Pipe out = makePipe(), err = makePipe();
        int sync[2];
        if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sync) != 0)
            throwErrno("socketpair");

        InitChannels channels{sync[1], in.read, out.write, err.write, {}};
        int flags = 0;
        for (const Namespace &ns : m_spec.namespaces) {
            const int flag = namespaceFlag(ns.type);
            if (flag == 0)
                throw RuntimeError("namespace \"" + ns.type + "\" is not supported");
            if (!ns.path.empty()) {
                const int fd = ::open(ns.path.c_str(), O_RDONLY | O_CLOEXEC);
                if (fd < 0)
                    throwErrno("cannot open the namespace " + ns.path);
                channels.joinNamespaces.emplace(ns.type, fd);
            } else if (flag != CLONE_NEWCGROUP) {
                flags |= flag;
            }
        }
        if (!(flags & CLONE_NEWNS))
            throw RuntimeError("a container needs its own mount namespace");

        const std::optional<SeccompProgram> seccomp
            = m_spec.seccomp ? std::optional(compileSeccomp(*m_spec.seccomp, m_options.seccompCache)) : std::nullopt;
        m_cgroup.create();
        const long pid = cloneContainerInit(flags, m_cgroup, channels);
        if (pid < 0)
            throwErrno("clone");
        if (pid == 0) {
            ::close(sync[0]);
            runContainerInit(m_spec, m_cgroup, channels, seccomp);
        }
        m_pid = static_cast<pid_t>(pid);
        ::close(sync[1]);
        for (const auto &[type, fd] : channels.joinNamespaces)
            ::close(fd);
        closeFd(in.read);
        closeFd(out.write);
        closeFd(err.write);
        m_stdin = in.write;
        m_stdout = out.read;
        m_stderr = err.read;

        // The container builds its root meanwhile, up to its cgroup mounts, where it waits for
        // the go and then enters its cgroup itself (init.cpp).
        try {
            m_cgroup.apply(m_spec.resources);
        } catch (const RuntimeError &error) {
            // It may have failed first, and gone: then its reason is the one to give.
            const std::optional<RuntimeError> failed = reportedFailure(sync[0]);
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
            m_cgroup.remove();
            throw failed.value_or(error);
        }
        const char go = 'g';
        // A container that failed before the go has closed its end; its report follows.
        if (::write(sync[0], &go, 1) != 1 && errno != EPIPE)
            throwErrno("cannot wake the container");
        // The container hands over its terminal (with -t), then reports an error or, by
        // closing the socket as it execs, success.
        char message[4096];
        long n = 0;
        for (;;) {
            int fd = -1;
            n = receiveMessage(sync[0], message, sizeof message - 1, fd);
            if (fd < 0)
                break;
            useTerminal(fd);
        }
        ::close(sync[0]);
        if (n > 0) {
            // The container reported why it could not start, and exits with that code.
            ::waitpid(m_pid, nullptr, 0);
            m_cgroup.remove();
            throw RuntimeError::fromReport(std::string(message, static_cast<size_t>(n)));
        }
        writeState();
        listenForAttach();
    }

    // With -t the container's output and input are the terminal's master side.
    void useTerminal(int master)
    {
        closeFd(m_stdout);
        closeFd(m_stderr);
        closeFd(m_stdin);
        m_stdout = master;
        m_terminal = master;
        m_stdin = m_options.openStdin ? ::fcntl(master, F_DUPFD_CLOEXEC, 3) : -1;
    }

    void writeState()
    {
        const nlohmann::json state = {
            {"id", m_options.id},
            {"pid", m_pid},
            {"pidStartTime", processStartTime(m_pid)},
            {"monitorPid", ::getpid()},
            {"monitorStartTime", processStartTime(::getpid())},
            {"cgroup", m_cgroup.path()},
            {"startedAt", timestampNow()},
        };
        writeFileAtomic(m_options.stateDir + "/state.json", state.dump());
    }

    // `docker attach`: berth-monitor accepts the helper on this socket.
    void listenForAttach()
    {
        m_attachListener = ::socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        const std::string name = attachSocketName(m_options.id);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, name.data(), std::min(name.size(), sizeof address.sun_path));
        const socklen_t length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + name.size());
        if (m_attachListener < 0 || ::bind(m_attachListener, reinterpret_cast<sockaddr *>(&address), length) != 0
            || ::listen(m_attachListener, 4) != 0)
            closeFd(m_attachListener); // the container runs on; attach is refused later
    }

    // The container runs: the rest of this process's life is berth-monitor's.  The descriptors
    // it serves stay open across the exec; everything else here is close-on-exec.
    [[noreturn]] void becomeMonitorProgram()
    {
        std::vector<std::string> args
            = {"berth-monitor", "--state", m_options.stateDir, "--cgroup", m_cgroup.path(), "--pid", std::to_string(m_pid)};
        if (!m_options.logPath.empty())
            args.insert(args.end(),
                        {"--log", m_options.logPath, "--log-max-size", std::to_string(m_options.logMaxSize), "--log-max-files",
                         std::to_string(m_options.logMaxFiles)});
        const std::pair<const char *, int> handed[] = {
            {"--stdin", m_stdin},
            {"--stdout", m_stdout},
            {"--stderr", m_stderr},
            {"--attach-stdin", m_options.attachStdin},
            {"--attach-stdout", m_options.attachStdout},
            {"--attach-stderr", m_options.attachStderr},
            {"--attach-resize", m_options.attachResize},
            {"--terminal", m_terminal},
            {"--attach-listener", m_attachListener},
        };
        for (const auto &[name, fd] : handed) {
            if (fd < 0)
                continue;
            ::fcntl(fd, F_SETFD, 0);
            args.insert(args.end(), {name, std::to_string(fd)});
        }
        std::vector<char *> argv;
        for (std::string &arg : args)
            argv.push_back(arg.data());
        argv.push_back(nullptr);
        char *environment[] = {nullptr};
        ::syscall(SYS_execveat, m_monitorProgram, "", argv.data(), environment, AT_EMPTY_PATH);
        // Nothing would serve the container: end it rather than leave it unwatched.
        ::kill(m_pid, SIGKILL);
        ::_exit(127);
    }

    MonitorOptions m_options;
    int m_status;
    Spec m_spec;
    Cgroup m_cgroup;
    int m_monitorProgram;
    pid_t m_pid = -1;
    int m_stdin = -1, m_stdout = -1, m_stderr = -1;
    int m_terminal = -1; // the master, with -t
    int m_attachListener = -1;
};

} // namespace

void runMonitor(const MonitorOptions &options, int status)
{
    // Signals meant for the helper's process group are not for us; the container is stopped by
    // signalling it, not its monitor.
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE})
        ::signal(sig, SIG_IGN);
    ::prctl(PR_SET_NAME, "berth-monitor", 0, 0, 0);
    if (::chdir("/") != 0)
        ::_exit(1);
    const int devNull = ::open("/dev/null", O_RDWR);
    for (int fd : {0, 1, 2})
        ::dup2(devNull, fd);
    if (devNull > 2)
        ::close(devNull);
    std::optional<Monitor> monitor;
    try {
        monitor.emplace(options, status);
    } catch (const RuntimeError &error) {
        const std::string message = error.report();
        [[maybe_unused]] ssize_t ignored = ::write(status, message.data(), message.size());
        ::_exit(error.exitCode());
    }
    monitor->run();
}

} // namespace berth::runtime
