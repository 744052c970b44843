#pragma once

// berth pull: images from registries, as docker's commands for them.

#include <QCoreApplication>

namespace berth::cli {

class RegistryCommand
{
    Q_DECLARE_TR_FUNCTIONS(RegistryCommand)
public:
    static int pull(const QStringList &arguments); // berth pull, berth image pull
};

} // namespace berth::cli
