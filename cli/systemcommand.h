#pragma once

#include <QCoreApplication>

namespace berth::cli {

// `berth system`: info, events, and reload of the engine's settings.
class SystemCommand
{
    Q_DECLARE_TR_FUNCTIONS(SystemCommand)
public:
    static int run(const QStringList &arguments);

private:
    static int reload(const QStringList &arguments);
    static int diskUsage(const QStringList &arguments);
};

} // namespace berth::cli
