#pragma once

// berth pull, push, login, logout and search: images from and to registries, as docker's commands for
// them.  Credentials are the person's, in docker's config.json (common/registry/dockerconfig.h),
// handed to the engine with each pull or push.

#include <QCoreApplication>

namespace berth::cli {

class RegistryCommand
{
    Q_DECLARE_TR_FUNCTIONS(RegistryCommand)
public:
    static int pull(const QStringList &arguments); // berth pull, berth image pull
    static int push(const QStringList &arguments); // berth push, berth image push
    static int login(const QStringList &arguments);
    static int logout(const QStringList &arguments);
    static int search(const QStringList &arguments);
};

} // namespace berth::cli
