#include "dockerconfig.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <nlohmann/json.hpp>

namespace berth {

QVariantMap credentialOptions(const std::optional<RegistryCredentials> &credentials)
{
    if (!credentials)
        return {};
    return {{QStringLiteral("username"), credentials->username}, {QStringLiteral("password"), credentials->password}};
}

namespace DockerConfig {
namespace {

using Json = nlohmann::ordered_json;

Json readConfig()
{
    QFile file(path());
    if (!file.open(QIODevice::ReadOnly))
        return Json::object();
    const QByteArray bytes = file.read(4 * 1024 * 1024);
    Json json = Json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    return json.is_object() ? json : Json::object();
}

Result<void> writeConfig(const Json &json)
{
    QDir().mkpath(QFileInfo(path()).absolutePath());
    QSaveFile file(path());
    if (!file.open(QIODevice::WriteOnly))
        return Error::unavailable(QStringLiteral("cannot write %1: %2").arg(path(), file.errorString()));
    // Passwords inside: readable by the person only, as docker writes it.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QByteArray::fromStdString(json.dump(1, '\t')) + '\n');
    if (!file.commit())
        return Error::unavailable(QStringLiteral("cannot write %1: %2").arg(path(), file.errorString()));
    return {};
}

} // namespace

QString path()
{
    const QString directory = qEnvironmentVariable("DOCKER_CONFIG");
    return (directory.isEmpty() ? QDir::homePath() + QStringLiteral("/.docker") : directory) + QStringLiteral("/config.json");
}

QString keyFor(const QString &registry)
{
    if (registry.isEmpty() || registry == u"docker.io" || registry == u"registry-1.docker.io" || registry == u"index.docker.io")
        return QStringLiteral("https://index.docker.io/v1/");
    return registry;
}

std::optional<RegistryCredentials> credentials(const QString &registry)
{
    const Json config = readConfig();
    const std::string key = keyFor(registry).toStdString();
    if (!config.contains("auths") || !config["auths"].is_object() || !config["auths"].contains(key))
        return std::nullopt;
    const Json &entry = config["auths"][key];
    if (!entry.is_object() || !entry.contains("auth") || !entry["auth"].is_string())
        return std::nullopt;
    const QByteArray decoded = QByteArray::fromBase64(QByteArray::fromStdString(entry["auth"].get<std::string>()));
    const qsizetype colon = decoded.indexOf(':');
    if (colon <= 0)
        return std::nullopt;
    return RegistryCredentials{QString::fromUtf8(decoded.left(colon)), QString::fromUtf8(decoded.mid(colon + 1))};
}

QStringList registries()
{
    const Json config = readConfig();
    QStringList names;
    if (config.contains("auths") && config["auths"].is_object())
        for (const auto &[key, entry] : config["auths"].items())
            if (entry.is_object() && entry.contains("auth"))
                names << QString::fromStdString(key);
    return names;
}

Result<void> store(const QString &registry, const RegistryCredentials &credentials)
{
    Json config = readConfig();
    if (!config.contains("auths") || !config["auths"].is_object())
        config["auths"] = Json::object();
    const QByteArray auth = (credentials.username + u':' + credentials.password).toUtf8().toBase64();
    config["auths"][keyFor(registry).toStdString()] = Json{{"auth", auth.toStdString()}};
    return writeConfig(config);
}

Result<bool> erase(const QString &registry)
{
    Json config = readConfig();
    const std::string key = keyFor(registry).toStdString();
    if (!config.contains("auths") || !config["auths"].is_object() || !config["auths"].contains(key))
        return false;
    config["auths"].erase(key);
    if (auto written = writeConfig(config); !written)
        return written.error();
    return true;
}

} // namespace DockerConfig
} // namespace berth
