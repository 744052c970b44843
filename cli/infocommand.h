#pragma once

#include <QCoreApplication>

namespace berth::cli {

// `berth info`: facts about the engine and its host, like `docker info`.
class InfoCommand
{
    Q_DECLARE_TR_FUNCTIONS(InfoCommand)
public:
    static int run(const QStringList &arguments);
};

} // namespace berth::cli
