#pragma once

#include <QCoreApplication>

namespace berth::cli {

// `berth import`: a root filesystem tarball (a file, or - for stdin) to an image, like
// `docker import`.  The file is opened here, as the user.  `berth commit`: a container's
// changes to an image, like `docker commit`.
class ImportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)
public:
    static int run(const QStringList &arguments);
    static int commit(const QStringList &arguments);

private:
    // Calls the method that starts the image job, follows it, prints the new image's id.
    static int makeImage(const QString &method, const QVariantList &arguments);
};

} // namespace berth::cli
