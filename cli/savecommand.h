#pragma once

#include <QCoreApplication>

namespace berth::cli {

// `berth save`: images to a tar archive on stdout or a file, like `docker save`.  The file is
// created here, as the user; the engine receives only the open file descriptor.
class SaveCommand
{
    Q_DECLARE_TR_FUNCTIONS(SaveCommand)
public:
    static int run(const QStringList &arguments);
};

} // namespace berth::cli
