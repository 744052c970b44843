#include "enginesettings.h"

#include "asciitext.h"
#include "container/containerconfig.h"
#include "container/units.h"
#include "image/imageref.h"
#include "network/subnet.h"

#include <QFile>
#include <QUrl>

#include <nlohmann/json.hpp>

namespace berth {
namespace {

constexpr qint64 kMaxSettingsBytes = 1 << 20;

using Json = nlohmann::json;

Result<QString> absolutePath(const Json &value, const char *key)
{
    if (!value.is_string())
        return Error::invalidArgument(QStringLiteral("\"%1\" must be a string").arg(QLatin1StringView(key)));
    const auto path = QString::fromStdString(value.get<std::string>());
    if (!path.startsWith(u'/') || path.contains(QStringLiteral("/../")) || path.endsWith(QStringLiteral("/..")))
        return Error::invalidArgument(
            QStringLiteral("\"%1\" must be an absolute path without \"..\", not \"%2\"").arg(QLatin1StringView(key), path));
    return path;
}

Result<int> positiveInt(const Json &value, const char *key, int max)
{
    if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > max)
        return Error::invalidArgument(
            QStringLiteral("\"%1\" must be a whole number from 1 to %2").arg(QLatin1StringView(key)).arg(max));
    return int(value.get<long long>());
}

// Docker's daemon.json form: {"max-size": "20m", "max-file": "5"}, both strings.
Result<void> applyLogOptions(EngineSettings &s, const Json &value)
{
    QMap<QString, QString> options;
    if (value.is_object())
        for (const auto &[key, option] : value.items())
            options.insert(QString::fromStdString(key),
                           option.is_string() ? QString::fromStdString(option.get<std::string>()) : QString());
    auto limits = parseLogLimits(options);
    if (!value.is_object() || !limits)
        return Error::invalidArgument(
            QStringLiteral("\"log-opts\" must be an object like {\"max-size\": \"20m\", \"max-file\": \"5\"}%1")
                .arg(limits ? QString() : QStringLiteral(": ") + limits.error().message()));
    s.logMaxSize = limits->maxSize.value_or(s.logMaxSize);
    s.logMaxFiles = limits->maxFiles.value_or(s.logMaxFiles);
    return {};
}

Result<void> apply(EngineSettings &s, const std::string &key, const Json &value)
{
    if (key == "data-root") {
        auto path = absolutePath(value, "data-root");
        if (!path)
            return path.error();
        s.dataRoot = *path;
    } else if (key == "run-root") {
        auto path = absolutePath(value, "run-root");
        if (!path)
            return path.error();
        s.runRoot = *path;
    } else if (key == "debug") {
        if (!value.is_boolean())
            return Error::invalidArgument(QStringLiteral("\"debug\" must be true or false"));
        s.debug = value.get<bool>();
    } else if (key == "max-concurrent-jobs-per-user") {
        auto n = positiveInt(value, "max-concurrent-jobs-per-user", 1024);
        if (!n)
            return n.error();
        s.maxJobsPerUser = *n;
    } else if (key == "max-concurrent-downloads") {
        auto n = positiveInt(value, "max-concurrent-downloads", 64);
        if (!n)
            return n.error();
        s.maxConcurrentDownloads = *n;
    } else if (key == "max-event-subscribers") {
        auto n = positiveInt(value, "max-event-subscribers", 4096);
        if (!n)
            return n.error();
        s.maxEventSubscribers = *n;
    } else if (key == "cgroup-parent") {
        const QString parent = value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
        const QStringList parts = parent.split(u'/');
        const auto valid = [](const QString &part) { return ascii::isAlnumOr(part, u"_.-") && part != u".."; };
        if (!std::all_of(parts.begin(), parts.end(), valid))
            return Error::invalidArgument(
                QStringLiteral("\"cgroup-parent\" must be a relative cgroup path like \"berth\" or \"machine/berth\""));
        s.cgroupParent = parent;
    } else if (key == "default-pids-limit") {
        if (!value.is_number_integer() || value.get<long long>() < 0)
            return Error::invalidArgument(QStringLiteral("\"default-pids-limit\" must be a whole number, 0 for none"));
        s.defaultPidsLimit = value.get<long long>();
    } else if (key == "log-opts") {
        return applyLogOptions(s, value);
    } else if (key == "bridge") {
        const QString bridge = value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
        if (bridge.size() > 15 || !ascii::isAlnumOr(bridge, u"_.-"))
            return Error::invalidArgument(
                QStringLiteral("\"bridge\" must be an interface name of 1 to 15 letters, digits, '_', '.' or '-'"));
        s.bridge = bridge;
    } else if (key == "bip") {
        const QString bip = value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
        if (!Subnet::parse(bip))
            return Error::invalidArgument(
                QStringLiteral("\"bip\" must be the bridge's address and prefix, like \"172.17.0.1/16\""));
        s.bip = bip;
    } else if (key == "insecure-registries") {
        if (!value.is_array())
            return Error::invalidArgument(QStringLiteral("\"insecure-registries\" must be a list of \"host[:port]\""));
        QStringList hosts;
        for (const Json &entry : value) {
            const QString name = entry.is_string() ? QString::fromStdString(entry.get<std::string>()) : QString();
            if (!isRegistryHost(name))
                return Error::invalidArgument(
                    QStringLiteral("\"insecure-registries\" must list registries as \"host[:port]\", not \"%1\"").arg(name));
            hosts << name;
        }
        s.insecureRegistries = hosts;
    } else if (key == "registry-mirrors") {
        if (!value.is_array())
            return Error::invalidArgument(QStringLiteral("\"registry-mirrors\" must be a list of URLs"));
        QStringList mirrors;
        for (const Json &entry : value) {
            const QString text = entry.is_string() ? QString::fromStdString(entry.get<std::string>()) : QString();
            const QUrl url(text, QUrl::StrictMode);
            if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty()
                || !url.userInfo().isEmpty() || (!url.path().isEmpty() && url.path() != u"/") || url.hasQuery()
                || url.hasFragment())
                return Error::invalidArgument(
                    QStringLiteral("\"registry-mirrors\" must list URLs like \"https://mirror.example.com\", not \"%1\"")
                        .arg(text));
            mirrors << url.scheme() + QStringLiteral("://") + url.authority();
        }
        s.registryMirrors = mirrors;
    } else if (key == "registry-certs-dir") {
        auto path = absolutePath(value, "registry-certs-dir");
        if (!path)
            return path.error();
        s.registryCertsDirectory = *path;
    } else {
        return Error::invalidArgument(QStringLiteral("unknown setting \"%1\"").arg(QString::fromStdString(key)));
    }
    return {};
}

} // namespace

