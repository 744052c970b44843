#pragma once

// berth volume create, ls, inspect, rm and prune: docker's `volume` commands.

#include <QCoreApplication>

namespace berth::cli {

class VolumeCommand
{
    Q_DECLARE_TR_FUNCTIONS(VolumeCommand)
public:
    static int run(const QStringList &arguments); // berth volume <command>
    static int create(const QStringList &arguments);
    static int list(const QStringList &arguments);
    static int inspect(const QStringList &arguments);
    static int remove(const QStringList &arguments);
    static int prune(const QStringList &arguments);
};

} // namespace berth::cli
