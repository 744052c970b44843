#include "digest.h"

#include <openssl/evp.h>

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
    : m_context(EVP_MD_CTX_new())
{
    if (!m_context || EVP_DigestInit_ex(m_context.get(), EVP_sha256(), nullptr) != 1)
        qFatal("OpenSSL cannot hash with SHA-256");
}

void Sha256::Free::operator()(evp_md_ctx_st *context) const
{
    EVP_MD_CTX_free(context);
}

void Sha256::add(QByteArrayView bytes)
{
    EVP_DigestUpdate(m_context.get(), bytes.data(), size_t(bytes.size()));
}

Digest Sha256::digest() const
{
    // Finished on a copy, so that the running hash can go on.
    std::unique_ptr<evp_md_ctx_st, Free> copy(EVP_MD_CTX_new());
    unsigned char bytes[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!copy || EVP_MD_CTX_copy_ex(copy.get(), m_context.get()) != 1 || EVP_DigestFinal_ex(copy.get(), bytes, &length) != 1)
        qFatal("OpenSSL cannot hash with SHA-256");
    return Digest(QString::fromLatin1(QByteArray::fromRawData(reinterpret_cast<const char *>(bytes), int(length)).toHex()));
}

Digest Digest::ofBytes(QByteArrayView bytes)
{
    Sha256 hash;
    hash.add(bytes);
    return hash.digest();
}

} // namespace berth
