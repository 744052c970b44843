#include "process.h"

#include "capabilities.h"
#include "core/fileutil.h"
#include "seccomp.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <grp.h>
#include <linux/close_range.h>
#include <sstream>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

struct ResolvedUser
{
    uid_t uid = 0;
    gid_t gid = 0;
    std::vector<gid_t> groups;
    std::string home = "/";
};

std::vector<std::vector<std::string>> readDatabase(const char *path)
{
    std::vector<std::vector<std::string>> entries;
    std::string text;
    try {
        text = readSmallFile(path);
    } catch (const RuntimeError &) {
        return entries; // an image without the file: only numeric ids work
    }
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        std::vector<std::string> fields;
        std::istringstream parts(line);
        for (std::string field; std::getline(parts, field, ':');)
            fields.push_back(field);
        if (!line.empty() && line.back() == ':')
            fields.emplace_back();
        if (fields.size() >= 3)
            entries.push_back(fields);
    }
    return entries;
}

bool isNumber(const std::string &text)
{
    return !text.empty() && text.size() < 11 && text.find_first_not_of("0123456789") == std::string::npos;
}

// "user[:group]" as docker reads it: names are looked up in the container's own /etc/passwd and
// /etc/group (never the host's), numbers need no entry.
ResolvedUser resolveUser(const std::string &spec)
{
    const auto colon = spec.find(':');
    const std::string user = spec.substr(0, colon);
    const std::string group = colon == std::string::npos ? std::string() : spec.substr(colon + 1);
    ResolvedUser resolved;
    std::string userName;
    bool found = false;
    for (const auto &entry : readDatabase("/etc/passwd")) {
        if (entry.size() < 4)
            continue;
        if (entry[0] == user || (isNumber(user) && entry[2] == user)) {
            resolved.uid = static_cast<uid_t>(std::stoul(entry[2]));
            resolved.gid = static_cast<gid_t>(std::stoul(isNumber(entry[3]) ? entry[3] : "0"));
            resolved.home = entry.size() > 5 && !entry[5].empty() ? entry[5] : "/";
            userName = entry[0];
            found = true;
            break;
        }
    }
    if (!found) {
        if (!isNumber(user))
            throw RuntimeError("unable to find user " + user + ": no matching entries in passwd file");
        resolved.uid = static_cast<uid_t>(std::stoul(user));
    }
    const auto groups = readDatabase("/etc/group");
    if (!group.empty()) {
        bool groupFound = isNumber(group);
        if (groupFound)
            resolved.gid = static_cast<gid_t>(std::stoul(group));
        for (const auto &entry : groups)
            if (!groupFound && entry[0] == group) {
                resolved.gid = static_cast<gid_t>(std::stoul(isNumber(entry[2]) ? entry[2] : "0"));
                groupFound = true;
            }
        if (!groupFound)
            throw RuntimeError("unable to find group " + group + ": no matching entries in group file");
    } else if (!userName.empty()) {
        // Supplementary groups: every group that lists the user as a member.
        for (const auto &entry : groups) {
            if (entry.size() < 4 || !isNumber(entry[2]))
                continue;
            std::istringstream members(entry[3]);
            for (std::string member; std::getline(members, member, ',');)
                if (member == userName)
                    resolved.groups.push_back(static_cast<gid_t>(std::stoul(entry[2])));
        }
    }
    return resolved;
}

int rlimitResource(const std::string &name)
{
    static const std::pair<const char *, int> table[] = {
        {"RLIMIT_CPU", RLIMIT_CPU},           {"RLIMIT_FSIZE", RLIMIT_FSIZE},
        {"RLIMIT_DATA", RLIMIT_DATA},         {"RLIMIT_STACK", RLIMIT_STACK},
        {"RLIMIT_CORE", RLIMIT_CORE},         {"RLIMIT_RSS", RLIMIT_RSS},
        {"RLIMIT_NPROC", RLIMIT_NPROC},       {"RLIMIT_NOFILE", RLIMIT_NOFILE},
        {"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK},   {"RLIMIT_AS", RLIMIT_AS},
        {"RLIMIT_LOCKS", RLIMIT_LOCKS},       {"RLIMIT_SIGPENDING", RLIMIT_SIGPENDING},
        {"RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE}, {"RLIMIT_NICE", RLIMIT_NICE},
        {"RLIMIT_RTPRIO", RLIMIT_RTPRIO},     {"RLIMIT_RTTIME", RLIMIT_RTTIME},
    };
    for (const auto &[n, resource] : table)
        if (name == n)
            return resource;
    throw RuntimeError("unknown rlimit \"" + name + "\"");
}

void applyRlimits(const std::vector<Rlimit> &limits)
{
    for (const Rlimit &limit : limits) {
        const int resource = rlimitResource(limit.type);
        rlimit current{};
        ::getrlimit(resource, &current);
        const rlimit wanted{limit.soft, limit.hard};
        if (::setrlimit(resource, &wanted) == 0)
            continue;
        if (errno == EPERM && limit.hard > current.rlim_max)
            throw RuntimeError("cannot raise the hard limit of " + limit.type + " to " + std::to_string(limit.hard)
                               + ": this host allows at most " + std::to_string(current.rlim_max)
                               + " (raising it needs CAP_SYS_RESOURCE, which this host does not grant)");
        throwErrno("cannot set " + limit.type);
    }
}

void makeDirectories(const std::string &path)
{
    std::string partial;
    std::istringstream parts(path);
    for (std::string part; std::getline(parts, part, '/');) {
        if (part.empty())
            continue;
        partial += "/" + part;
        if (::mkdir(partial.c_str(), 0755) != 0 && errno != EEXIST)
            throwErrno("cannot create the working directory " + path);
    }
}

void switchUser(const Process &process, const ResolvedUser &user)
{
    limitBoundingSet(process.capabilities);
    if (::prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) != 0)
        throwErrno("PR_SET_KEEPCAPS");
    std::vector<gid_t> groups = user.groups;
    for (uint32_t gid : process.user.additionalGids)
        groups.push_back(gid);
    if (::setgroups(groups.size(), groups.data()) != 0)
        throwErrno("setgroups");
    if (::setresgid(user.gid, user.gid, user.gid) != 0)
        throwErrno("setgid " + std::to_string(user.gid));
    if (::setresuid(user.uid, user.uid, user.uid) != 0)
        throwErrno("setuid " + std::to_string(user.uid));
    if (::prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) != 0)
        throwErrno("PR_SET_KEEPCAPS");
    applyCapabilities(process.capabilities);
}

