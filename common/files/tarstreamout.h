#pragma once

// TarStreamOut: where a libarchive tar writer's bytes go when they go to a descriptor (a
// socket or pipe to another process).  Headers, padding and small files are gathered into
// writes of 256 KiB, so the reader wakes up seldom.  A large file's data does not pass
// through this process: libarchive (told not to block, it hands the write callback pieces of
// the data it was given, in place) gets a placeholder for each chunk of the file, and the
// callback sends the piece the placeholder's bytes stand for from the file with sendfile,
// which moves the file's cached pages into the socket or pipe without a copy here.
//
//     TarStreamOut out(fd, progress);
//     out.open(tar);                               // before the first header
//     archive_write_header(tar, entry);
//     out.copyFile(tar, file, size);               // the entry's data
//     archive_write_close(tar); if (out.error()) ...
//
// To a reader that takes passed content (files/passedcontent.h), a large file's content can go
// beside the stream instead: passes(size) says whether it does; then markPassedContent(entry),
// holdForPassedContent(), archive_write_header, passFile(file, size).

#include "result.h"

#include <QByteArray>

#include <functional>
#include <memory>
#include <optional>
#include <sys/types.h>

struct archive;

namespace berth {

// Up to `length` bytes of `fd` at `offset` into `buffer`: fewer only where the file ends.
Result<qint64> readAt(int fd, char *buffer, qint64 length, qint64 offset);

// Whether a large file's content may go beside the stream, as the file's own descriptor: the
// reader can then read the file, and whatever else the descriptor allows (the engine hands out
// only descriptors of a sealed copy of a container's mounts).
enum class PassedContent { None, TheFile };

class TarStreamOut
{
public:
    // `progress` hears the bytes of file content copied so far, after each small file and
    // each 1 MiB of a large one; false cancels the copy.  Content is passed only into a socket.
    explicit TarStreamOut(int fd, std::function<bool(qint64)> progress = {}, PassedContent passing = PassedContent::None);
    TarStreamOut(const TarStreamOut &) = delete;
    TarStreamOut &operator=(const TarStreamOut &) = delete;

    // Makes `tar` write here: no blocking of its own, no padding of the last block.
    int open(archive *tar);

    // The entry's data: the first `size` bytes of `file`, read and gathered when small, sent
    // with sendfile when large.  A file that shrank meanwhile is padded with zeros to the
    // size its header gave, as tar writers do.
    Result<void> copyFile(archive *tar, int file, qint64 size);

    // Whether the content of a regular file of `size` bytes goes beside the stream.
    bool passes(qint64 size) const;
    // Keeps what is written next (the entry's header) until passFile sends it with the content.
    void holdForPassedContent() { m_holding = true; }
    // The entry's content beside the stream: the held header goes with its descriptor.
    Result<void> passFile(int file, qint64 size);

    // Why a write to the descriptor failed, if one did.
    const std::optional<Error> &error() const { return m_error; }

private:
    static ssize_t write(archive *a, void *self, const void *buffer, size_t length);
    static int close(archive *a, void *self);
    bool gather(const char *bytes, size_t length);
    bool flush();
    bool writeAll(const char *data, size_t length);
    bool sendFromFile(off_t offset, size_t length);
    Result<void> counted(qint64 bytes);
    bool failed(int error);

    int m_fd;
    std::function<bool(qint64)> m_progress;
    PassedContent m_passing;
    bool m_holding = false;
    qint64 m_content = 0;
    std::optional<Error> m_error;
    int m_file = -1; // what the placeholder stands for, its first byte at m_chunkStart
    off_t m_chunkStart = 0;
    std::unique_ptr<char[]> m_placeholder;
    QByteArray m_gathered;
};

} // namespace berth
