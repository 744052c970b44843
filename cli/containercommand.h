#pragma once

// berth ps, stop, restart, kill, rm, pause, unpause, rename, wait, logs, inspect and
// `berth container ...`: containers that exist, as docker's commands show and change them.

#include <QCoreApplication>

namespace berth::cli {

class ContainerCommand
{
    Q_DECLARE_TR_FUNCTIONS(ContainerCommand)
public:
    static int run(const QStringList &arguments); // berth container <command>
    static int list(const QStringList &arguments);
    static int stop(const QStringList &arguments);
    static int restart(const QStringList &arguments);
    static int kill(const QStringList &arguments);
    static int remove(const QStringList &arguments);
    static int pause(const QStringList &arguments);
    static int unpause(const QStringList &arguments);
    static int rename(const QStringList &arguments);
    static int wait(const QStringList &arguments);
    static int logs(const QStringList &arguments);
    static int inspect(const QStringList &arguments); // berth container inspect
    static int inspectAny(const QStringList &arguments); // berth inspect: containers, then images
    static int prune(const QStringList &arguments);
    static int port(const QStringList &arguments);
    static int diff(const QStringList &arguments);
    static int top(const QStringList &arguments);
    static int attach(const QStringList &arguments);
    static int stats(const QStringList &arguments);
};

} // namespace berth::cli
