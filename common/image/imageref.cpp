#include "imageref.h"

#include "asciitext.h"

namespace berth {
namespace {

const QString kDefaultDomain = QStringLiteral("docker.io");
const QString kOfficialPrefix = QStringLiteral("library/");
constexpr qsizetype kMaxNameLength = 255;

// [a-z0-9]+ runs joined by ".", "_", "__" or a run of "-".
bool isPathComponent(QStringView component)
{
    qsizetype at = 0;
    const auto lowerAlnumRun = [&] {
        const qsizetype first = at;
        while (at < component.size() && (ascii::isLower(component[at]) || ascii::isDigit(component[at])))
            ++at;
        return at > first;
    };
    if (!lowerAlnumRun())
        return false;
    while (at < component.size()) {
        const QChar separator = component[at++];
        if (separator == u'_' && at < component.size() && component[at] == u'_')
            ++at;
        else if (separator == u'-')
            while (at < component.size() && component[at] == u'-')
                ++at;
        else if (separator != u'.' && separator != u'_')
            return false;
        if (!lowerAlnumRun())
            return false;
    }
    return true;
}

// Up to 128 letters, digits, "_", "." and "-", not starting with "." or "-".
bool isTag(QStringView tag)
{
    return tag.size() <= 128 && ascii::isAlnumOr(tag, u"_.-") && tag.front() != u'.' && tag.front() != u'-';
}

bool isImageId(QStringView text)
{
    return text.size() == 64 && ascii::allOf(text, ascii::isLowerHex);
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

bool isRegistryHost(QStringView host)
{
    if (const qsizetype colon = host.lastIndexOf(u':'); colon > host.lastIndexOf(u']')) {
        if (!ascii::isDigits(host.sliced(colon + 1)))
            return false;
        host = host.first(colon);
    }
    if (host.startsWith(u'[') && host.endsWith(u']')) {
        const auto ipv6 = [](QChar c) { return ascii::isLowerHex(c) || (c >= u'A' && c <= u'F') || c == u':'; };
        return ascii::allOf(host.sliced(1, host.size() - 2), ipv6);
    }
    for (const QStringView label : host.split(u'.'))
        if (!ascii::isAlnumOr(label, u"-") || label.front() == u'-' || label.back() == u'-')
            return false;
    return true;
}

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
        if (!isTag(ref.m_tag))
            return invalid(text,
                           QStringLiteral("the tag \"%1\" may hold only letters, digits, \"_\", \".\" and \"-\", at most 128")
                               .arg(ref.m_tag.left(140)));
    }
    const qsizetype slash = rest.indexOf(u'/');
    if (slash > 0 && looksLikeDomain(rest.left(slash))) {
        ref.m_domain = rest.left(slash);
        ref.m_path = rest.mid(slash + 1);
        if (!isRegistryHost(ref.m_domain))
            return invalid(text, QStringLiteral("\"%1\" is not a registry host").arg(ref.m_domain));
        if (ref.m_domain == u"index.docker.io")
            ref.m_domain = kDefaultDomain;
    } else {
        ref.m_domain = kDefaultDomain;
        ref.m_path = rest;
    }
    if (ref.m_path.isEmpty())
        return invalid(text, QStringLiteral("the repository name is empty"));
    if (isImageId(ref.m_path))
        return invalid(text, QStringLiteral("a 64-digit hexadecimal string is an image id, not a repository name"));
    if (ref.m_path != ref.m_path.toLower())
        return invalid(text, QStringLiteral("repository name must be lowercase"));
    for (const QString &component : ref.m_path.split(u'/'))
        if (!isPathComponent(component))
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
