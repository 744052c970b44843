// berth-runtime: runs an OCI bundle as a container; the process that set it up then becomes
// its monitor (berth-monitor, next to this program).
//
//   berth-runtime run --bundle DIR --state DIR [--seccomp-cache DIR] [--log FILE] [--log-max-size BYTES]
//                     [--log-max-files N] [--open-stdin] [--attach-stdin FD]
//                     [--attach-stdout FD] [--attach-stderr FD] [--attach-resize FD] ID
//   berth-runtime exec --bundle DIR --pid PID [--pid-start-time TICKS] --cgroup PATH [--seccomp-cache DIR]
//                      [--env NAME=VALUE]... [--cwd DIR] [--user USER[:GROUP]]
//                      [--tty [--tty-size ROWSxCOLUMNS] [--resize-fd FD]] -- COMMAND...
//
// `exec` runs COMMAND in the running container with its own stdio and exits with its code.
// `run` returns once the container's command runs (exit 0; the monitor goes on in the
// background as berth-monitor) or has failed to start (the message on stderr, the exit code docker uses).
// Plain C++ and libc: the helper is a multithreaded Qt process, which must not fork and then
// do work, so this separate program does the forking.

#include "core/spec.h"
#include "exec.h"
#include "monitor.h"

#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <set>
#include <string>
#include <unistd.h>

using namespace berth::runtime;

namespace {

int usage()
{
    std::fputs("usage: berth-runtime run --bundle DIR --state DIR [--seccomp-cache DIR] [--log FILE] [--log-max-size BYTES]\n"
               "                         [--log-max-files N] [--open-stdin] [--attach-stdin FD]\n"
               "                         [--attach-stdout FD] [--attach-stderr FD] [--attach-resize FD] ID\n"
               "       berth-runtime exec --bundle DIR --pid PID [--pid-start-time TICKS] --cgroup PATH [--seccomp-cache DIR]\n"
               "                          [--env NAME=VALUE]... [--cwd DIR] [--user USER]\n"
               "                          [--tty [--tty-size ROWSxCOLUMNS] [--resize-fd FD]] -- COMMAND...\n",
               stderr);
    return 2;
}

// Everything the caller left open besides stdio and the attached streams is closed, so no
// descriptor of the helper lives on in the monitor.
void closeInheritedDescriptors(const std::set<int> &keep)
{
    DIR *dir = ::opendir("/proc/self/fd");
    if (!dir)
        return;
    std::set<int> close;
    while (dirent *entry = ::readdir(dir)) {
        const int fd = std::atoi(entry->d_name);
        if (entry->d_name[0] != '.' && fd > 2 && fd != ::dirfd(dir) && !keep.contains(fd))
            close.insert(fd);
    }
    ::closedir(dir);
    for (int fd : close)
        ::close(fd);
}

int run(int argc, char **argv)
{
    MonitorOptions options;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                throw RuntimeError(arg + " needs a value", 2);
            return argv[++i];
        };
        if (arg == "--bundle")
            options.bundle = value();
        else if (arg == "--state")
            options.stateDir = value();
        else if (arg == "--seccomp-cache")
            options.seccompCache = value();
        else if (arg == "--log")
            options.logPath = value();
        else if (arg == "--log-max-size")
            options.logMaxSize = std::stoull(value());
        else if (arg == "--log-max-files")
            options.logMaxFiles = static_cast<unsigned>(std::stoul(value()));
        else if (arg == "--open-stdin")
            options.openStdin = true;
        else if (arg == "--attach-stdin")
            options.attachStdin = std::stoi(value());
        else if (arg == "--attach-stdout")
            options.attachStdout = std::stoi(value());
        else if (arg == "--attach-stderr")
            options.attachStderr = std::stoi(value());
        else if (arg == "--attach-resize")
            options.attachResize = std::stoi(value());
        else if (!arg.starts_with("-") && options.id.empty())
            options.id = arg;
        else
            throw RuntimeError("unknown argument " + arg, 2);
    }
    if (options.bundle.empty() || options.stateDir.empty() || options.id.empty())
        return usage();
    closeInheritedDescriptors({options.attachStdin, options.attachStdout, options.attachStderr, options.attachResize});
    loadSpec(options.bundle); // a broken bundle is reported here, before anything starts

    int status[2];
    if (::pipe2(status, O_CLOEXEC) != 0)
        throwErrno("pipe");
    const pid_t monitor = ::fork();
    if (monitor < 0)
        throwErrno("fork");
    if (monitor == 0) {
        ::close(status[0]);
        ::setsid();
        runMonitor(options, status[1]);
    }
    ::close(status[1]);
    for (int fd : {options.attachStdin, options.attachStdout, options.attachStderr, options.attachResize})
        if (fd >= 0)
            ::close(fd);
    std::string message;
    char buffer[4096];
    for (ssize_t n; (n = ::read(status[0], buffer, sizeof buffer)) != 0;) {
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            break;
        message.append(buffer, static_cast<size_t>(n));
    }
    if (message == "ok")
        return 0;
    if (message.empty())
        throw RuntimeError("the container's monitor ended before the container started");
    throw RuntimeError::fromReport(message);
}

int exec(int argc, char **argv)
{
    ExecOptions options;
    int i = 2;
    for (; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--") {
            ++i;
            break;
        }
        if (arg == "--tty") {
            options.tty = true;
            continue;
        }
        if (i + 1 >= argc)
            throw RuntimeError(arg + " needs a value", 2);
        const std::string value = argv[++i];
        if (arg == "--bundle")
            options.bundle = value;
        else if (arg == "--pid")
            options.pid = static_cast<pid_t>(std::stol(value));
        else if (arg == "--pid-start-time")
            options.pidStartTime = std::stoull(value);
        else if (arg == "--seccomp-cache")
            options.seccompCache = value;
        else if (arg == "--cgroup")
            options.cgroup = value;
        else if (arg == "--env")
            options.env.push_back(value);
        else if (arg == "--cwd")
            options.cwd = value;
        else if (arg == "--user")
            options.user = value;
        else if (arg == "--tty-size") // ROWSxCOLUMNS
            std::sscanf(value.c_str(), "%ux%u", &options.rows, &options.columns);
        else if (arg == "--resize-fd")
            options.resizeFd = std::stoi(value);
        else
            throw RuntimeError("unknown argument " + arg, 2);
    }
    for (; i < argc; ++i)
        options.args.push_back(argv[i]);
    if (options.bundle.empty() || options.pid <= 0 || options.cgroup.empty() || options.args.empty())
        return usage();
    closeInheritedDescriptors({options.resizeFd});
    return runExec(options);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    try {
        if (std::strcmp(argv[1], "run") == 0)
            return run(argc, argv);
        if (std::strcmp(argv[1], "exec") == 0)
            return exec(argc, argv);
        return usage();
    } catch (const RuntimeError &error) {
        std::fprintf(stderr, "%s\n", error.what());
        return error.exitCode();
    } catch (const std::exception &error) {
        std::fprintf(stderr, "%s\n", error.what());
        return 1;
    }
}
