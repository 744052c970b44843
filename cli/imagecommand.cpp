#include "imagecommand.h"

#include "commandparser.h"
#include "commandtable.h"
#include "engine.h"
#include "engineclient.h"
#include "imagescommand.h"
#include "output.h"
#include "registrycommand.h"
#include "table.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace berth::cli {
namespace {

constexpr qsizetype kCreatedByWidth = 45;

Result<QVariantList> callImages(EngineClient &engine, const QString &method, const QVariantList &args)
{
    return engine.call(engine::kImagesInterface, method, args, engine::kImagesPath);
}

void printRemoval(const QVariantMap &report)
{
    for (const QString &name : report.value(QStringLiteral("Untagged")).toStringList())
        out() << ImageCommand::tr("Untagged: %1").arg(name) << u'\n';
    for (const QString &id : report.value(QStringLiteral("Deleted")).toStringList())
        out() << ImageCommand::tr("Deleted: %1").arg(id) << u'\n';
    out().flush();
}

} // namespace

int ImageCommand::run(const QStringList &arguments)
{
    static const CommandTable table(
        QStringLiteral("berth image"), tr("Manage images"),
        {{QStringLiteral("history"), QT_TRANSLATE_NOOP("CommandTable", "Show the history of an image"), history},
         {QStringLiteral("inspect"), QT_TRANSLATE_NOOP("CommandTable", "Display detailed information on one or more images"),
          inspect},
         {QStringLiteral("ls"), QT_TRANSLATE_NOOP("CommandTable", "List images"), ImagesCommand::run},
         {QStringLiteral("prune"), QT_TRANSLATE_NOOP("CommandTable", "Remove unused images"), prune},
         {QStringLiteral("pull"), QT_TRANSLATE_NOOP("CommandTable", "Download an image from a registry"), RegistryCommand::pull},
         {QStringLiteral("push"), QT_TRANSLATE_NOOP("CommandTable", "Upload an image to a registry"), RegistryCommand::push},
         {QStringLiteral("rm"), QT_TRANSLATE_NOOP("CommandTable", "Remove one or more images"), remove},
         {QStringLiteral("tag"), QT_TRANSLATE_NOOP("CommandTable", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE"),
          tag}});
    return table.dispatch(arguments);
}

int ImageCommand::inspect(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth image inspect [OPTIONS] IMAGE [IMAGE...]"),
                         tr("Display detailed information on one or more images"));
    parser.addFormatOption();
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().isEmpty())
        return CommandParser::usageError(QStringLiteral("berth image inspect"),
                                         tr("\"berth image inspect\" requires at least 1 argument."));
    EngineClient engine;
    QJsonArray found;
    int exitCode = Success;
    for (const QString &name : parser.positional()) {
        const auto reply = callImages(engine, QStringLiteral("InspectImage"), {name, QVariantMap{}});
        if (!reply) {
            if (engine.unreachable())
                return engine.report(reply.error());
            err() << tr("Error: %1").arg(reply.error().message()) << Qt::endl;
            exitCode = Failure;
            continue;
        }
        found.append(QJsonDocument::fromJson(reply->value(0).toString().toUtf8()).object());
    }
    parser.printAll(found);
    out().flush();
    return exitCode;
}

