#include "imageref.h"

#include <QRegularExpression>

namespace berth {
namespace {

const QString kDefaultDomain = QStringLiteral("docker.io");
const QString kOfficialPrefix = QStringLiteral("library/");
constexpr qsizetype kMaxNameLength = 255;

const QRegularExpression &pathComponent()
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$"));
    return re;
}

const QRegularExpression &domainPattern()
{
    static const QRegularExpression re(QStringLiteral(
        "^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
        "|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$"));
    return re;
}

const QRegularExpression &tagPattern()
{
    static const QRegularExpression re(QStringLiteral("^[\\w][\\w.-]{0,127}$"));
    return re;
}

Error invalid(const QString &text, const QString &why)
{
    return Error::invalidArgument(QStringLiteral("invalid reference \"%1\": %2").arg(text.left(300), why));
}

bool looksLikeDomain(const QString &component)
{
    return component.contains(u'.') || component.contains(u':') || component == u"localhost";
}

} // namespace

Result<ImageRef> ImageRef::parse(const QString &text)
{
    if (text.isEmpty())
        return invalid(text, QStringLiteral("the reference is empty"));
    ImageRef ref;
    QString rest = text;
    if (const qsizetype at = rest.indexOf(u'@'); at >= 0) {
        auto digest = Digest::parse(rest.mid(at + 1));
        if (!digest)
            return invalid(text, digest.error().message());
        ref.m_digest = *digest;
        rest.truncate(at);
    }
    // A tag follows the last ":" unless that colon belongs to a domain's port ("host:5000/a").
    if (const qsizetype colon = rest.lastIndexOf(u':'); colon > rest.lastIndexOf(u'/')) {
        ref.m_tag = rest.mid(colon + 1);
        rest.truncate(colon);
        if (!tagPattern().match(ref.m_tag).hasMatch())
            return invalid(text,
                           QStringLiteral("the tag \"%1\" may hold only letters, digits, \"_\", \".\" and \"-\", at most 128")
                               .arg(ref.m_tag.left(140)));
    }
    const qsizetype slash = rest.indexOf(u'/');
    if (slash > 0 && looksLikeDomain(rest.left(slash))) {
        ref.m_domain = rest.left(slash);
        ref.m_path = rest.mid(slash + 1);
        if (!domainPattern().match(ref.m_domain).hasMatch())
            return invalid(text, QStringLiteral("\"%1\" is not a registry host").arg(ref.m_domain));
        if (ref.m_domain == u"index.docker.io")
            ref.m_domain = kDefaultDomain;
    } else {
        ref.m_domain = kDefaultDomain;
        ref.m_path = rest;
    }
    if (ref.m_path.isEmpty())
        return invalid(text, QStringLiteral("the repository name is empty"));
    static const QRegularExpression imageId(QStringLiteral("^[a-f0-9]{64}$"));
    if (imageId.match(ref.m_path).hasMatch())
        return invalid(text, QStringLiteral("a 64-digit hexadecimal string is an image id, not a repository name"));
    if (ref.m_path != ref.m_path.toLower())
        return invalid(text, QStringLiteral("repository name must be lowercase"));
    for (const QString &component : ref.m_path.split(u'/'))
        if (!pathComponent().match(component).hasMatch())
            return invalid(text, QStringLiteral("\"%1\" is not a valid repository name component").arg(component.left(100)));
    if (ref.m_domain == kDefaultDomain && !ref.m_path.contains(u'/'))
        ref.m_path.prepend(kOfficialPrefix);
    if (ref.name().size() > kMaxNameLength)
        return invalid(text, QStringLiteral("the repository name is longer than %1 characters").arg(kMaxNameLength));
    if (ref.m_tag.isEmpty() && !ref.m_digest)
        ref.m_tag = QStringLiteral("latest");
    return ref;
}

QString ImageRef::toString() const
{
    QString text = name();
    if (!m_tag.isEmpty())
        text += u':' + m_tag;
    if (m_digest)
        text += u'@' + m_digest->toString();
    return text;
}

QString ImageRef::familiarName() const
{
    if (m_domain != kDefaultDomain)
        return name();
    return m_path.startsWith(kOfficialPrefix) ? m_path.mid(kOfficialPrefix.size()) : m_path;
}

QString ImageRef::familiarString() const
{
    QString text = familiarName();
    if (!m_tag.isEmpty())
        text += u':' + m_tag;
    if (m_digest)
        text += u'@' + m_digest->toString();
    return text;
}

ImageRef ImageRef::withTag(const QString &tag) const
{
    ImageRef copy = *this;
    copy.m_tag = tag;
    copy.m_digest.reset();
    return copy;
}

} // namespace berth
