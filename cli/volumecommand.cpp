#include "volumecommand.h"

#include "commandparser.h"
#include "commandtable.h"
#include "engine.h"
#include "engineclient.h"
#include "inspect.h"
#include "output.h"
#include "table.h"

namespace berth::cli {
namespace {

Result<QVariantList> callVolumes(EngineClient &engine, const QString &method, const QVariantList &args)
{
    return engine.call(engine::kVolumesInterface, method, args, engine::kVolumesPath);
}

} // namespace

int VolumeCommand::run(const QStringList &arguments)
{
    static const CommandTable table(
        QStringLiteral("berth volume"), tr("Manage volumes"),
        {{QStringLiteral("create"), QT_TRANSLATE_NOOP("CommandTable", "Create a volume"), create},
         {QStringLiteral("inspect"), QT_TRANSLATE_NOOP("CommandTable", "Display detailed information on one or more volumes"),
          inspect},
         {QStringLiteral("ls"), QT_TRANSLATE_NOOP("CommandTable", "List volumes"), list},
         {QStringLiteral("prune"), QT_TRANSLATE_NOOP("CommandTable", "Remove unused local volumes"), prune},
         {QStringLiteral("rm"), QT_TRANSLATE_NOOP("CommandTable", "Remove one or more volumes"), remove}});
    return table.dispatch(arguments);
}

int VolumeCommand::create(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth volume create [OPTIONS] [VOLUME]"), tr("Create a volume"));
    parser.addOption({QStringLiteral("label"), tr("Set metadata for a volume"), QStringLiteral("list")});
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() > 1)
        return CommandParser::usageError(QStringLiteral("berth volume create"),
                                         tr("\"berth volume create\" requires at most 1 argument."));
    QVariantMap labels;
    for (const QString &label : parser.flags().values(QStringLiteral("label")))
        labels.insert(label.section(u'=', 0, 0), label.section(u'=', 1));
    EngineClient engine;
    const auto reply = callVolumes(engine, QStringLiteral("CreateVolume"),
                                   {parser.positional().value(0), QVariantMap{{QStringLiteral("labels"), labels}}});
    if (!reply)
        return engine.report(reply.error(), Failure);
    out() << reply->value(0).toMap().value(QStringLiteral("Name")).toString() << Qt::endl;
    return Success;
}

namespace {

bool matchesFilter(const QVariantMap &volume, const QString &key, const QString &value)
{
    if (key == u"dangling")
        return volume.value(QStringLiteral("Users")).toStringList().isEmpty() == (value == u"true" || value == u"1");
    if (key == u"name")
        return volume.value(QStringLiteral("Name")).toString().contains(value);
    if (key == u"driver")
        return volume.value(QStringLiteral("Driver")).toString() == value;
    const QVariantMap labels = volume.value(QStringLiteral("Labels")).toMap();
    const QString label = value.section(u'=', 0, 0);
    return labels.contains(label) && (!value.contains(u'=') || labels.value(label).toString() == value.section(u'=', 1));
}

bool matchesFilters(const QVariantMap &volume, const QMultiMap<QString, QString> &filters)
{
    for (const QString &key : filters.uniqueKeys()) {
        const QStringList values = filters.values(key);
        if (std::none_of(values.cbegin(), values.cend(), [&](const QString &v) { return matchesFilter(volume, key, v); }))
            return false;
    }
    return true;
}

} // namespace

