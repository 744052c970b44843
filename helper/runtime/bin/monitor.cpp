#include "monitor.h"

#include "core/cgroups.h"
#include "core/fileutil.h"
#include "init.h"
#include "logwriter.h"
#include "terminal.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstddef>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <optional>
#include <poll.h>
#include <sched.h>
#include <string_view>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

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

void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

void writeAll(int &fd, const char *data, size_t size)
{
    while (fd >= 0 && size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            closeFd(fd); // the attached client left; the container goes on
            return;
        }
        data += n;
        size -= static_cast<size_t>(n);
    }
}

// The monitor is forked from `berth-runtime run` and has run the whole container setup; the
// code pages of that stay mapped in it for nothing.  Dropping them from the page tables (text
// is never written, so nothing is lost; a page used again faults back in from the page cache)
// leaves the monitor with the few pages its serving loop touches.
void releaseStartupCode()
{
    std::ifstream maps("/proc/self/maps");
    for (std::string line; std::getline(maps, line);) {
        unsigned long start = 0, end = 0;
        char permissions[5] = {};
        if (std::sscanf(line.c_str(), "%lx-%lx %4s", &start, &end, permissions) != 3)
            continue;
        if (std::string_view(permissions) == "r-xp" && line.find("berth-runtime") != std::string::npos)
            ::madvise(reinterpret_cast<void *>(start), end - start, MADV_DONTNEED);
    }
}

class Monitor
{
public:
    Monitor(const MonitorOptions &options, int status)
        : m_options(options)
        , m_status(status)
        , m_spec(loadSpec(options.bundle))
        , m_cgroups(CgroupLayout::detect())
        , m_cgroup(m_cgroups, m_spec.cgroupsPath.empty() ? "/berth/" + options.id : m_spec.cgroupsPath)
    { }

    [[noreturn]] void run()
    {
        try {
            start();
        } catch (const RuntimeError &error) {
            report(std::to_string(error.exitCode()) + " " + error.what());
            ::_exit(error.exitCode());
        } catch (const std::exception &error) {
            report(std::string("1 ") + error.what());
            ::_exit(1);
        }
        report("ok");
        releaseStartupCode();
        serve();
        finish();
        ::_exit(0);
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
        if (!m_options.logPath.empty())
            m_log.emplace(m_options.logPath, m_options.logMaxSize, m_options.logMaxFiles);

        sigset_t signals;
        sigemptyset(&signals);
        sigaddset(&signals, SIGCHLD);
        ::sigprocmask(SIG_BLOCK, &signals, nullptr);
        m_signalFd = ::signalfd(-1, &signals, SFD_CLOEXEC | SFD_NONBLOCK);

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

        m_cgroup.create();
        const long pid = ::syscall(SYS_clone, flags | SIGCHLD, nullptr, nullptr, nullptr, 0);
        if (pid < 0)
            throwErrno("clone");
        if (pid == 0) {
            ::close(sync[0]);
            runContainerInit(m_spec, m_cgroups, channels);
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

        try {
            m_cgroup.apply(m_spec.resources);
            m_cgroup.addProcess(m_pid);
        } catch (...) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
            m_cgroup.remove();
            throw;
        }
        const char go = 'g';
        if (::write(sync[0], &go, 1) != 1)
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
            const std::string text(message, static_cast<size_t>(n));
            const auto space = text.find(' ');
            throw RuntimeError(text.substr(space + 1), std::atoi(text.substr(0, space).c_str()));
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

    // Moves bytes until the container's first process exits.
    void serve()
    {
        for (;;) {
            pollfd fds[6] = {{m_signalFd, POLLIN, 0},       {m_stdout, POLLIN, 0},
                             {m_stderr, POLLIN, 0},         {m_stdin >= 0 ? m_attachStdin : -1, POLLIN, 0},
                             {m_attachListener, POLLIN, 0}, {m_terminal >= 0 ? m_attachResize : -1, POLLIN, 0}};
            if (::poll(fds, 6, -1) < 0) {
                if (errno == EINTR)
                    continue;
                return;
            }
            if (fds[1].revents)
                pump(m_stdout, 1);
            if (fds[2].revents)
                pump(m_stderr, 2);
            if (fds[3].revents)
                forwardStdin();
            if (fds[4].revents)
                acceptAttach();
            if (fds[5].revents && !applyTerminalResize(m_attachResize, m_terminal))
                closeFd(m_attachResize);
            if (fds[0].revents && reaped())
                return;
        }
    }

    void pump(int &fd, int stream)
    {
        char buffer[65536];
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0) {
            if (n == 0 || errno != EINTR)
                closeFd(fd);
            return;
        }
        if (m_log)
            m_log->write(stream, std::string_view(buffer, static_cast<size_t>(n)));
        writeAll(stream == 1 ? m_attachStdout : m_attachStderr, buffer, static_cast<size_t>(n));
    }

