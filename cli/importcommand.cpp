#include "importcommand.h"

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

int ImportCommand::run(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth import [OPTIONS] file|- [REPOSITORY[:TAG]]"),
                         tr("Import the contents from a tarball to create a filesystem image"));
    parser.addOption({{QStringLiteral("c"), QStringLiteral("change")},
                      tr("Apply Dockerfile instruction to the created image"),
                      QStringLiteral("list")});
    parser.addOption({{QStringLiteral("m"), QStringLiteral("message")},
                      tr("Set commit message for imported image"),
                      QStringLiteral("string")});
    if (auto done = parser.parse(arguments))
        return *done;
    const QStringList positional = parser.positional();
    if (positional.isEmpty() || positional.size() > 2) {
        err() << tr("\"berth import\" requires at least 1 and at most 2 arguments.") << Qt::endl
              << tr("See 'berth import --help'.") << Qt::endl;
        return EngineError;
    }
    const QString source = positional.first();
    if (source.contains(QStringLiteral("://"))) {
        err() << tr("importing from a URL is not supported; download the file and import it") << Qt::endl;
        return Failure;
    }
    int fd = STDIN_FILENO;
    if (source != u"-") {
        fd = ::open(QFile::encodeName(source).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            err() << tr("open %1: %2").arg(source, QString::fromLocal8Bit(std::strerror(errno))) << Qt::endl;
            return Failure;
        }
    }
    QVariantMap options{{QStringLiteral("changes"), parser.flags().values(QStringLiteral("change"))}};
    if (parser.flags().isSet(QStringLiteral("message")))
        options.insert(QStringLiteral("message"), parser.flags().value(QStringLiteral("message")));
    if (positional.size() == 2)
        options.insert(QStringLiteral("reference"), positional[1]);
    EngineClient engine;
    const auto reply = engine.call(engine::kImagesInterface, QStringLiteral("ImportImage"),
                                   {QVariant::fromValue(QDBusUnixFileDescriptor(fd)), options}, engine::kImagesPath);
    if (!reply)
        return engine.report(reply.error(), Failure);
    const auto result = JobWatcher(qvariant_cast<QDBusObjectPath>(reply->value(0)).path(), true).wait();
    if (!result)
        return engine.report(result.error(), Failure);
    out() << result->value(QStringLiteral("Id")).toString() << Qt::endl;
    return Success;
}

} // namespace berth::cli
