#pragma once

// RegistryKeyring: the person's registry credentials as the desktop app keeps them: in their
// keyring (the Secret Service: GNOME Keyring, KWallet; through qtkeychain), one entry per
// registry, with only the registry's name and the username in the app's settings for the
// Registries page to list.  Lookups fall back to the person's docker config, where `berth
// login` and `docker login` keep theirs, so a login from the terminal counts in the app too.
// Every call is asynchronous: the GUI thread never waits on the keyring.
//
//     RegistryKeyring::lookup(host, this, [](std::optional<RegistryCredentials> found) { ... });

#include "registry/dockerconfig.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace berth::gui::RegistryKeyring {

// A registry the app lists, and who is logged in there and where that login is kept.
struct Login
{
    QString registry;
    QString username;
    bool inKeyring = false; // else in the docker config
};

// The keyring's entry for the registry, else the docker config's, else none.
void lookup(const QString &registry, QObject *context, std::function<void(std::optional<RegistryCredentials>)> done);

// Keeps the credentials in the keyring.  When there is no keyring to keep them in they go to
// the docker config instead, as `berth login` keeps them; `done` gets an error message, or an
// empty one, and whether the keyring took them.
void store(const QString &registry, const RegistryCredentials &credentials, QObject *context,
           std::function<void(const QString &error, bool inKeyring)> done);

// Forgets the registry's credentials, in the keyring and in the docker config.
void forget(const QString &registry, QObject *context, std::function<void(const QString &error)> done);

// The registries logged in to: those of the app's settings and the docker config's.
QList<Login> logins();

} // namespace berth::gui::RegistryKeyring
