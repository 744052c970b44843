#include "portspec.h"

#include <arpa/inet.h>

#include <nlohmann/json.hpp>

namespace berth {
namespace {

bool isIpAddress(const QString &text)
{
    unsigned char address[sizeof(in6_addr)];
    const QByteArray latin = text.toLatin1();
    return ::inet_pton(AF_INET, latin.constData(), address) == 1 || ::inet_pton(AF_INET6, latin.constData(), address) == 1;
}

struct Range
{
    quint32 first = 0;
    quint32 last = 0;
    quint32 size() const { return last - first + 1; }
};

// "80" or "8000-8010"; empty text is an empty range.
std::optional<Range> parseRange(const QString &text, bool allowZero)
{
    const QStringList bounds = text.split(u'-');
    if (bounds.size() > 2)
        return std::nullopt;
    bool ok = false;
    Range range;
    range.first = bounds[0].toUInt(&ok);
    if (!ok || range.first > 65535 || (range.first == 0 && !allowZero))
        return std::nullopt;
    range.last = range.first;
    if (bounds.size() == 2) {
        range.last = bounds[1].toUInt(&ok);
        if (!ok || range.last > 65535 || range.last < range.first)
            return std::nullopt;
    }
    return range;
}

} // namespace

QString PortBinding::display() const
{
    return (hostIp.isEmpty() ? QStringLiteral("0.0.0.0") : hostIp) + u':' + QString::number(hostPort) + QStringLiteral("->")
        + containerKey();
}

Result<PortBinding> parseExposed(const QString &text)
{
    const QString port = text.section(u'/', 0, 0);
    const QString protocol = text.contains(u'/') ? text.section(u'/', 1).toLower() : QStringLiteral("tcp");
    if (protocol != u"tcp" && protocol != u"udp")
        return Error::invalidArgument(QStringLiteral("invalid proto: %1").arg(protocol));
    const auto range = parseRange(port, false);
    if (!range || range->size() != 1)
        return Error::invalidArgument(QStringLiteral("invalid containerPort: %1").arg(port));
    PortBinding binding;
    binding.containerPort = quint16(range->first);
    binding.protocol = protocol;
    return binding;
}

Result<QList<PortBinding>> parsePublish(const QString &text)
{
    QString rest = text;
    QString protocol = QStringLiteral("tcp");
    if (const qsizetype slash = rest.lastIndexOf(u'/'); slash >= 0) {
        protocol = rest.mid(slash + 1).toLower();
        rest = rest.left(slash);
        if (protocol != u"tcp" && protocol != u"udp")
            return Error::invalidArgument(QStringLiteral("invalid proto: %1").arg(protocol));
    }
    // The address may be IPv4 or a bracketed IPv6 literal; the last two parts are the ports.
    QString ip;
    if (rest.startsWith(u'[')) {
        const qsizetype close = rest.indexOf(u']');
        if (close < 0)
            return Error::invalidArgument(QStringLiteral("invalid ip address: %1").arg(rest));
        ip = rest.mid(1, close - 1);
        rest = rest.mid(close + 1);
        if (!rest.startsWith(u':'))
            return Error::invalidArgument(QStringLiteral("invalid port format: %1").arg(text));
        rest = rest.mid(1);
    }
    QStringList parts = rest.split(u':');
    if (parts.size() > 3)
        return Error::invalidArgument(QStringLiteral("invalid port format: %1").arg(text));
    if (parts.size() == 3) {
        if (!ip.isEmpty())
            return Error::invalidArgument(QStringLiteral("invalid port format: %1").arg(text));
        ip = parts.takeFirst();
    }
    if (!ip.isEmpty() && !isIpAddress(ip))
        return Error::invalidArgument(QStringLiteral("invalid ip address: %1").arg(ip));
    const QString containerText = parts.takeLast();
    const QString hostText = parts.isEmpty() ? QString() : parts.first();
    const auto container = parseRange(containerText, false);
    if (!container)
        return Error::invalidArgument(QStringLiteral("invalid containerPort: %1").arg(containerText));
    std::optional<Range> host = Range{};
    if (!hostText.isEmpty() && !(host = parseRange(hostText, false)))
        return Error::invalidArgument(QStringLiteral("invalid hostPort: %1").arg(hostText));
    if (!hostText.isEmpty() && container->size() > 1 && host->size() != container->size())
        return Error::invalidArgument(
            QStringLiteral("invalid ranges specified for container and host Ports: %1 and %2").arg(containerText, hostText));

    QList<PortBinding> bindings;
    for (quint32 i = 0; i < container->size(); ++i) {
        PortBinding binding;
        binding.hostIp = ip;
        binding.protocol = protocol;
        binding.containerPort = quint16(container->first + i);
        // One container port and a host range: the first free port of the range, chosen at
        // start; Berth takes the range's first port, as the range names where to look.
        binding.hostPort = hostText.isEmpty() ? 0 : quint16(host->first + (container->size() > 1 ? i : 0));
        bindings << binding;
    }
    return bindings;
}

Result<QList<PortBinding>> bindingsFromJson(const nlohmann::json &portBindings)
{
    QList<PortBinding> bindings;
    if (portBindings.is_null())
        return bindings;
    if (!portBindings.is_object())
        return Error::invalidArgument(QStringLiteral("PortBindings must be an object"));
    for (const auto &[key, hosts] : portBindings.items()) {
        auto exposed = parseExposed(QString::fromStdString(key));
        if (!exposed)
            return exposed.error();
        if (!hosts.is_array() && !hosts.is_null())
            return Error::invalidArgument(QStringLiteral("PortBindings[%1] must be a list").arg(QString::fromStdString(key)));
        if (hosts.is_null() || hosts.empty()) {
            bindings << *exposed; // published to a free port
            continue;
        }
        for (const auto &host : hosts) {
            PortBinding binding = *exposed;
            if (!host.is_object())
                return Error::invalidArgument(
                    QStringLiteral("PortBindings[%1] entries must be objects").arg(QString::fromStdString(key)));
            binding.hostIp = QString::fromStdString(host.value("HostIp", std::string()));
            if (binding.hostIp == u"0.0.0.0") // every address, as inspect writes it
                binding.hostIp.clear();
            if (!binding.hostIp.isEmpty() && !isIpAddress(binding.hostIp))
                return Error::invalidArgument(QStringLiteral("invalid ip address: %1").arg(binding.hostIp));
            const QString port = QString::fromStdString(host.value("HostPort", std::string()));
            if (!port.isEmpty()) {
                const auto range = parseRange(port, false);
                if (!range)
                    return Error::invalidArgument(QStringLiteral("invalid hostPort: %1").arg(port));
                binding.hostPort = quint16(range->first);
            }
            bindings << binding;
        }
    }
    return bindings;
}

nlohmann::json bindingsToJson(const QList<PortBinding> &bindings)
{
    nlohmann::json json = nlohmann::json::object();
    for (const PortBinding &binding : bindings)
        json[binding.containerKey().toStdString()].push_back(
            {{"HostIp", binding.hostIp.toStdString()}, {"HostPort", binding.hostPort ? std::to_string(binding.hostPort) : ""}});
    return json;
}

} // namespace berth
