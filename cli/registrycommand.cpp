#include "registrycommand.h"

#include "commandparser.h"
#include "engine.h"
#include "engineclient.h"
#include "image/imageref.h"
#include "jobwatcher.h"
#include "output.h"

#include <QDBusObjectPath>

namespace berth::cli {

int RegistryCommand::pull(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth pull [OPTIONS] NAME[:TAG|@DIGEST]"), tr("Download an image from a registry"));
    parser.addOption({{QStringLiteral("q"), QStringLiteral("quiet")}, tr("Suppress verbose output")});
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() != 1)
        return CommandParser::usageError(QStringLiteral("berth pull"), tr("\"berth pull\" requires exactly 1 argument."));
    auto ref = ImageRef::parse(parser.positional().first());
    if (!ref) {
        err() << tr("invalid reference format: %1").arg(ref.error().message()) << Qt::endl;
        return Failure;
    }
    const bool quiet = parser.flags().isSet(QStringLiteral("quiet"));
    if (!quiet)
        out() << tr("%1: Pulling from %2").arg(ref->digest() ? ref->digest()->toString() : ref->tag(), ref->familiarName())
              << Qt::endl;
    EngineClient engine;
    const auto reply = engine.call(engine::kImagesInterface, QStringLiteral("PullImage"), {ref->toString(), QVariantMap{}},
                                   engine::kImagesPath);
    if (!reply)
        return engine.report(reply.error(), Failure);
    const auto result = JobWatcher(qvariant_cast<QDBusObjectPath>(reply->value(0)).path(), quiet).wait();
    if (!result)
        return engine.report(result.error(), Failure);
    if (!quiet)
        out() << tr("Digest: %1").arg(result->value(QStringLiteral("Digest")).toString()) << Qt::endl
              << tr("Status: Downloaded newer image for %1").arg(ref->familiarString()) << Qt::endl;
    out() << ref->toString() << Qt::endl;
    return Success;
}

int RegistryCommand::push(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth push [OPTIONS] NAME[:TAG]"), tr("Upload an image to a registry"));
    parser.addOption({{QStringLiteral("q"), QStringLiteral("quiet")}, tr("Suppress verbose output")});
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() != 1)
        return CommandParser::usageError(QStringLiteral("berth push"), tr("\"berth push\" requires exactly 1 argument."));
    auto ref = ImageRef::parse(parser.positional().first());
    if (!ref) {
        err() << tr("invalid reference format: %1").arg(ref.error().message()) << Qt::endl;
        return Failure;
    }
    const bool quiet = parser.flags().isSet(QStringLiteral("quiet"));
    if (!quiet)
        out() << tr("The push refers to repository [%1]").arg(ref->name()) << Qt::endl;
    EngineClient engine;
    const auto reply = engine.call(engine::kImagesInterface, QStringLiteral("PushImage"), {ref->toString(), QVariantMap{}},
                                   engine::kImagesPath);
    if (!reply)
        return engine.report(reply.error(), Failure);
    const auto result = JobWatcher(qvariant_cast<QDBusObjectPath>(reply->value(0)).path(), quiet).wait();
    if (!result)
        return engine.report(result.error(), Failure);
    if (quiet)
        out() << ref->toString() << Qt::endl;
    else
        out() << tr("%1: digest: %2 size: %3")
                     .arg(ref->tag(), result->value(QStringLiteral("Digest")).toString())
                     .arg(result->value(QStringLiteral("Size")).toLongLong())
              << Qt::endl;
    return Success;
}

} // namespace berth::cli
