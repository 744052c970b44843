#pragma once

// Terminals for `-t`: a pseudo-terminal made inside the container (from its own devpts, so
// `tty` there names it), its master handed to whoever serves it over a Unix socket.

#include "core/fdpassing.h"

#include <string>

namespace berth::runtime {

// Opens /dev/ptmx of the current root, makes the slave this process's stdin, stdout, stderr,
// sized rows x columns when both are set; returns the master.
int makeContainerTerminal(unsigned rows, unsigned columns);

// One record on a resize stream (the "resize" descriptor of StartContainer, AttachContainer
// and ExecContainer): the terminal's new size, in host byte order.
struct TerminalSize
{
    unsigned short rows;
    unsigned short columns;
};

// Reads one record from `resizeFd` and gives the terminal of `master` that size; the kernel
// tells its foreground processes with SIGWINCH.  False when the stream has ended.
bool applyTerminalResize(int resizeFd, int master);

} // namespace berth::runtime
