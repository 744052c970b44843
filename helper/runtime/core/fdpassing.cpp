#include "fdpassing.h"

#include "spec.h"
#include "system/rightsmessage.h"

#include <cstring>
#include <sys/socket.h>
#include <unistd.h>

namespace berth::runtime {

void sendDescriptor(int socket, int fd, const std::string &tag)
{
    RightsMessage message(tag.data(), tag.size(), fd);
    if (::sendmsg(socket, &message.message, MSG_NOSIGNAL) < 0)
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

std::string attachSocketName(const std::string &id)
{
    return std::string(1, '\0') + "berth-attach-" + id;
}

} // namespace berth::runtime
