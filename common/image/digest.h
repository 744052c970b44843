#pragma once

// Digest: a content address, "sha256:<64 lowercase hex>".  The grammar is strict (OCI image
// spec, "digests"): anything else is refused, so a digest can safely name a file.
//
//     auto digest = Digest::parse(u"sha256:e3b0...b855"_s);    // Result<Digest>
//     Sha256 hash; hash.add(bytes); Digest d = hash.digest();

#include "result.h"

#include <QHashFunctions>
#include <QString>

#include <memory>

struct sha256_ctx;

namespace berth {

class Digest
{
public:
    static Result<Digest> parse(const QString &text);
    static Digest ofBytes(QByteArrayView bytes);

    const QString &hex() const { return m_hex; }
    QString toString() const { return QStringLiteral("sha256:") + m_hex; }
    // The first 12 hex digits, as docker shows image ids.
    QString shortId() const { return m_hex.left(12); }

    friend bool operator==(const Digest &a, const Digest &b) { return a.m_hex == b.m_hex; }
    friend bool operator<(const Digest &a, const Digest &b) { return a.m_hex < b.m_hex; }

private:
    explicit Digest(QString hex)
        : m_hex(std::move(hex))
    { }
    friend class Sha256;
    QString m_hex;
};

// Streaming SHA-256 for bytes that never sit in memory at once.  Nettle's, which uses the
// CPU's SHA extensions where there are any (as fast as OpenSSL's here, 0.93 s a GiB): every
// pulled, loaded or committed byte is hashed once or twice, and QCryptographicHash's portable
// code made hashing most of a pull's time.  Nettle rather than OpenSSL because libarchive
// already maps it into the helper; libcrypto cost the idle helper 3.4 MiB of resident memory.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(Sha256 &&) noexcept;
    Sha256 &operator=(Sha256 &&) noexcept;
    void add(QByteArrayView bytes);
    // The digest of what was added so far; more may be added afterwards.
    Digest digest() const;

private:
    std::unique_ptr<sha256_ctx> m_context;
};

inline size_t qHash(const Digest &digest, size_t seed = 0)
{
    return ::qHash(digest.hex(), seed);
}

} // namespace berth
