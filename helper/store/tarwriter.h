#pragma once

// TarWriter: a tar stream (pax) written with libarchive into a sink: a file descriptor or any
// function that takes bytes (a blob being written, say).  File data is streamed; into a
// descriptor, a file's data goes with sendfile (files/tarstreamout.h).
//
//     TarWriter tar(TarWriter::toFd(fd));
//     tar.directory("etc", 0755);
//     tar.file("etc/hostname", "box\n", 0644);
//     tar.beginFile("big", 0644, size); while (...) tar.data(chunk);
//     tar.close();

#include "files/tarstreamout.h"
#include "result.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <memory>
#include <optional>
#include <sys/stat.h>
#include <sys/types.h>

struct archive;

namespace berth {

class TarWriter
{
public:
    using Sink = std::function<Result<void>(QByteArrayView)>;
    static Sink toFd(int fd);

    explicit TarWriter(Sink sink, time_t mtime = 0);
    // Into a descriptor (a socket or pipe to another process); `progress` and `passing` as
    // TarStreamOut's.
    TarWriter(int fd, std::function<bool(qint64)> progress, PassedContent passing = PassedContent::None, time_t mtime = 0);
    ~TarWriter();
    TarWriter(const TarWriter &) = delete;
    TarWriter &operator=(const TarWriter &) = delete;

    Result<void> directory(const QByteArray &path, mode_t mode);
    Result<void> symlink(const QByteArray &path, const QByteArray &target);
    Result<void> file(const QByteArray &path, QByteArrayView content, mode_t mode);
    Result<void> beginFile(const QByteArray &path, mode_t mode, qint64 size);
    // An entry as a file system has it: type, owner, mode, size and times from `st`; a symlink's
    // target or, for a second name of a file, the first name (`hardlinkTo`); xattrs.
    struct Extra
    {
        QByteArray symlinkTarget;
        QByteArray hardlinkTo;
        QList<std::pair<QByteArray, QByteArray>> xattrs;
    };
    Result<void> entry(const QByteArray &path, const struct stat &st, const Extra &extra);
    Result<void> data(QByteArrayView bytes);
    // The entry's data from `file`: its first `size` bytes (zeros for any the file no longer has).
    Result<void> fileData(int file, qint64 size);
    Result<void> close();

private:
    static ssize_t write(archive *, void *self, const void *buffer, size_t length);
    Result<void> header(const QByteArray &path, mode_t type, mode_t mode, qint64 size, const QByteArray &link);
    Error error() const;

    Sink m_sink;
    time_t m_mtime;
    archive *m_archive;
    std::optional<Error> m_sinkError;
    std::unique_ptr<TarStreamOut> m_out; // when writing into a descriptor
    bool m_passing = false; // the entry just written has its content passed beside the stream
};

} // namespace berth
