#include "digest.h"

#include <nettle/sha2.h>

namespace berth {
namespace {

bool isLowerHex(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
}

} // namespace

Result<Digest> Digest::parse(const QString &text)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon < 0)
        return Error::invalidArgument(
            QStringLiteral("\"%1\" is not a digest: expected \"sha256:<64 hex digits>\"").arg(text.left(80)));
    const QString algorithm = text.left(colon);
    const QString hex = text.mid(colon + 1);
    if (algorithm != u"sha256")
        return Error::notSupported(
            QStringLiteral("digest algorithm \"%1\" is not supported; only sha256 is").arg(algorithm.left(32)));
    if (hex.size() != 64 || !isLowerHex(hex))
        return Error::invalidArgument(
            QStringLiteral("\"%1\" is not a sha256 digest: expected 64 lowercase hex digits").arg(text.left(80)));
    return Digest(hex);
}

Sha256::Sha256()
    : m_context(std::make_unique<sha256_ctx>())
{
    sha256_init(m_context.get());
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256 &&) noexcept = default;
Sha256 &Sha256::operator=(Sha256 &&) noexcept = default;

void Sha256::add(QByteArrayView bytes)
{
    sha256_update(m_context.get(), size_t(bytes.size()), reinterpret_cast<const uint8_t *>(bytes.data()));
}

Digest Sha256::digest() const
{
    // Finished on a copy, so that the running hash can go on.
    sha256_ctx copy = *m_context;
    uint8_t bytes[SHA256_DIGEST_SIZE];
    sha256_digest(&copy, sizeof bytes, bytes);
    return Digest(QString::fromLatin1(QByteArray::fromRawData(reinterpret_cast<const char *>(bytes), sizeof bytes).toHex()));
}

Digest Digest::ofBytes(QByteArrayView bytes)
{
    Sha256 hash;
    hash.add(bytes);
    return hash.digest();
}

} // namespace berth
