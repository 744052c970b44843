#pragma once

// The person's registry credentials, kept as docker keeps them: "auths" in
// $DOCKER_CONFIG/config.json (default ~/.docker/config.json), each registry's "auth" the
// base64 of "user:password".  Entries docker wrote are read as they are, and everything else
// in the file is kept when Berth writes it.  Read and written as the person, never by root on
// the person's behalf: the engine gets credentials with each pull or push only.
//
//     auto found = DockerConfig::credentials(u"127.0.0.1:5000"_s);   // std::optional
//     DockerConfig::store(u"127.0.0.1:5000"_s, {u"me"_s, u"secret"_s});

#include "result.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

namespace berth {

struct RegistryCredentials
{
    QString username;
    QString password;
};

// Credentials as the engine's registry calls take them in their options ("username",
// "password"); none: no options.
QVariantMap credentialOptions(const std::optional<RegistryCredentials> &credentials);

namespace DockerConfig {

QString path();
// The key docker uses for a registry: its host, or docker's index URL for docker.io.
QString keyFor(const QString &registry);
std::optional<RegistryCredentials> credentials(const QString &registry);
// The registries the person has credentials for, as keyFor() names them.
QStringList registries();
Result<void> store(const QString &registry, const RegistryCredentials &credentials);
// Whether there was an entry to remove.
Result<bool> erase(const QString &registry);

} // namespace DockerConfig
} // namespace berth
