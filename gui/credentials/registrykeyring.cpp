#include "registrykeyring.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSettings>

#include <qt6keychain/keychain.h>

namespace berth::gui::RegistryKeyring {
namespace {

const QString kService = QStringLiteral("Berth registry login");
const QString kSettingsGroup = QStringLiteral("registries"); // registry -> username, no secrets

// Runs `job` and hands it to `done` on `context`, unless the context is gone by then.
template<typename Job> void run(Job *job, QObject *context, std::function<void(Job &)> done)
{
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, done = std::move(done)] { done(*job); });
    job->start();
}

QString settingsKey(const QString &registry)
{
    // QSettings reads "/" as a group separator; registries have none, but ports have ":".
    return kSettingsGroup + u'/' + QString::fromLatin1(registry.toUtf8().toPercentEncoding());
}

} // namespace

void lookup(const QString &registry, QObject *context, std::function<void(std::optional<RegistryCredentials>)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(kService);
    job->setKey(registry);
    run<QKeychain::ReadPasswordJob>(job, context, [registry, done = std::move(done)](QKeychain::ReadPasswordJob &read) {
        if (read.error() == QKeychain::NoError) {
            const QJsonObject entry = QJsonDocument::fromJson(read.textData().toUtf8()).object();
            done(RegistryCredentials{entry.value(u"username").toString(), entry.value(u"password").toString()});
            return;
        }
        done(DockerConfig::credentials(registry));
    });
}

void store(const QString &registry, const RegistryCredentials &credentials, QObject *context,
           std::function<void(const QString &, bool)> done)
{
    auto *job = new QKeychain::WritePasswordJob(kService);
    job->setKey(registry);
    job->setTextData(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("username"), credentials.username},
                                                                 {QStringLiteral("password"), credentials.password}})
                                           .toJson(QJsonDocument::Compact)));
    run<QKeychain::WritePasswordJob>(job, context,
                                     [registry, credentials, done = std::move(done)](QKeychain::WritePasswordJob &write) {
                                         if (write.error() == QKeychain::NoError) {
                                             QSettings().setValue(settingsKey(registry), credentials.username);
                                             // A login kept in the keyring replaces one the docker config had for the app.
                                             return done({}, true);
                                         }
                                         if (auto stored = DockerConfig::store(registry, credentials); !stored)
                                             return done(stored.error().message(), false);
                                         done({}, false);
                                     });
}

void forget(const QString &registry, QObject *context, std::function<void(const QString &)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(kService);
    job->setKey(registry);
    run<QKeychain::DeletePasswordJob>(job, context, [registry, done = std::move(done)](QKeychain::DeletePasswordJob &) {
        // Not in the keyring is as good as removed from it.
        QSettings().remove(settingsKey(registry));
        if (DockerConfig::credentials(registry))
            if (auto erased = DockerConfig::erase(registry); !erased)
                return done(erased.error().message());
        done({});
    });
}

QList<Login> logins()
{
    QList<Login> found;
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    for (const QString &key : settings.childKeys())
        found << Login{QString::fromUtf8(QByteArray::fromPercentEncoding(key.toLatin1())), settings.value(key).toString(), true};
    settings.endGroup();
    for (const QString &registry : DockerConfig::registries()) {
        const bool listed
            = std::any_of(found.cbegin(), found.cend(), [&](const Login &login) { return login.registry == registry; });
        if (const auto stored = DockerConfig::credentials(registry); stored && !listed)
            found << Login{registry, stored->username, false};
    }
    return found;
}

} // namespace berth::gui::RegistryKeyring