int VolumeCommand::list(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth volume ls [OPTIONS]"), tr("List volumes"));
    parser.addOption({{QStringLiteral("q"), QStringLiteral("quiet")}, tr("Only display volume names")});
    parser.addOption({{QStringLiteral("f"), QStringLiteral("filter")},
                      tr("Provide filter values (e.g. \"dangling=true\")"),
                      QStringLiteral("filter")});
    parser.addFormatOption(false);
    if (auto done = parser.parse(arguments))
        return *done;
    // docker's filters: values of one key are alternatives, different keys must all match.
    QMultiMap<QString, QString> filters;
    for (const QString &filter : parser.flags().values(QStringLiteral("filter"))) {
        const QString key = filter.section(u'=', 0, 0);
        const QString value = filter.section(u'=', 1);
        if (!filter.contains(u'=')
            || !QStringList{QStringLiteral("dangling"), QStringLiteral("name"), QStringLiteral("label"), QStringLiteral("driver")}
                    .contains(key)
            || (key == u"dangling"
                && !QStringList{QStringLiteral("true"), QStringLiteral("1"), QStringLiteral("false"), QStringLiteral("0")}
                        .contains(value)))
            return CommandParser::usageError(
                QStringLiteral("berth volume ls"),
                tr("invalid filter \"%1\": use dangling=true|false, name=, label=KEY[=VALUE] or driver=local").arg(filter));
        filters.insert(key, value);
    }
    EngineClient engine;
    const auto reply = callVolumes(engine, QStringLiteral("ListVolumes"), {QVariantMap{}});
    if (!reply)
        return engine.report(reply.error(), Failure);
    Table table({tr("DRIVER"), tr("VOLUME NAME")});
    parser.setTableHeaders({{QStringLiteral("Name"), tr("VOLUME NAME")}});
    for (const QVariant &item : reply->value(0).toList()) {
        const QVariantMap volume = item.toMap();
        if (!matchesFilters(volume, filters))
            continue;
        const QString name = volume.value(QStringLiteral("Name")).toString();
        if (parser.flags().isSet(QStringLiteral("quiet")))
            out() << name << u'\n';
        else if (parser.formatted())
            parser.print(QJsonObject::fromVariantMap(volume));
        else
            table.addRow({volume.value(QStringLiteral("Driver")).toString(), name});
    }
    if (!parser.flags().isSet(QStringLiteral("quiet")) && !parser.formatted())
        table.print();
    parser.endTable();
    out().flush();
    return Success;
}

int VolumeCommand::inspect(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth volume inspect [OPTIONS] VOLUME [VOLUME...]"),
                         tr("Display detailed information on one or more volumes"));
    parser.addFormatOption();
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().isEmpty())
        return CommandParser::usageError(QStringLiteral("berth volume inspect"),
                                         tr("\"berth volume inspect\" requires at least 1 argument."));
    EngineClient engine;
    int exitCode = Success;
    parser.printAll(inspectEach(engine, parser.positional(), engine::kVolumesInterface, engine::kVolumesPath,
                                QStringLiteral("InspectVolume"), exitCode));
    return exitCode;
}

int VolumeCommand::remove(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth volume rm [OPTIONS] VOLUME [VOLUME...]"), tr("Remove one or more volumes"));
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().isEmpty())
        return CommandParser::usageError(QStringLiteral("berth volume rm"),
                                         tr("\"berth volume rm\" requires at least 1 argument."));
    EngineClient engine;
    int exitCode = Success;
    for (const QString &name : parser.positional()) {
        if (const auto removed = callVolumes(engine, QStringLiteral("RemoveVolume"), {name, QVariantMap{}}); !removed)
            exitCode = engine.report(removed.error(), Failure);
        else
            out() << name << Qt::endl;
    }
    return exitCode;
}

int VolumeCommand::prune(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth volume prune [OPTIONS]"), tr("Remove unused local volumes"));
    parser.addOption({{QStringLiteral("a"), QStringLiteral("all")}, tr("Remove all unused volumes, not just anonymous ones")});
    parser.addOption({{QStringLiteral("f"), QStringLiteral("force")}, tr("Do not prompt for confirmation")});
    if (auto done = parser.parse(arguments))
        return *done;
    if (!parser.flags().isSet(QStringLiteral("force"))
        && !confirmed(tr("WARNING! This will remove anonymous local volumes not used by at least one container.")))
        return Success;
    EngineClient engine;
    const auto reply = callVolumes(engine, QStringLiteral("PruneVolumes"),
                                   {QVariantMap{{QStringLiteral("all"), parser.flags().isSet(QStringLiteral("all"))}}});
    if (!reply)
        return engine.report(reply.error(), Failure);
    const QVariantMap report = reply->value(0).toMap();
    const QStringList deleted = report.value(QStringLiteral("VolumesDeleted")).toStringList();
    if (!deleted.isEmpty()) {
        out() << tr("Deleted Volumes:") << u'\n';
        for (const QString &name : deleted)
            out() << name << u'\n';
        out() << u'\n';
    }
    out() << tr("Total reclaimed space: %1").arg(dockerSize(report.value(QStringLiteral("SpaceReclaimed")).toULongLong()))
          << Qt::endl;
    return Success;
}

} // namespace berth::cli
