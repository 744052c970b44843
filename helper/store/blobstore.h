#pragma once

// BlobStore: content-addressed blobs under <data-root>/blobs/sha256/<hex>.
//
//     auto writer = blobs.begin();                      // Result<BlobWriter>
//     writer->write(chunk); ...                         // hashed as it streams
//     auto digest = writer->commit(expectedDigest);     // verified, fsynced, renamed into place
//     auto bytes = blobs.readDocument(digest, 4 MiB);   // verified again before use
//
// A blob is either whole and verified under its name, or absent: partial writes live in
// <data-root>/blobs/ingest/ and are removed when the engine starts.

#include "image/digest.h"
#include "result.h"
#include "system/uniquefd.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace berth {

class BlobWriter
{
public:
    BlobWriter(UniqueFd fd, QString partialPath, QString blobsDir);
    BlobWriter(BlobWriter &&) = default; // the moved-from writer has no path left to remove
    ~BlobWriter();

    Result<void> write(QByteArrayView bytes);
    // Verifies against `expected` when given, then makes the blob visible under its digest.
    Result<Digest> commit(const std::optional<Digest> &expected = std::nullopt);
    qint64 size() const { return m_size; }

private:
    UniqueFd m_fd;
    QString m_partialPath;
    QString m_blobsDir;
    Sha256 m_hash;
    qint64 m_size = 0;
    bool m_committed = false;
};

class BlobStore
{
public:
    explicit BlobStore(QString dataRoot);

    // Creates the directories and removes what an interrupted write left behind.
    Result<void> open();

    Result<BlobWriter> begin();
    Result<Digest> writeDocument(QByteArrayView bytes);

    bool contains(const Digest &digest) const;
    QString pathOf(const Digest &digest) const;
    qint64 sizeOf(const Digest &digest) const;
    // The first `bytes` bytes of a blob (fewer if it is shorter), to recognize its format.
    QByteArray head(const Digest &digest, int bytes) const;
    // Reads a small blob (manifest, config) and checks its digest before returning it.
    Result<QByteArray> readDocument(const Digest &digest, qint64 maxBytes) const;
    Result<UniqueFd> openForReading(const Digest &digest) const;
    Result<void> remove(const Digest &digest);
    QList<Digest> list() const;

private:
    QString m_dir; // <data-root>/blobs/sha256
    QString m_ingest; // <data-root>/blobs/ingest
};

} // namespace berth
