#include "seccomp.h"

#include "core/fileutil.h"

#include <seccomp.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <functional>
#include <linux/seccomp.h>
#include <memory>
#include <optional>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

uint32_t action(const std::string &name, std::optional<unsigned> errnoRet)
{
    if (name == "SCMP_ACT_ALLOW")
        return SCMP_ACT_ALLOW;
    if (name == "SCMP_ACT_ERRNO")
        return SCMP_ACT_ERRNO(errnoRet.value_or(EPERM));
    if (name == "SCMP_ACT_KILL" || name == "SCMP_ACT_KILL_THREAD")
        return SCMP_ACT_KILL;
    if (name == "SCMP_ACT_KILL_PROCESS")
        return SCMP_ACT_KILL_PROCESS;
    if (name == "SCMP_ACT_TRAP")
        return SCMP_ACT_TRAP;
    if (name == "SCMP_ACT_LOG")
        return SCMP_ACT_LOG;
    throw RuntimeError("seccomp: unknown action \"" + name + "\"");
}

scmp_compare comparison(const std::string &op)
{
    static const std::pair<const char *, scmp_compare> table[] = {
        {"SCMP_CMP_NE", SCMP_CMP_NE},
        {"SCMP_CMP_LT", SCMP_CMP_LT},
        {"SCMP_CMP_LE", SCMP_CMP_LE},
        {"SCMP_CMP_EQ", SCMP_CMP_EQ},
        {"SCMP_CMP_GE", SCMP_CMP_GE},
        {"SCMP_CMP_GT", SCMP_CMP_GT},
        {"SCMP_CMP_MASKED_EQ", SCMP_CMP_MASKED_EQ},
    };
    for (const auto &[name, value] : table)
        if (op == name)
            return value;
    throw RuntimeError("seccomp: unknown comparison \"" + op + "\"");
}

// Everything the compiled program depends on, as text: the profile, the libseccomp version
// and the architecture it compiles for.
std::string describe(const Seccomp &profile)
{
    std::string text = "libseccomp " + std::to_string(SCMP_VER_MAJOR) + "." + std::to_string(SCMP_VER_MINOR) + "."
        + std::to_string(SCMP_VER_MICRO) + " native " + std::to_string(seccomp_arch_native()) + "\ndefault "
        + profile.defaultAction + " " + std::to_string(profile.defaultErrnoRet.value_or(~0u)) + "\narchitectures";
    for (const std::string &arch : profile.architectures)
        text += " " + arch;
    for (const SeccompRule &rule : profile.syscalls) {
        text += "\nrule " + rule.action + " " + std::to_string(rule.errnoRet.value_or(~0u));
        for (const SeccompArg &arg : rule.args)
            text += " arg " + std::to_string(arg.index) + " " + arg.op + " " + std::to_string(arg.value) + " "
                + std::to_string(arg.valueTwo);
        for (const std::string &name : rule.names)
            text += " " + name;
    }
    return text;
}