std::string environmentValue(const std::vector<std::string> &env, const std::string &name)
{
    for (const std::string &entry : env)
        if (entry.starts_with(name + "="))
            return entry.substr(name.size() + 1);
    return {};
}

// execvpe with docker's messages and exit codes: 127 when nothing is found, 126 when found but
// not executable.
[[noreturn]] void execute(const std::vector<std::string> &args, const std::vector<std::string> &env)
{
    std::vector<char *> argv, envp;
    for (const std::string &arg : args)
        argv.push_back(const_cast<char *>(arg.c_str()));
    argv.push_back(nullptr);
    for (const std::string &entry : env)
        envp.push_back(const_cast<char *>(entry.c_str()));
    envp.push_back(nullptr);

    const std::string &command = args.front();
    if (command.find('/') != std::string::npos) {
        ::execve(command.c_str(), argv.data(), envp.data());
        if (errno == ENOENT)
            throw RuntimeError("exec: \"" + command + "\": stat " + command + ": no such file or directory", 127);
        if (errno == EACCES)
            throw RuntimeError("exec: \"" + command + "\": permission denied", 126);
        throw RuntimeError("exec: \"" + command + "\": " + std::strerror(errno), 127);
    }
    std::string path = environmentValue(env, "PATH");
    if (path.empty())
        path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    bool denied = false;
    std::istringstream dirs(path);
    for (std::string dir; std::getline(dirs, dir, ':');) {
        const std::string candidate = (dir.empty() ? "." : dir) + "/" + command;
        ::execve(candidate.c_str(), argv.data(), envp.data());
        denied = denied || errno == EACCES;
    }
    if (denied)
        throw RuntimeError("exec: \"" + command + "\": permission denied", 126);
    throw RuntimeError("exec: \"" + command + "\": executable file not found in $PATH", 127);
}

} // namespace

void resetProcessState()
{
    // The command starts with every signal at its default and none blocked, whatever the
    // helper and the monitor ignored or blocked for themselves.
    for (int sig = 1; sig < NSIG; ++sig)
        ::signal(sig, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::umask(022); // the helper's 077 is for its own files; programs expect the usual default
}

void becomeTheCommand(const Spec &spec, const Command &command, const std::optional<SeccompProgram> &seccomp)
{
    ResolvedUser user{spec.process.user.uid, spec.process.user.gid, {}, "/"};
    auto named = spec.annotations.find(kUserAnnotation);
    const std::string userName = command.user ? *command.user : (named != spec.annotations.end() ? named->second : "");
    if (!userName.empty())
        user = resolveUser(userName);
    std::vector<std::string> env = command.env;
    if (environmentValue(env, "HOME").empty())
        env.push_back("HOME=" + user.home);

    applyRlimits(spec.process.rlimits);
    makeDirectories(command.cwd);
    if (::setsid() < 0)
        throwErrno("setsid");
    if (spec.process.terminal && ::isatty(STDIN_FILENO) && ::ioctl(STDIN_FILENO, TIOCSCTTY, 0) != 0)
        throwErrno("cannot make the terminal the controlling one");
    switchUser(spec.process, user);
    if (spec.process.noNewPrivileges && ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        throwErrno("PR_SET_NO_NEW_PRIVS");
    if (::chdir(command.cwd.c_str()) != 0)
        throwErrno("cannot enter the working directory " + command.cwd);
    // Nothing of the monitor's or the runtime's reaches the command: every other descriptor
    // closes on exec.
    if (::syscall(SYS_close_range, 3, ~0U, CLOSE_RANGE_CLOEXEC) != 0)
        throwErrno("close_range");
    if (seccomp)
        loadSeccomp(*seccomp);
    execute(command.args, env);
}

} // namespace berth::runtime
