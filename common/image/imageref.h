#pragma once

// ImageRef: an image reference normalized as docker normalizes it.
//
//     busybox                 -> docker.io/library/busybox:latest
//     host:5000/a/b@sha256:…  -> host:5000/a/b@sha256:…
//
// The grammar is distribution/reference's: lowercase path components joined by ".", "_",
// "__" or dashes; a domain when the first component has a "." or ":" or is "localhost"; a
// tag of at most 128 word characters, dots and dashes; at most 255 characters of name.

#include "digest.h"
#include "result.h"

#include <optional>

namespace berth {

class ImageRef
{
public:
    // Parses and normalizes; a reference without tag or digest gets the tag "latest".
    static Result<ImageRef> parse(const QString &text);

    const QString &domain() const { return m_domain; }
    const QString &path() const { return m_path; }
    const QString &tag() const { return m_tag; }
    const std::optional<Digest> &digest() const { return m_digest; }

    // "docker.io/library/busybox"
    QString name() const { return m_domain + u'/' + m_path; }
    // "docker.io/library/busybox:latest", with "@sha256:…" when pinned.
    QString toString() const;
    // As docker shows it: "busybox:latest", "quay.io/a/b:1".
    QString familiarString() const;
    QString familiarName() const;

    ImageRef withTag(const QString &tag) const;

    friend bool operator==(const ImageRef &a, const ImageRef &b) { return a.toString() == b.toString(); }

private:
    QString m_domain;
    QString m_path;
    QString m_tag;
    std::optional<Digest> m_digest;
};

// A registry's host as references and settings name it: host names ("registry.local",
// "localhost") or a bracketed IPv6 address, with an optional ":port".
bool isRegistryHost(QStringView host);

} // namespace berth