int ImageCommand::history(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth history [OPTIONS] IMAGE"), tr("Show the history of an image"));
    parser.addOption(
        {{QStringLiteral("H"), QStringLiteral("human")}, tr("Print sizes and dates in human readable format (default true)")});
    parser.addOption({QStringLiteral("no-trunc"), tr("Don't truncate output")});
    parser.addOption({{QStringLiteral("q"), QStringLiteral("quiet")}, tr("Only show image IDs")});
    parser.addFormatOption(false);
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() != 1)
        return CommandParser::usageError(QStringLiteral("berth history"), tr("\"berth history\" requires exactly 1 argument."));
    EngineClient engine;
    const auto reply = callImages(engine, QStringLiteral("ImageHistory"), {parser.positional().first(), QVariantMap{}});
    if (!reply)
        return engine.report(reply.error(), Failure);
    const bool noTrunc = parser.flags().isSet(QStringLiteral("no-trunc"));
    Table table({tr("IMAGE"), tr("CREATED"), tr("CREATED BY"), tr("SIZE"), tr("COMMENT")});
    for (const QVariant &item : reply->value(0).toList()) {
        const QVariantMap step = item.toMap();
        QString id = step.value(QStringLiteral("Id")).toString();
        if (id.startsWith(u"sha256:") && !noTrunc)
            id = id.mid(7, 12);
        if (parser.flags().isSet(QStringLiteral("quiet"))) {
            out() << id << u'\n';
            continue;
        }
        if (parser.formatted()) {
            parser.print(QJsonObject::fromVariantMap(step));
            continue;
        }
        QString createdBy = step.value(QStringLiteral("CreatedBy")).toString();
        if (!noTrunc && createdBy.size() > kCreatedByWidth)
            createdBy = createdBy.left(kCreatedByWidth - 1) + u'…';
        table.addRow({id, timeAgo(step.value(QStringLiteral("Created")).toLongLong()), createdBy,
                      dockerSize(step.value(QStringLiteral("Size")).toULongLong()),
                      step.value(QStringLiteral("Comment")).toString()});
    }
    if (!parser.flags().isSet(QStringLiteral("quiet")) && !parser.formatted())
        table.print();
    out().flush();
    return Success;
}

int ImageCommand::tag(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]"),
                         tr("Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE"));
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() != 2)
        return CommandParser::usageError(QStringLiteral("berth tag"), tr("\"berth tag\" requires exactly 2 arguments."));
    EngineClient engine;
    const auto reply
        = callImages(engine, QStringLiteral("TagImage"), {parser.positional()[0], parser.positional()[1], QVariantMap{}});
    return reply ? Success : engine.report(reply.error(), Failure);
}

int ImageCommand::remove(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth rmi [OPTIONS] IMAGE [IMAGE...]"), tr("Remove one or more images"));
    parser.addOption({{QStringLiteral("f"), QStringLiteral("force")}, tr("Force removal of the image")});
    parser.addOption({QStringLiteral("no-prune"), tr("Do not delete untagged parents")});
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().isEmpty())
        return CommandParser::usageError(QStringLiteral("berth rmi"), tr("\"berth rmi\" requires at least 1 argument."));
    EngineClient engine;
    int exitCode = Success;
    const QVariantMap options{{QStringLiteral("force"), parser.flags().isSet(QStringLiteral("force"))}};
    for (const QString &name : parser.positional()) {
        const auto reply = callImages(engine, QStringLiteral("RemoveImage"), {name, options});
        if (!reply) {
            exitCode = engine.report(reply.error(), Failure);
            if (engine.unreachable())
                return exitCode;
            continue;
        }
        printRemoval(reply->value(0).toMap());
    }
    return exitCode;
}

int ImageCommand::prune(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth image prune [OPTIONS]"), tr("Remove unused images"));
    parser.addOption({{QStringLiteral("a"), QStringLiteral("all")}, tr("Remove all unused images, not just dangling ones")});
    parser.addOption({{QStringLiteral("f"), QStringLiteral("force")}, tr("Do not prompt for confirmation")});
    if (auto done = parser.parse(arguments))
        return *done;
    const bool all = parser.flags().isSet(QStringLiteral("all"));
    const QString warning = all ? tr("WARNING! This will remove all images without at least one container associated to them.")
                                : tr("WARNING! This will remove all dangling images.");
    if (!parser.flags().isSet(QStringLiteral("force")) && !confirmed(warning))
        return Success;
    EngineClient engine;
    const auto reply = callImages(engine, QStringLiteral("PruneImages"), {QVariantMap{{QStringLiteral("all"), all}}});
    if (!reply)
        return engine.report(reply.error(), Failure);
    const QVariantMap report = reply->value(0).toMap();
    if (!report.value(QStringLiteral("Untagged")).toStringList().isEmpty()
        || !report.value(QStringLiteral("Deleted")).toStringList().isEmpty()) {
        out() << tr("Deleted Images:") << u'\n';
        printRemoval(report);
        out() << u'\n';
    }
    out() << tr("Total reclaimed space: %1").arg(dockerSize(report.value(QStringLiteral("SpaceReclaimed")).toULongLong()))
          << Qt::endl;
    return Success;
}

} // namespace berth::cli
