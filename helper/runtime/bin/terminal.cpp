#include "terminal.h"

#include "core/spec.h"

#include <cstring>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
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

void sendDescriptor(int socket, int fd, const std::string &tag)
{
    iovec data{const_cast<char *>(tag.data()), tag.size()};
    char control[CMSG_SPACE(sizeof(int))] = {};
    msghdr message{};
    message.msg_iov = &data;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = sizeof control;
    cmsghdr *header = CMSG_FIRSTHDR(&message);
    header->cmsg_level = SOL_SOCKET;
    header->cmsg_type = SCM_RIGHTS;
    header->cmsg_len = CMSG_LEN(sizeof(int));
    std::memcpy(CMSG_DATA(header), &fd, sizeof fd);
    if (::sendmsg(socket, &message, MSG_NOSIGNAL) < 0)
        throwErrno("cannot hand over the terminal");
}

long receiveMessage(int socket, char *buffer, unsigned long size, int &fd)
{
    fd = -1;
    iovec data{buffer, size};
    char control[CMSG_SPACE(sizeof(int))] = {};
    msghdr message{};
    message.msg_iov = &data;
    message.msg_iovlen = 1;
    message.msg_control = control;
    message.msg_controllen = sizeof control;
    const long n = ::recvmsg(socket, &message, MSG_CMSG_CLOEXEC);
    for (cmsghdr *header = CMSG_FIRSTHDR(&message); n >= 0 && header; header = CMSG_NXTHDR(&message, header))
        if (header->cmsg_level == SOL_SOCKET && header->cmsg_type == SCM_RIGHTS)
            std::memcpy(&fd, CMSG_DATA(header), sizeof fd);
    return n;
}

} // namespace berth::runtime
