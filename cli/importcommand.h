#pragma once

#include <QCoreApplication>

namespace berth::cli {

// `berth import`: a root filesystem tarball (a file, or - for stdin) to an image, like
// `docker import`.  The file is opened here, as the user.
class ImportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)
public:
    static int run(const QStringList &arguments);
};

} // namespace berth::cli
