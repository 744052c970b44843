#pragma once

// How the runtime's code reports failure.  Plain C++, shared by berth-runtime, berth-monitor
// and the helper.

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace berth::runtime {

// What the runtime reports when it cannot go on: a message for a person, and the exit code the
// caller should use (127 and 126 follow the shell's and docker's "command not found" and
// "not executable").
class RuntimeError : public std::runtime_error
{
public:
    explicit RuntimeError(const std::string &message, int exitCode = 1)
        : std::runtime_error(message)
        , m_exitCode(exitCode)
    { }
    int exitCode() const { return m_exitCode; }

    // As one process tells another (the container its monitor, the monitor the runtime):
    // "<exit code> <message>".
    std::string report() const { return std::to_string(m_exitCode) + " " + what(); }
    static RuntimeError fromReport(const std::string &report)
    {
        const auto space = report.find(' ');
        return RuntimeError(report.substr(space + 1), std::atoi(report.substr(0, space).c_str()));
    }

private:
    int m_exitCode;
};

// Throws RuntimeError with `what` and strerror(errno).
[[noreturn]] void throwErrno(const std::string &what);

} // namespace berth::runtime
