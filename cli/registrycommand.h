#pragma once

// berth pull and push: images from and to registries, as docker's commands for them.

#include <QCoreApplication>

namespace berth::cli {

class RegistryCommand
{
    Q_DECLARE_TR_FUNCTIONS(RegistryCommand)
public:
    static int pull(const QStringList &arguments); // berth pull, berth image pull
    static int push(const QStringList &arguments); // berth push, berth image push
};

} // namespace berth::cli
