#pragma once

// Passed content: between Berth's own programs, a tar stream on a Unix socket may carry a large
// regular file's content beside the stream instead of in it.  The file's entry says size 0 and
// holds the real size in a pax attribute (LIBARCHIVE.xattr.berth.passed-size); the file's own
// descriptor comes with the stream's bytes (SCM_RIGHTS) no later than the entry's header.  The
// receiver copies it in the kernel with copy_file_range: the bytes are copied once, as `cp`
// copies them, where through the stream they were copied three times.
//
// A sender passes content only to a reader known to take it (the CLI and the desktop app copy
// into the engine; the engine copies out only when asked to, with CopyFromContainer's
// passContent, and then only from a sealed copy of the container's mounts); a reader takes only
// regular files outside the kernel's own file systems, reads exactly the size said, and
// refuses an entry whose descriptor did not come.

#include "result.h"
#include "system/uniquefd.h"

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <sys/types.h>

struct archive;
struct archive_entry;

namespace berth {

// Smaller files go in the stream: passing costs a descriptor and system calls of its own.
constexpr qint64 kPassedContentMinimum = qint64(1) << 20;

// The name of the marking attribute, as libarchive hands xattrs over.
inline constexpr char kPassedSizeAttribute[] = "berth.passed-size";

// Marks `entry` (a regular file of `size` bytes) as having its content passed: size 0 in the
// header, the size in the attribute.
void markPassedContent(archive_entry *entry, qint64 size);

// The size an entry's content was passed with; none when it is in the stream.  An invalid mark
// is an error.
Result<std::optional<qint64>> passedContentSize(archive_entry *entry);

// Writes `length` bytes to `socket` with `fd` passed alongside.
Result<void> sendWithDescriptor(int socket, const char *data, size_t length, int fd);

// Copies exactly `size` bytes from the start of `from` (a regular file) to the start of `to`;
// `progress` hears the bytes copied so far and may stop the copy with its error.
Result<void> copyPassedContent(int from, int to, qint64 size, const std::function<Result<void>(qint64)> &progress);

// A libarchive reader of a socket that keeps the descriptors passed with the stream, in order.
class PassedContentReader
{
public:
    explicit PassedContentReader(int socket)
        : m_socket(socket)
    { }

    // Opens `tar` (filters and formats already chosen) on the socket.
    int open(archive *tar);
    // The next descriptor passed, for the entry being read.
    Result<UniqueFd> take();
    const std::optional<Error> &error() const { return m_error; }

private:
    static ssize_t read(archive *a, void *self, const void **block);

    int m_socket;
    std::deque<UniqueFd> m_passed;
    std::optional<Error> m_error;
    std::unique_ptr<char[]> m_buffer;
};

} // namespace berth
