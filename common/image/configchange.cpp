#include "configchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <optional>

namespace berth {
namespace {

// ["a", "b"]: a JSON array of strings, or nothing.
std::optional<QStringList> jsonStrings(const QString &text)
{
    const QJsonDocument json = QJsonDocument::fromJson(text.toUtf8());
    if (!json.isArray())
        return std::nullopt;
    QStringList words;
    for (const QJsonValue &value : json.array()) {
        if (!value.isString())
            return std::nullopt;
        words << value.toString();
    }
    return words;
}

// The exec form when the text is a JSON array of strings, else the shell form.
QStringList commandOf(const QString &text)
{
    return jsonStrings(text).value_or(QStringList{QStringLiteral("/bin/sh"), QStringLiteral("-c"), text});
}

// "a=1 b=\"two words\"" or the legacy "a 1" into key/value pairs.
Result<QList<std::pair<QString, QString>>> keyValues(const QString &text, const QString &instruction)
{
    QList<std::pair<QString, QString>> pairs;
    if (!text.contains(u'=')) {
        const QString key = text.section(u' ', 0, 0);
        const QString value = text.section(u' ', 1).trimmed();
        if (key.isEmpty() || value.isEmpty())
            return Error::invalidArgument(QStringLiteral("%1 needs a name and a value").arg(instruction));
        pairs.append({key, value});
        return pairs;
    }
    static const QRegularExpression pair(QStringLiteral("([^\\s=]+)=(\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S*))"));
    for (auto it = pair.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        QString value = m.captured(3).isNull() ? (m.captured(4).isNull() ? m.captured(5) : m.captured(4)) : m.captured(3);
        value.replace(QStringLiteral("\\\""), QStringLiteral("\""));
        pairs.append({m.captured(1), value});
    }
    if (pairs.isEmpty())
        return Error::invalidArgument(QStringLiteral("%1 needs name=value pairs").arg(instruction));
    return pairs;
}

Result<void> setEnv(oci::RunConfig &config, const QString &text)
{
    auto pairs = keyValues(text, QStringLiteral("ENV"));
    if (!pairs)
        return pairs.error();
    for (const auto &[key, value] : *pairs) {
        const QString entry = key + u'=' + value;
        const auto same
            = std::find_if(config.env.begin(), config.env.end(), [&](const QString &e) { return e.section(u'=', 0, 0) == key; });
        if (same == config.env.end())
            config.env << entry;
        else
            *same = entry;
    }
    return {};
}

Result<void> expose(oci::RunConfig &config, const QString &text)
{
    static const QRegularExpression port(QStringLiteral("^(\\d{1,5})(?:/(tcp|udp|sctp))?$"));
    for (const QString &spec : text.split(u' ', Qt::SkipEmptyParts)) {
        const auto m = port.match(spec.toLower());
        if (!m.hasMatch() || m.captured(1).toInt() < 1 || m.captured(1).toInt() > 65535)
            return Error::invalidArgument(
                QStringLiteral("invalid port \"%1\" in EXPOSE: use PORT or PORT/tcp|udp|sctp").arg(spec));
        const QString normalized = m.captured(1) + u'/' + (m.captured(2).isEmpty() ? QStringLiteral("tcp") : m.captured(2));
        if (!config.exposedPorts.contains(normalized))
            config.exposedPorts << normalized;
    }
    return {};
}

} // namespace

Result<void> applyConfigChange(oci::RunConfig &config, const QString &instruction)
{
    const QString trimmed = instruction.trimmed();
    const QString keyword = trimmed.section(u' ', 0, 0).toUpper();
    const QString rest = trimmed.section(u' ', 1).trimmed();
    if (rest.isEmpty())
        return Error::invalidArgument(QStringLiteral("\"%1\" needs an argument").arg(trimmed.left(100)));
    if (keyword == u"CMD")
        config.cmd = commandOf(rest);
    else if (keyword == u"ENTRYPOINT")
        config.entrypoint = commandOf(rest);
    else if (keyword == u"ENV")
        return setEnv(config, rest);
    else if (keyword == u"EXPOSE")
        return expose(config, rest);
    else if (keyword == u"LABEL") {
        auto pairs = keyValues(rest, keyword);
        if (!pairs)
            return pairs.error();
        for (const auto &[key, value] : *pairs)
            config.labels.insert(key, value);
    } else if (keyword == u"USER")
        config.user = rest;
    else if (keyword == u"WORKDIR") {
        if (!rest.startsWith(u'/'))
            return Error::invalidArgument(QStringLiteral("WORKDIR must be an absolute path, not \"%1\"").arg(rest));
        config.workingDir = rest;
    } else if (keyword == u"VOLUME") {
        const QStringList paths = jsonStrings(rest).value_or(rest.split(u' ', Qt::SkipEmptyParts));
        for (const QString &path : paths)
            if (!config.volumes.contains(path))
                config.volumes << path;
    } else if (keyword == u"STOPSIGNAL")
        config.stopSignal = rest;
    else
        return Error::invalidArgument(
            QStringLiteral("\"%1\" cannot be changed here: use CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, USER, VOLUME, "
                           "WORKDIR or STOPSIGNAL")
                .arg(keyword.left(40)));
    return {};
}

} // namespace berth
