#pragma once

// RightsMessage: a message for sendmsg on a Unix socket that carries one descriptor beside its
// bytes (SCM_RIGHTS).  Plain C++, for the runtime too.
//
//     RightsMessage m(bytes, length, fd);
//     ::sendmsg(socket, &m.message, MSG_NOSIGNAL);

#include <cstring>
#include <sys/socket.h>

namespace berth {

struct RightsMessage
{
    RightsMessage(const void *data, size_t length, int fd)
        : part{const_cast<void *>(data), length}
    {
        message.msg_iov = &part;
        message.msg_iovlen = 1;
        message.msg_control = control;
        message.msg_controllen = sizeof control;
        cmsghdr *header = CMSG_FIRSTHDR(&message);
        header->cmsg_level = SOL_SOCKET;
        header->cmsg_type = SCM_RIGHTS;
        header->cmsg_len = CMSG_LEN(sizeof(int));
        std::memcpy(CMSG_DATA(header), &fd, sizeof fd);
    }
    RightsMessage(const RightsMessage &) = delete; // the message points into itself
    RightsMessage &operator=(const RightsMessage &) = delete;

    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
    iovec part;
    msghdr message{};
};

} // namespace berth
