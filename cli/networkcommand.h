#pragma once

// berth network create, ls, inspect, rm, connect, disconnect and prune: docker's `network`
// commands.

#include <QCoreApplication>

namespace berth::cli {

class NetworkCommand
{
    Q_DECLARE_TR_FUNCTIONS(NetworkCommand)
public:
    static int run(const QStringList &arguments); // berth network <command>
    static int create(const QStringList &arguments);
    static int list(const QStringList &arguments);
    static int inspect(const QStringList &arguments);
    static int remove(const QStringList &arguments);
    static int connect(const QStringList &arguments);
    static int disconnect(const QStringList &arguments);
    static int prune(const QStringList &arguments);
};

} // namespace berth::cli
