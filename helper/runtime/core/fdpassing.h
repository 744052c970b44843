#pragma once

// Descriptors handed between processes over Unix sockets (SCM_RIGHTS): a terminal's master
// from the container to its monitor, and a client's streams from the helper to a monitor
// for `attach`.  Plain C++, shared by berth-runtime and the helper.

#include <string>

namespace berth::runtime {

// SCM_RIGHTS over a Unix socket: one descriptor with a short tag.
void sendDescriptor(int socket, int fd, const std::string &tag);
// The next message; `fd` is -1 when it carried none.  Returns the number of bytes (0 at EOF).
long receiveMessage(int socket, char *buffer, unsigned long size, int &fd);

// The abstract Unix socket a container's monitor listens on for `attach` ("\0berth-attach-<id>").
std::string attachSocketName(const std::string &id);

} // namespace berth::runtime