    void forwardStdin()
    {
        char buffer[65536];
        const ssize_t n = ::read(m_attachStdin, buffer, sizeof buffer);
        if (n <= 0) {
            // The client started with the container closed its input: so does the container's,
            // as with docker run -i.  A later attach only lets go.
            if (m_attachedAtStart)
                closeFd(m_stdin);
            closeFd(m_attachStdin);
            return;
        }
        writeAll(m_stdin, buffer, static_cast<size_t>(n));
    }

    // `docker attach`: the helper (root only) connects and hands over the client's stdin,
    // stdout, stderr and terminal resize stream, tagged; they replace those of an earlier attach.
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

    void acceptAttach()
    {
        const int client = ::accept4(m_attachListener, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0)
            return;
        ucred peer{};
        socklen_t size = sizeof peer;
        // An abstract socket has no file permissions: only root, the helper, may attach.
        if (::getsockopt(client, SOL_SOCKET, SO_PEERCRED, &peer, &size) != 0 || peer.uid != 0) {
            ::close(client);
            return;
        }
        timeval timeout{1, 0};
        ::setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        for (int i = 0; i < 4; ++i) {
            char tag[8] = {};
            int fd = -1;
            if (receiveMessage(client, tag, sizeof tag - 1, fd) <= 0 || fd < 0)
                break;
            const std::string_view name(tag);
            int &slot = name == "in" ? m_attachStdin
                : name == "out"      ? m_attachStdout
                : name == "resize"   ? m_attachResize
                                     : m_attachStderr;
            closeFd(slot);
            slot = fd;
        }
        ::close(client);
        m_attachedAtStart = false;
    }

    bool reaped()
    {
        signalfd_siginfo info;
        while (::read(m_signalFd, &info, sizeof info) == sizeof info) { }
        int status = 0;
        const pid_t pid = ::waitpid(m_pid, &status, WNOHANG);
        if (pid != m_pid)
            return false;
        m_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return true;
    }

    void finish()
    {
        // The kernel killed the rest of the container's pid namespace with its first process,
        // so the pipes end; take what is left in them.
        for (int stream : {1, 2}) {
            int &fd = stream == 1 ? m_stdout : m_stderr;
            ::fcntl(fd, F_SETFL, O_NONBLOCK);
            while (fd >= 0)
                pump(fd, stream);
        }
        if (m_log)
            m_log->flush();
        const nlohmann::json exit = {
            {"exitCode", m_exitCode},
            {"oomKilled", m_cgroup.oomKilled()},
            {"finishedAt", timestampNow()},
        };
        try {
            writeFileAtomic(m_options.stateDir + "/exit.json", exit.dump());
        } catch (const RuntimeError &) { }
        m_cgroup.remove();
    }

    MonitorOptions m_options;
    int m_status;
    Spec m_spec;
    CgroupLayout m_cgroups;
    Cgroup m_cgroup;
    std::optional<LogWriter> m_log;
    int m_signalFd = -1;
    pid_t m_pid = -1;
    int m_stdin = -1, m_stdout = -1, m_stderr = -1;
    int m_attachStdout = m_options.attachStdout, m_attachStderr = m_options.attachStderr;
    int m_attachStdin = m_options.attachStdin;
    int m_attachResize = m_options.attachResize;
    int m_terminal = -1; // the master, with -t
    bool m_attachedAtStart = true;
    int m_attachListener = -1;
    int m_exitCode = -1;
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
        const std::string message = std::to_string(error.exitCode()) + " " + error.what();
        [[maybe_unused]] ssize_t ignored = ::write(status, message.data(), message.size());
        ::_exit(error.exitCode());
    }
    monitor->run();
}

} // namespace berth::runtime
