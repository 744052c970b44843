#include "terminal.h"

#include "core/spec.h"

#include <cstring>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace berth::runtime {

int makeContainerTerminal(unsigned rows, unsigned columns)
{
    const int master = ::open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0)
        throwErrno("cannot open /dev/ptmx in the container");
    int unlock = 0;
    unsigned number = 0;
    if (::ioctl(master, TIOCSPTLCK, &unlock) != 0 || ::ioctl(master, TIOCGPTN, &number) != 0)
        throwErrno("cannot set up the terminal");
    const std::string slavePath = "/dev/pts/" + std::to_string(number);
    const int slave = ::open(slavePath.c_str(), O_RDWR | O_NOCTTY);
    if (slave < 0)
        throwErrno("cannot open " + slavePath);
    if (rows && columns) {
        winsize size{};
        size.ws_row = static_cast<unsigned short>(rows);
        size.ws_col = static_cast<unsigned short>(columns);
        ::ioctl(slave, TIOCSWINSZ, &size);
    }
    for (int target = 0; target < 3; ++target)
        if (::dup2(slave, target) < 0)
            throwErrno("dup2");
    if (slave > 2)
        ::close(slave);
    return master;
}

bool applyTerminalResize(int resizeFd, int master)
{
    TerminalSize size;
    if (::read(resizeFd, &size, sizeof size) != ssize_t(sizeof size))
        return false;
    const winsize ws{size.rows, size.columns, 0, 0};
    ::ioctl(master, TIOCSWINSZ, &ws);
    return true;
}

} // namespace berth::runtime
