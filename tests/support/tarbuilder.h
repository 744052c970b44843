#pragma once

// TarBuilder: writes tar archives for tests, hostile ones included (".." paths, links out of
// the tree, devices), with libarchive.
//
//     const QByteArray tar = TarBuilder().dir("etc").file("etc/passwd", "root:x:0:0::/:/bin/sh\n").finish();

#include <QByteArray>
#include <QList>

#include <sys/types.h>

struct archive;

namespace berth::test {

class TarBuilder
{
public:
    enum class Compression { None, Gzip, Zstd };
    explicit TarBuilder(Compression compression = Compression::None);
    ~TarBuilder();

    TarBuilder &file(const QByteArray &path, const QByteArray &content, mode_t mode = 0644, uid_t uid = 0, gid_t gid = 0,
                     const QList<std::pair<QByteArray, QByteArray>> &xattrs = {});
    TarBuilder &dir(const QByteArray &path, mode_t mode = 0755, uid_t uid = 0, gid_t gid = 0);
    TarBuilder &symlink(const QByteArray &path, const QByteArray &target);
    TarBuilder &hardlink(const QByteArray &path, const QByteArray &target);
    TarBuilder &charDevice(const QByteArray &path, int major, int minor);
    TarBuilder &fifo(const QByteArray &path);
    QByteArray finish();

    // The bytes of the last finish() before compression, for diff IDs.
    const QByteArray &uncompressed() const { return m_uncompressed; }

private:
    void add(const QByteArray &path, mode_t type, mode_t mode, uid_t uid, gid_t gid, const QByteArray &content,
             const QByteArray &link, bool hard, const QList<std::pair<QByteArray, QByteArray>> &xattrs = {}, dev_t dev = 0);

    Compression m_compression;
    archive *m_plain;
    archive *m_packed;
    QByteArray m_plainBytes;
    QByteArray m_packedBytes;
    QByteArray m_uncompressed;
};

} // namespace berth::test
