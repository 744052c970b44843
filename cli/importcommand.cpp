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
    return makeImage(QStringLiteral("ImportImage"), {QVariant::fromValue(QDBusUnixFileDescriptor(fd)), options});
}

int ImportCommand::makeImage(const QString &method, const QVariantList &arguments)
{
    EngineClient engine;
    const auto reply = engine.call(engine::kImagesInterface, method, arguments, engine::kImagesPath);
    if (!reply)
        return engine.report(reply.error(), Failure);
    const auto result = JobWatcher(qvariant_cast<QDBusObjectPath>(reply->value(0)).path(), true).wait();
    if (!result)
        return engine.report(result.error(), Failure);
    out() << result->value(QStringLiteral("Id")).toString() << Qt::endl;
    return Success;
}

int ImportCommand::commit(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]"),
                         tr("Create a new image from a container's changes"));
    parser.addOption({{QStringLiteral("a"), QStringLiteral("author")},
                      tr("Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")"),
                      QStringLiteral("string")});
    parser.addOption({{QStringLiteral("c"), QStringLiteral("change")},
                      tr("Apply Dockerfile instruction to the created image"),
                      QStringLiteral("list")});
    parser.addOption({{QStringLiteral("m"), QStringLiteral("message")}, tr("Commit message"), QStringLiteral("string")});
    parser.addOption({{QStringLiteral("p"), QStringLiteral("pause")},
                      tr("Pause container during commit (default true)"),
                      QStringLiteral("bool"),
                      QStringLiteral("true")});
    if (auto done = parser.parse(arguments))
        return *done;
    const QStringList positional = parser.positional();
    if (positional.isEmpty() || positional.size() > 2)
        return CommandParser::usageError(QStringLiteral("berth commit"),
                                         tr("\"berth commit\" requires at least 1 and at most 2 arguments."));
    const QString pause = parser.flags().value(QStringLiteral("pause"));
    if (pause != u"true" && pause != u"false")
        return CommandParser::usageError(QStringLiteral("berth commit"),
                                         tr("invalid argument \"%1\" for \"-p, --pause\" flag").arg(pause));
    QVariantMap options{{QStringLiteral("changes"), parser.flags().values(QStringLiteral("change"))},
                        {QStringLiteral("pause"), pause == u"true"}};
    for (const QString &name : {QStringLiteral("author"), QStringLiteral("message")})
        if (parser.flags().isSet(name))
            options.insert(name, parser.flags().value(name));
    if (positional.size() == 2)
        options.insert(QStringLiteral("reference"), positional[1]);
    return makeImage(QStringLiteral("CommitContainer"), {positional.first(), options});
}

} // namespace berth::cli
