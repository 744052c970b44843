// berth-monitor: what stays with a running container.  `berth-runtime run` sets the container
// up in a process of its own and, once the container's command runs, replaces that process
// with this small program (the container stays its child).  A monitor lives as long as its
// container, one per container, so its resident memory is what this program touches, not the
// runtime's setup code.  Not meant to be started by hand.
//
// It reaps the container's first process, records the exit in exit.json, writes the logs,
// passes output to whoever is attached and accepts later attaches.

#include "core/cgroups.h"
#include "core/fdpassing.h"
#include "core/fileutil.h"
#include "core/spec.h"
#include "core/terminal.h"
#include "logwriter.h"
#include "timestamps.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <fcntl.h>
#include <optional>
#include <poll.h>
#include <signal.h>
#include <string>
#include <string_view>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

// What the runtime hands over on the command line: paths, and descriptor numbers (-1: none).
struct Handover
{
    std::string stateDir;
    std::string cgroup;
    std::string logPath;
    uint64_t logMaxSize = 0;
    unsigned logMaxFiles = 1;
    pid_t pid = -1;
    int stdinFd = -1, stdoutFd = -1, stderrFd = -1;
    int attachStdin = -1, attachStdout = -1, attachStderr = -1, attachResize = -1;
    int terminal = -1;
    int attachListener = -1;

    static std::optional<Handover> parse(int argc, char **argv);
};

std::optional<Handover> Handover::parse(int argc, char **argv)
{
    Handover h;
    auto number = [](std::string_view text, auto &out) {
        return std::from_chars(text.data(), text.data() + text.size(), out).ec == std::errc();
    };
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view name = argv[i], value = argv[i + 1];
        bool ok = true;
        if (name == "--state")
            h.stateDir = value;
        else if (name == "--cgroup")
            h.cgroup = value;
        else if (name == "--log")
            h.logPath = value;
        else if (name == "--log-max-size")
            ok = number(value, h.logMaxSize);
        else if (name == "--log-max-files")
            ok = number(value, h.logMaxFiles);
        else if (name == "--pid")
            ok = number(value, h.pid);
        else if (name == "--stdin")
            ok = number(value, h.stdinFd);
        else if (name == "--stdout")
            ok = number(value, h.stdoutFd);
        else if (name == "--stderr")
            ok = number(value, h.stderrFd);
        else if (name == "--attach-stdin")
            ok = number(value, h.attachStdin);
        else if (name == "--attach-stdout")
            ok = number(value, h.attachStdout);
        else if (name == "--attach-stderr")
            ok = number(value, h.attachStderr);
        else if (name == "--attach-resize")
            ok = number(value, h.attachResize);
        else if (name == "--terminal")
            ok = number(value, h.terminal);
        else if (name == "--attach-listener")
            ok = number(value, h.attachListener);
        else
            ok = false;
        if (!ok)
            return std::nullopt;
    }
    if (h.stateDir.empty() || h.cgroup.empty() || h.pid <= 0)
        return std::nullopt;
    return h;
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

class Monitor
{
public:
    explicit Monitor(Handover handover)
        : m_(std::move(handover))
    {
        if (!m_.logPath.empty())
            m_log.emplace(m_.logPath, m_.logMaxSize, m_.logMaxFiles);
        // SIGCHLD stays blocked from the runtime (the mask survives exec), so an exit that came
        // before this is pending and shows up here.
        sigset_t signals;
        sigemptyset(&signals);
        sigaddset(&signals, SIGCHLD);
        ::sigprocmask(SIG_BLOCK, &signals, nullptr);
        m_signalFd = ::signalfd(-1, &signals, SFD_CLOEXEC | SFD_NONBLOCK);
        for (int fd : {m_.stdinFd, m_.stdoutFd, m_.stderrFd, m_.attachStdin, m_.attachStdout, m_.attachStderr, m_.attachResize,
                       m_.terminal, m_.attachListener})
            if (fd >= 0)
                ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    }

