#pragma once

// EngineSettings: the engine's settings file (default /etc/berth/engine.json), the same idea
// as Docker's daemon.json.  Unknown keys and wrong types are rejected with the key named, as
// dockerd does, so a typo never silently falls back to a default.
//
//     auto settings = EngineSettings::load(u"/etc/berth/engine.json"_s);   // missing file: defaults
//     if (!settings) { qCritical() << settings.error().message(); return 1; }

#include "result.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace berth {

struct EngineSettings
{
    QString dataRoot = QStringLiteral("/var/lib/berth");
    QString runRoot = QStringLiteral("/run/berth");
    bool debug = false;
    int maxJobsPerUser = 8;
    int maxEventSubscribers = 64;
    QString cgroupParent = QStringLiteral("berth"); // containers' cgroups: /<parent>/<id>
    qint64 defaultPidsLimit = 4096; // when a container names none; 0: none
    qint64 logMaxSize = 20 * 1024 * 1024; // "log-opts": {"max-size": "20m"}
    int logMaxFiles = 5; // "log-opts": {"max-file": "5"}
    QString bridge = QStringLiteral("berth0"); // the default network's bridge
    QString bip; // its address and prefix ("172.17.0.1/16"); empty: the first free candidate
    // Registries whose TLS certificate is not checked, or that speak plain HTTP ("host:port").
    QStringList insecureRegistries;
    // Mirrors of Docker Hub tried in turn before it ("https://mirror.example.com").
    QStringList registryMirrors;
    int maxConcurrentDownloads = 3; // layers a pull downloads at once, as docker's default
    // Per-registry CA certificates: <dir>/<host:port>/*.crt, as docker reads them.
    QString registryCertsDirectory = QStringLiteral("/etc/docker/certs.d");

    static Result<EngineSettings> load(const QString &path);
    static Result<EngineSettings> parse(const QByteArray &json);

    // Settings that may change while the engine runs, as D-Bus values by their JSON key.
    QVariantMap reloadable() const;
};

} // namespace berth
