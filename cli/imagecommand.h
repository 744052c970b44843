#pragma once

#include <QCoreApplication>

namespace berth::cli {

// `berth image ...` and the top-level shortcuts docker has for it: history, tag, rmi.
class ImageCommand
{
    Q_DECLARE_TR_FUNCTIONS(ImageCommand)
public:
    static int run(const QStringList &arguments);
    static int inspect(const QStringList &arguments);
    static int history(const QStringList &arguments);
    static int tag(const QStringList &arguments);
    static int remove(const QStringList &arguments);
    static int prune(const QStringList &arguments);
};

} // namespace berth::cli
