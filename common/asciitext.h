#pragma once

// The ASCII character classes of docker's grammars (names, tags, registry hosts, sizes), and
// the names made of them.
//
// Checked character by character rather than with regular expressions: a container's start
// and the engine's own start go through a dozen of these checks, and compiling them as
// patterns kept a third of a MiB of PCRE2 resident in the helper. Also, Qt's patterns match
// Unicode with \d and \w, where docker's (Go's) match ASCII only. (QDir's name filters are
// patterns too: the engine lists directories whole and picks by prefix or suffix.)

#include <QList>
#include <QString>
#include <QStringView>

#include <algorithm>

namespace berth::ascii {

constexpr bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

constexpr bool isLower(QChar c)
{
    return c.unicode() >= u'a' && c.unicode() <= u'z';
}

constexpr bool isLetter(QChar c)
{
    return isLower(c) || (c.unicode() >= u'A' && c.unicode() <= u'Z');
}

constexpr bool isAlnum(QChar c)
{
    return isLetter(c) || isDigit(c);
}

constexpr bool isLowerHex(QChar c)
{
    return isDigit(c) || (c.unicode() >= u'a' && c.unicode() <= u'f');
}

// Not empty, and every character passes.
template<typename Predicate> bool allOf(QStringView text, Predicate passes)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), passes);
}

inline bool isDigits(QStringView text)
{
    return allOf(text, isDigit);
}

// Not empty, and every character an ASCII letter, a digit, or one of `others`.
inline bool isAlnumOr(QStringView text, QStringView others)
{
    return allOf(text, [others](QChar c) { return isAlnum(c) || others.contains(c); });
}

// docker's "restricted name", [a-zA-Z0-9][a-zA-Z0-9_.-]+, for containers, volumes and networks.
inline bool isRestrictedName(QStringView name)
{
    return name.size() >= 2 && isAlnum(name.front()) && isAlnumOr(name, u"_.-");
}

} // namespace berth::ascii
