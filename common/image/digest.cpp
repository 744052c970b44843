#include "digest.h"

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

Digest Digest::ofBytes(QByteArrayView bytes)
{
    Sha256 hash;
    hash.add(bytes);
    return hash.digest();
}

} // namespace berth
