#pragma once

// How the runtime's code reports failure.  Plain C++, shared by berth-runtime, berth-monitor
// and the helper.

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

private:
    int m_exitCode;
};

// Throws RuntimeError with `what` and strerror(errno).
[[noreturn]] void throwErrno(const std::string &what);

} // namespace berth::runtime
