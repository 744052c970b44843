#include "seccomp.h"

#include <seccomp.h>

#include <cerrno>
#include <memory>

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

} // namespace

void loadSeccomp(const Seccomp &profile)
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
    if (seccomp_load(ctx.get()) != 0)
        throw RuntimeError("seccomp: the kernel refused the filter");
}

} // namespace berth::runtime