    int run()
    {
        if (m_signalFd < 0)
            return 1;
        serve();
        finish();
        return 0;
    }

private:
    // Moves bytes until the container's first process exits.
    void serve()
    {
        for (;;) {
            pollfd fds[6] = {{m_signalFd, POLLIN, 0},        {m_.stdoutFd, POLLIN, 0},
                             {m_.stderrFd, POLLIN, 0},       {m_.stdinFd >= 0 ? m_.attachStdin : -1, POLLIN, 0},
                             {m_.attachListener, POLLIN, 0}, {m_.terminal >= 0 ? m_.attachResize : -1, POLLIN, 0}};
            if (::poll(fds, 6, -1) < 0) {
                if (errno == EINTR)
                    continue;
                return;
            }
            if (fds[1].revents)
                pump(m_.stdoutFd, 1);
            if (fds[2].revents)
                pump(m_.stderrFd, 2);
            if (fds[3].revents)
                forwardStdin();
            if (fds[4].revents)
                acceptAttach();
            if (fds[5].revents && !applyTerminalResize(m_.attachResize, m_.terminal))
                closeFd(m_.attachResize);
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
        writeAll(stream == 1 ? m_.attachStdout : m_.attachStderr, buffer, static_cast<size_t>(n));
    }

    void forwardStdin()
    {
        char buffer[65536];
        const ssize_t n = ::read(m_.attachStdin, buffer, sizeof buffer);
        if (n <= 0) {
            // The client started with the container closed its input: so does the container's,
            // as with docker run -i.  A later attach only lets go.
            if (m_attachedAtStart)
                closeFd(m_.stdinFd);
            closeFd(m_.attachStdin);
            return;
        }
        writeAll(m_.stdinFd, buffer, static_cast<size_t>(n));
    }

    // `docker attach`: the helper (root only) connects and hands over the client's stdin,
    // stdout, stderr and terminal resize stream, tagged; they replace those of an earlier attach.
    void acceptAttach()
    {
        const int client = ::accept4(m_.attachListener, nullptr, nullptr, SOCK_CLOEXEC);
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
            int &slot = name == "in" ? m_.attachStdin
                : name == "out"      ? m_.attachStdout
                : name == "resize"   ? m_.attachResize
                                     : m_.attachStderr;
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
        if (::waitpid(m_.pid, &status, WNOHANG) != m_.pid)
            return false;
        m_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return true;
    }

    void finish()
    {
        // The kernel killed the rest of the container's pid namespace with its first process,
        // so the pipes end; take what is left in them.
        for (int stream : {1, 2}) {
            int &fd = stream == 1 ? m_.stdoutFd : m_.stderrFd;
            ::fcntl(fd, F_SETFL, O_NONBLOCK);
            while (fd >= 0)
                pump(fd, stream);
        }
        if (m_log)
            m_log->flush();
        std::optional<Cgroup> cgroup;
        try {
            cgroup.emplace(CgroupLayout::detect(), m_.cgroup);
        } catch (const RuntimeError &) { } // the exit is recorded all the same
        const nlohmann::json exit = {
            {"exitCode", m_exitCode},
            {"oomKilled", cgroup && cgroup->oomKilled()},
            {"finishedAt", timestampNow()},
        };
        try {
            writeFileAtomic(m_.stateDir + "/exit.json", exit.dump());
        } catch (const RuntimeError &) { }
        if (cgroup)
            cgroup->remove();
    }

    Handover m_;
    std::optional<LogWriter> m_log;
    int m_signalFd = -1;
    bool m_attachedAtStart = true;
    int m_exitCode = -1;
};

} // namespace

} // namespace berth::runtime

int main(int argc, char **argv)
{
    using namespace berth::runtime;
    std::optional<Handover> handover = Handover::parse(argc, argv);
    if (!handover) {
        std::fputs("berth-monitor is started by berth-runtime, not by hand\n", stderr);
        return 2;
    }
    try {
        return Monitor(std::move(*handover)).run();
    } catch (const std::exception &) {
        return 1;
    }
}
