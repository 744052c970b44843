#pragma once

// Terminals for `-t`: a pseudo-terminal made inside the container (from its own devpts, so
// `tty` there names it), its master handed to whoever serves it over a Unix socket.

#include <string>

namespace berth::runtime {

// Opens /dev/ptmx of the current root, makes the slave this process's stdin, stdout, stderr,
// sized rows x columns when both are set; returns the master.
int makeContainerTerminal(unsigned rows, unsigned columns);

// SCM_RIGHTS over a Unix socket: one descriptor with a short tag.
void sendDescriptor(int socket, int fd, const std::string &tag);
// The next message; `fd` is -1 when it carried none.  Returns the number of bytes (0 at EOF).
long receiveMessage(int socket, char *buffer, unsigned long size, int &fd);

} // namespace berth::runtime
