#pragma once

// Terminals for `-t`: a pseudo-terminal made inside the container (from its own devpts, so
// `tty` there names it), its master handed to whoever serves it over a Unix socket.

#include "core/fdpassing.h"

#include <string>

namespace berth::runtime {

// Opens /dev/ptmx of the current root, makes the slave this process's stdin, stdout, stderr,
// sized rows x columns when both are set; returns the master.
int makeContainerTerminal(unsigned rows, unsigned columns);

} // namespace berth::runtime
