#include "devicefilter.h"

#include "error.h"

#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace berth::runtime {
namespace {

// The registers the program keeps the request in (see the prologue below).
constexpr uint8_t kType = 2, kAccess = 3, kMajor = 4, kMinor = 5, kScratch = 1;

bpf_insn instruction(uint8_t code, uint8_t dst, uint8_t src, int16_t offset, int32_t immediate)
{
    bpf_insn insn{};
    insn.code = code;
    insn.dst_reg = dst & 0xf;
    insn.src_reg = src & 0xf;
    insn.off = offset;
    insn.imm = immediate;
    return insn;
}

bpf_insn loadWord(uint8_t dst, int16_t offset)
{
    return instruction(BPF_LDX | BPF_MEM | BPF_W, dst, 1, offset, 0);
}

bpf_insn alu(uint8_t operation, uint8_t dst, int32_t immediate)
{
    return instruction(BPF_ALU | operation | BPF_K, dst, 0, 0, immediate);
}

bpf_insn copy(uint8_t dst, uint8_t src)
{
    return instruction(BPF_ALU64 | BPF_MOV | BPF_X, dst, src, 0, 0);
}

bpf_insn jumpUnless(uint8_t test, uint8_t reg, int32_t immediate) // offset patched later
{
    return instruction(BPF_JMP | test | BPF_K, reg, 0, 0, immediate);
}

bpf_insn answer(bool allow)
{
    return instruction(BPF_ALU64 | BPF_MOV | BPF_K, 0, 0, 0, allow ? 1 : 0);
}

bpf_insn exitProgram()
{
    return instruction(BPF_JMP | BPF_EXIT, 0, 0, 0, 0);
}

int32_t accessBits(const std::string &access)
{
    int32_t bits = 0;
    for (char c : access)
        bits |= c == 'm' ? BPF_DEVCG_ACC_MKNOD : c == 'r' ? BPF_DEVCG_ACC_READ : c == 'w' ? BPF_DEVCG_ACC_WRITE : 0;
    return bits;
}

constexpr int32_t kAllAccess = BPF_DEVCG_ACC_MKNOD | BPF_DEVCG_ACC_READ | BPF_DEVCG_ACC_WRITE;

// One rule: jumps past its end unless the request matches, else answers.  An allow rule
// matches a request for some of its access; a deny rule one for any of its access.
std::vector<bpf_insn> ruleBlock(const DeviceRule &rule)
{
    std::vector<bpf_insn> block;
    if (rule.type == "c" || rule.type == "b")
        block.push_back(jumpUnless(BPF_JNE, kType, rule.type == "c" ? BPF_DEVCG_DEV_CHAR : BPF_DEVCG_DEV_BLOCK));
    if (const int32_t bits = accessBits(rule.access); bits != kAllAccess) {
        block.push_back(copy(kScratch, kAccess));
        if (rule.allow) {
            block.push_back(alu(BPF_AND, kScratch, ~bits & kAllAccess));
            block.push_back(jumpUnless(BPF_JNE, kScratch, 0));
        } else {
            block.push_back(alu(BPF_AND, kScratch, bits));
            block.push_back(jumpUnless(BPF_JEQ, kScratch, 0));
        }
    }
    if (rule.major >= 0)
        block.push_back(jumpUnless(BPF_JNE, kMajor, int32_t(rule.major)));
    if (rule.minor >= 0)
        block.push_back(jumpUnless(BPF_JNE, kMinor, int32_t(rule.minor)));
    block.push_back(answer(rule.allow));
    block.push_back(exitProgram());
    for (size_t i = 0; i < block.size(); ++i)
        if (BPF_CLASS(block[i].code) == BPF_JMP && BPF_OP(block[i].code) != BPF_EXIT)
            block[i].off = int16_t(block.size() - i - 1);
    return block;
}

long bpf(int command, bpf_attr &attr)
{
    return ::syscall(SYS_bpf, command, &attr, sizeof attr);
}

} // namespace

std::vector<bpf_insn> deviceFilterProgram(const std::vector<DeviceRule> &rules)
{
    // bpf_cgroup_dev_ctx: access_type (the access << 16 | the type), major, minor.
    std::vector<bpf_insn> program = {
        loadWord(kType, 0),        alu(BPF_AND, kType, 0xffff), loadWord(kAccess, 0),
        alu(BPF_RSH, kAccess, 16), loadWord(kMajor, 4),         loadWord(kMinor, 8),
    };
    // The last rule speaks first: later rules override earlier ones.
    for (auto rule = rules.rbegin(); rule != rules.rend(); ++rule) {
        const std::vector<bpf_insn> block = ruleBlock(*rule);
        program.insert(program.end(), block.begin(), block.end());
        if (block.size() == 2)
            return program; // it matches every request: what follows could never run, which the verifier refuses
    }
    program.push_back(answer(false));
    program.push_back(exitProgram());
    return program;
}

void attachDeviceFilter(int cgroupFd, const std::vector<DeviceRule> &rules)
{
    const std::vector<bpf_insn> program = deviceFilterProgram(rules);
    static const char license[] = "Apache";
    // The verifier's log only when it refuses: a log too small for its account of a
    // program it accepts would fail the load.
    char log[4096] = {};
    auto load = [&](bool withLog) {
        bpf_attr attr{};
        attr.prog_type = BPF_PROG_TYPE_CGROUP_DEVICE;
        attr.insns = reinterpret_cast<uintptr_t>(program.data());
        attr.insn_cnt = uint32_t(program.size());
        attr.license = reinterpret_cast<uintptr_t>(license);
        if (withLog) {
            attr.log_buf = reinterpret_cast<uintptr_t>(log);
            attr.log_size = sizeof log;
            attr.log_level = 1;
        }
        return int(bpf(BPF_PROG_LOAD, attr));
    };
    int programFd = load(false);
    if (programFd < 0)
        programFd = load(true);
    if (programFd < 0) {
        // The verifier's verdict is the line before its closing count ("processed N insns").
        std::string verdict(log);
        if (const size_t count = verdict.rfind("\nprocessed "); count != std::string::npos)
            verdict.resize(count);
        verdict = verdict.substr(verdict.rfind('\n') + 1);
        throwErrno("cannot load the device filter" + (verdict.empty() ? std::string() : " (" + verdict + ")"));
    }
    bpf_attr attach{};
    attach.target_fd = uint32_t(cgroupFd);
    attach.attach_bpf_fd = uint32_t(programFd);
    attach.attach_type = BPF_CGROUP_DEVICE;
    // Beside, not instead of, what a service manager attached to an ancestor.
    attach.attach_flags = BPF_F_ALLOW_MULTI;
    const long attached = bpf(BPF_PROG_ATTACH, attach);
    const int error = errno;
    ::close(programFd); // the cgroup holds the program now
    if (attached != 0) {
        errno = error;
        throwErrno("cannot attach the device filter to the container's cgroup");
    }
}

} // namespace berth::runtime
