#include "loadcommand.h"

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

int LoadCommand::run(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth load [OPTIONS]"), tr("Load an image from a tar archive or STDIN"));
    parser.addOption({{QStringLiteral("i"), QStringLiteral("input")},
                      tr("Read from tar archive file, instead of STDIN"),
                      QStringLiteral("file")});
    parser.addOption({{QStringLiteral("q"), QStringLiteral("quiet")}, tr("Suppress the load output")});
    if (auto done = parser.parse(arguments))
        return *done;

    int fd = STDIN_FILENO;
    if (parser.flags().isSet(QStringLiteral("input"))) {
        const QString path = parser.flags().value(QStringLiteral("input"));
        fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            err() << tr("open %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))) << Qt::endl;
            return Failure;
        }
    } else if (::isatty(STDIN_FILENO)) {
        err() << tr("requested load from stdin, but stdin is empty") << Qt::endl;
        return Failure;
    }
    EngineClient engine;
    const auto reply = engine.call(engine::kImagesInterface, QStringLiteral("LoadImages"),
                                   {QVariant::fromValue(QDBusUnixFileDescriptor(fd)), QVariantMap{}}, engine::kImagesPath);
    if (!reply)
        return engine.report(reply.error(), Failure);
    const bool quiet = parser.flags().isSet(QStringLiteral("quiet"));
    const auto result = JobWatcher(qvariant_cast<QDBusObjectPath>(reply->value(0)).path(), quiet).wait();
    if (!result)
        return engine.report(result.error(), Failure);
    for (const QString &name : result->value(QStringLiteral("Loaded")).toStringList())
        out() << (name.startsWith(u"sha256:") ? tr("Loaded image ID: %1").arg(name) : tr("Loaded image: %1").arg(name)) << u'\n';
    out().flush();
    return Success;
}

} // namespace berth::cli
