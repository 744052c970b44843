#pragma once

#include <QCoreApplication>

namespace berth::cli {

// `berth load`: images from an archive on stdin or a file, like `docker load`.  The file is
// opened here, as the user; the engine receives only the open file descriptor.
class LoadCommand
{
    Q_DECLARE_TR_FUNCTIONS(LoadCommand)
public:
    static int run(const QStringList &arguments);
};

} // namespace berth::cli