Result<EngineSettings> EngineSettings::load(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return EngineSettings{};
    if (!file.open(QIODevice::ReadOnly))
        return Error::unavailable(QStringLiteral("cannot read settings file \"%1\": %2").arg(path, file.errorString()));
    if (file.size() > kMaxSettingsBytes)
        return Error::invalidArgument(QStringLiteral("settings file \"%1\" is larger than 1 MiB").arg(path));
    auto settings = parse(file.read(kMaxSettingsBytes));
    if (!settings)
        return settings.error().wrapped(QStringLiteral("settings file \"%1\"").arg(path));
    return settings;
}

Result<EngineSettings> EngineSettings::parse(const QByteArray &json)
{
    const Json document = Json::parse(json.constBegin(), json.constEnd(), nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded())
        return Error::invalidArgument(QStringLiteral("not valid JSON"));
    if (!document.is_object())
        return Error::invalidArgument(QStringLiteral("the top level must be a JSON object"));
    EngineSettings settings;
    for (const auto &[key, value] : document.items())
        if (auto applied = apply(settings, key, value); !applied)
            return applied.error();
    return settings;
}

QVariantMap EngineSettings::reloadable() const
{
    return {{QStringLiteral("debug"), debug},
            {QStringLiteral("max-concurrent-jobs-per-user"), maxJobsPerUser},
            {QStringLiteral("max-event-subscribers"), maxEventSubscribers},
            {QStringLiteral("insecure-registries"), insecureRegistries},
            {QStringLiteral("registry-mirrors"), registryMirrors},
            {QStringLiteral("max-concurrent-downloads"), maxConcurrentDownloads},
            {QStringLiteral("registry-certs-dir"), registryCertsDirectory}};
}

} // namespace berth