SeccompProgram compile(const Seccomp &profile)
{
    std::unique_ptr<void, decltype(&seccomp_release)> ctx(seccomp_init(action(profile.defaultAction, profile.defaultErrnoRet)),
                                                          &seccomp_release);
    if (!ctx)
        throw RuntimeError("seccomp: cannot create the filter");
    for (const std::string &arch : profile.architectures) {
        // "SCMP_ARCH_X86_64" -> "x86_64", as libseccomp names them.
        std::string name = arch.starts_with("SCMP_ARCH_") ? arch.substr(10) : arch;
        for (char &c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        const uint32_t token = seccomp_arch_resolve_name(name.c_str());
        if (token == 0)
            continue;
        const int rc = seccomp_arch_add(ctx.get(), token);
        if (rc != 0 && rc != -EEXIST)
            throw RuntimeError("seccomp: cannot add architecture " + arch);
    }
    for (const SeccompRule &rule : profile.syscalls) {
        const uint32_t act = action(rule.action, rule.errnoRet);
        std::vector<scmp_arg_cmp> args;
        for (const SeccompArg &arg : rule.args)
            args.push_back(scmp_arg_cmp{arg.index, comparison(arg.op), arg.value, arg.valueTwo});
        for (const std::string &name : rule.names) {
            const int nr = seccomp_syscall_resolve_name(name.c_str());
            if (nr == __NR_SCMP_ERROR)
                continue;
            const int rc = seccomp_rule_add_array(ctx.get(), act, nr, args.size(), args.data());
            // Same action as the default: libseccomp refuses the redundant rule; nothing to do.
            if (rc != 0 && rc != -EACCES && rc != -EEXIST)
                throw RuntimeError("seccomp: cannot add the rule for " + name);
        }
    }
    const int memory = ::memfd_create("seccomp", MFD_CLOEXEC);
    if (memory < 0)
        throwErrno("seccomp: memfd_create");
    std::string bytes;
    if (seccomp_export_bpf(ctx.get(), memory) == 0 && ::lseek(memory, 0, SEEK_SET) == 0) {
        char buffer[16384];
        for (ssize_t n; (n = ::read(memory, buffer, sizeof buffer)) > 0;)
            bytes.append(buffer, static_cast<size_t>(n));
    }
    ::close(memory);
    if (bytes.empty() || bytes.size() % sizeof(sock_filter) != 0)
        throw RuntimeError("seccomp: cannot compile the filter");
    SeccompProgram program(bytes.size() / sizeof(sock_filter));
    std::memcpy(program.data(), bytes.data(), bytes.size());
    return program;
}

constexpr size_t kMaxCachedPrograms = 64;

size_t entriesIn(const std::string &dir)
{
    size_t count = 0;
    if (DIR *stream = ::opendir(dir.c_str())) {
        while (const dirent *entry = ::readdir(stream))
            count += entry->d_name[0] != '.';
        ::closedir(stream);
    }
    return count;
}

// A cache file: the description's length and text, then the program.
std::optional<SeccompProgram> cached(const std::string &file, const std::string &description)
{
    std::string content;
    try {
        content = readSmallFile(file, 4 << 20);
    } catch (const RuntimeError &) {
        return std::nullopt;
    }
    const size_t newline = content.find('\n');
    if (newline == std::string::npos)
        return std::nullopt;
    const size_t length = std::strtoull(content.c_str(), nullptr, 10);
    const size_t start = newline + 1;
    if (content.size() < start + length || content.compare(start, length, description) != 0)
        return std::nullopt;
    const size_t programBytes = content.size() - start - length;
    if (programBytes == 0 || programBytes % sizeof(sock_filter) != 0)
        return std::nullopt;
    SeccompProgram program(programBytes / sizeof(sock_filter));
    std::memcpy(program.data(), content.data() + start + length, programBytes);
    return program;
}

} // namespace

SeccompProgram compileSeccomp(const Seccomp &profile, const std::string &cacheDir)
{
    if (cacheDir.empty())
        return compile(profile);
    const std::string description = describe(profile);
    char name[32];
    std::snprintf(name, sizeof name, "%016zx", std::hash<std::string>{}(description));
    const std::string file = cacheDir + "/" + name;
    if (auto program = cached(file, description))
        return std::move(*program);
    SeccompProgram program = compile(profile);
    ::mkdir(cacheDir.c_str(), 0700);
    // The profile follows a container's capabilities (--cap-add, --cap-drop), so there can be
    // many; the run root is often memory.  Past a few dozen the rest are compiled each time.
    if (entriesIn(cacheDir) >= kMaxCachedPrograms)
        return program;
    try {
        writeFileAtomic(file,
                        std::to_string(description.size()) + "\n" + description
                            + std::string(reinterpret_cast<const char *>(program.data()), program.size() * sizeof(sock_filter)));
    } catch (const RuntimeError &) { } // compiled again next time
    return program;
}

void loadSeccomp(const SeccompProgram &program)
{
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        throwErrno("PR_SET_NO_NEW_PRIVS");
    sock_fprog filter{static_cast<unsigned short>(program.size()), const_cast<sock_filter *>(program.data())};
    if (::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &filter) != 0)
        throwErrno("seccomp: the kernel refused the filter");
}

} // namespace berth::runtime
