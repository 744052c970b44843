#pragma once

#include <QCoreApplication>

namespace berth::cli {

// `berth version`: the client's and the engine's versions, like `docker version`.
class VersionCommand
{
    Q_DECLARE_TR_FUNCTIONS(VersionCommand)
public:
    static int run(const QStringList &arguments);
};

} // namespace berth::cli
