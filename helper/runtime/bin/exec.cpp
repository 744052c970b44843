#include "exec.h"

#include "core/cgroups.h"
#include "core/fileutil.h"
#include "init.h"

#include <cerrno>
#include <cstdio>
#include <sched.h>
#include <sys/prctl.h>
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

} // namespace

int runExec(const ExecOptions &options)
{
    const Spec spec = loadSpec(options.bundle);
    if (options.args.empty())
        throw RuntimeError("exec needs a command");
    const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, options.pid, 0));
    if (pidfd < 0 || (options.pidStartTime && processStartTime(options.pid) != options.pidStartTime))
        throw RuntimeError("the container is not running", 1);

    // Counted against the container's limits from the start, children included.
    Cgroup(CgroupLayout::detect(), options.cgroup).addProcess(::getpid());
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

    // A new pid namespace applies to children only.
    const pid_t child = ::fork();
    if (child < 0)
        throwErrno("fork");
    if (child == 0) {
        resetProcessState();
        try {
            becomeTheCommand(spec,
                             {options.args, mergedEnvironment(spec.process.env, options.env),
                              options.cwd.empty() ? spec.process.cwd : options.cwd, options.user});
        } catch (const RuntimeError &error) {
            std::fprintf(stderr, "%s\n", error.what());
            ::_exit(error.exitCode());
        }
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) { }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace berth::runtime
