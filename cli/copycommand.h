#pragma once

// berth cp and berth export: a container's files to and from the host.  The CLI reads and
// writes the host's files as the person running it; the engine sees only tar streams.

#include <QCoreApplication>

namespace berth::cli {

class CopyCommand
{
    Q_DECLARE_TR_FUNCTIONS(CopyCommand)
public:
    static int copy(const QStringList &arguments); // berth cp
    static int exportContainer(const QStringList &arguments); // berth export
};

} // namespace berth::cli
