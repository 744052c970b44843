#pragma once

#include <QCoreApplication>

namespace berth::cli {

// `berth images` and `berth image ls`: the local images, like `docker images`.
class ImagesCommand
{
    Q_DECLARE_TR_FUNCTIONS(ImagesCommand)
public:
    static int run(const QStringList &arguments);
};

} // namespace berth::cli
