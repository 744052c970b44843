#pragma once

// berth run, berth create and berth start: a container from docker's flags, and its streams
// while it runs in the foreground.

#include <QCoreApplication>

namespace berth::cli {

class RunCommand
{
    Q_DECLARE_TR_FUNCTIONS(RunCommand)
public:
    static int run(const QStringList &arguments);
    static int create(const QStringList &arguments);
    static int start(const QStringList &arguments);
    static int exec(const QStringList &arguments);
};

} // namespace berth::cli
