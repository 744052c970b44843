#include "savecommand.h"

#include "commandparser.h"
#include "engine.h"
#include "engineclient.h"
#include "jobwatcher.h"
#include "output.h"

#include <QDBusObjectPath>
#include <QDBusUnixFileDescriptor>
#include <QFile>

#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace berth::cli {

int SaveCommand::run(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth save [OPTIONS] IMAGE [IMAGE...]"),
                         tr("Save one or more images to a tar archive (streamed to STDOUT by default)"));
    parser.addOption(
        {{QStringLiteral("o"), QStringLiteral("output")}, tr("Write to a file, instead of STDOUT"), QStringLiteral("file")});
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().isEmpty()) {
        err() << tr("\"berth save\" requires at least 1 argument.") << Qt::endl << tr("See 'berth save --help'.") << Qt::endl;
        return EngineError;
    }
    int fd = STDOUT_FILENO;
    const QString path = parser.flags().value(QStringLiteral("output"));
    if (!path.isEmpty()) {
        fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) {
            err() << tr("open %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))) << Qt::endl;
            return Failure;
        }
    } else if (::isatty(STDOUT_FILENO)) {
        err() << tr("cowardly refusing to save to a terminal. Use the -o flag or redirect") << Qt::endl;
        return Failure;
    }
    EngineClient engine;
    const auto reply = engine.call(engine::kImagesInterface, QStringLiteral("SaveImages"),
                                   {parser.positional(), QVariant::fromValue(QDBusUnixFileDescriptor(fd)), QVariantMap{}},
                                   engine::kImagesPath);
    if (fd != STDOUT_FILENO)
        ::close(fd); // the engine holds its own copy
    if (!reply)
        return engine.report(reply.error(), Failure);
    const auto result = JobWatcher(qvariant_cast<QDBusObjectPath>(reply->value(0)).path(), true).wait();
    if (!result) {
        if (!path.isEmpty())
            QFile::remove(path); // no half archive left behind
        return engine.report(result.error(), Failure);
    }
    return Success;
}

} // namespace berth::cli
