#include "error.h"

#include <cerrno>
#include <cstring>

namespace berth::runtime {

void throwErrno(const std::string &what)
{
    throw RuntimeError(what + ": " + std::strerror(errno));
}

} // namespace berth::runtime
