#include "networkcommand.h"

#include "commandparser.h"
#include "commandtable.h"
#include "engine.h"
#include "engineclient.h"
#include "inspect.h"
#include "output.h"
#include "table.h"

#include <QDateTime>

namespace berth::cli {
namespace {

Result<QVariantList> callNetworks(EngineClient &engine, const QString &method, const QVariantList &args)
{
    return engine.call(engine::kNetworksInterface, method, args, engine::kNetworksPath);
}

} // namespace

int NetworkCommand::run(const QStringList &arguments)
{
    static const CommandTable table(
        QStringLiteral("berth network"), tr("Manage networks"),
        {{QStringLiteral("connect"), QT_TRANSLATE_NOOP("CommandTable", "Connect a container to a network"), connect},
         {QStringLiteral("create"), QT_TRANSLATE_NOOP("CommandTable", "Create a network"), create},
         {QStringLiteral("disconnect"), QT_TRANSLATE_NOOP("CommandTable", "Disconnect a container from a network"), disconnect},
         {QStringLiteral("inspect"), QT_TRANSLATE_NOOP("CommandTable", "Display detailed information on one or more networks"),
          inspect},
         {QStringLiteral("ls"), QT_TRANSLATE_NOOP("CommandTable", "List networks"), list},
         {QStringLiteral("prune"), QT_TRANSLATE_NOOP("CommandTable", "Remove all unused networks"), prune},
         {QStringLiteral("rm"), QT_TRANSLATE_NOOP("CommandTable", "Remove one or more networks"), remove}});
    return table.dispatch(arguments);
}

int NetworkCommand::create(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth network create [OPTIONS] NETWORK"), tr("Create a network"));
    parser.addOption(
        {{QStringLiteral("d"), QStringLiteral("driver")}, tr("Driver to manage the Network"), QStringLiteral("string")});
    parser.addOption(
        {QStringLiteral("subnet"), tr("Subnet in CIDR format that represents a network segment"), QStringLiteral("strings")});
    parser.addOption({QStringLiteral("gateway"), tr("IPv4 or IPv6 Gateway for the master subnet"), QStringLiteral("strings")});
    parser.addOption({QStringLiteral("internal"), tr("Restrict external access to the network")});
    parser.addOption({QStringLiteral("label"), tr("Set metadata on a network"), QStringLiteral("list")});
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() != 1)
        return CommandParser::usageError(QStringLiteral("berth network create"),
                                         tr("\"berth network create\" requires exactly 1 argument."));
    const QCommandLineParser &f = parser.flags();
    if (f.isSet(QStringLiteral("driver")) && f.value(QStringLiteral("driver")) != u"bridge")
        return CommandParser::usageError(
            QStringLiteral("berth network create"),
            tr("only the bridge driver is supported, not \"%1\"").arg(f.value(QStringLiteral("driver"))));
    QVariantMap labels;
    for (const QString &label : f.values(QStringLiteral("label")))
        labels.insert(label.section(u'=', 0, 0), label.section(u'=', 1));
    QVariantMap options{{QStringLiteral("internal"), f.isSet(QStringLiteral("internal"))}, {QStringLiteral("labels"), labels}};
    for (const QString &key : {QStringLiteral("subnet"), QStringLiteral("gateway")})
        if (f.isSet(key))
            options.insert(key, f.value(key));
    EngineClient engine;
    const auto reply = callNetworks(engine, QStringLiteral("CreateNetwork"), {parser.positional().first(), options});
    if (!reply)
        return engine.report(reply.error(), Failure);
    out() << reply->value(0).toMap().value(QStringLiteral("Id")).toString() << Qt::endl;
    return Success;
}

int NetworkCommand::list(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth network ls [OPTIONS]"), tr("List networks"));
    parser.addOption({{QStringLiteral("q"), QStringLiteral("quiet")}, tr("Only display network IDs")});
    parser.addOption({QStringLiteral("no-trunc"), tr("Do not truncate the output")});
    parser.addFormatOption();
    if (auto done = parser.parse(arguments))
        return *done;
    EngineClient engine;
    const auto reply = callNetworks(engine, QStringLiteral("ListNetworks"), {QVariantMap{}});
    if (!reply)
        return engine.report(reply.error(), Failure);
    const bool noTrunc = parser.flags().isSet(QStringLiteral("no-trunc"));
    Table table({tr("NETWORK ID"), tr("NAME"), tr("DRIVER"), tr("SCOPE")});
    parser.setTableHeaders({{QStringLiteral("ID"), tr("NETWORK ID")}});
    for (const QVariant &item : reply->value(0).toList()) {
        const QVariantMap network = item.toMap();
        const QString id = network.value(QStringLiteral("Id")).toString();
        if (parser.flags().isSet(QStringLiteral("quiet")))
            out() << (noTrunc ? id : id.left(12)) << u'\n';
        else if (parser.formatted())
            parser.print({{QStringLiteral("ID"), noTrunc ? id : id.left(12)}, // docker's fields
                          {QStringLiteral("Name"), network.value(QStringLiteral("Name")).toString()},
                          {QStringLiteral("Driver"), network.value(QStringLiteral("Driver")).toString()},
                          {QStringLiteral("Scope"), network.value(QStringLiteral("Scope")).toString()},
                          {QStringLiteral("Internal"), network.value(QStringLiteral("Internal")).toBool()},
                          {QStringLiteral("IPv6"), false},
                          {QStringLiteral("CreatedAt"), network.value(QStringLiteral("Created")).toString()}});
        else
            table.addRow({noTrunc ? id : id.left(12), network.value(QStringLiteral("Name")).toString(),
                          network.value(QStringLiteral("Driver")).toString(), network.value(QStringLiteral("Scope")).toString()});
    }
    if (!parser.flags().isSet(QStringLiteral("quiet")) && !parser.formatted())
        table.print();
    parser.endTable();
    out().flush();
    return Success;
}

int NetworkCommand::inspect(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth network inspect [OPTIONS] NETWORK [NETWORK...]"),
                         tr("Display detailed information on one or more networks"));
    parser.addFormatOption();
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().isEmpty())
        return CommandParser::usageError(QStringLiteral("berth network inspect"),
                                         tr("\"berth network inspect\" requires at least 1 argument."));
    EngineClient engine;
    int exitCode = Success;
    parser.printAll(inspectEach(engine, parser.positional(), engine::kNetworksInterface, engine::kNetworksPath,
                                QStringLiteral("InspectNetwork"), exitCode));
    return exitCode;
}

int NetworkCommand::remove(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth network rm NETWORK [NETWORK...]"), tr("Remove one or more networks"));
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().isEmpty())
        return CommandParser::usageError(QStringLiteral("berth network rm"),
                                         tr("\"berth network rm\" requires at least 1 argument."));
    EngineClient engine;
    int exitCode = Success;
    for (const QString &name : parser.positional()) {
        if (const auto removed = callNetworks(engine, QStringLiteral("RemoveNetwork"), {name, QVariantMap{}}); !removed)
            exitCode = engine.report(removed.error(), Failure);
        else
            out() << name << Qt::endl;
    }
    return exitCode;
}

int NetworkCommand::connect(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth network connect [OPTIONS] NETWORK CONTAINER"),
                         tr("Connect a container to a network"));
    parser.addOption({QStringLiteral("alias"), tr("Add network-scoped alias for the container"), QStringLiteral("strings")});
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() != 2)
        return CommandParser::usageError(QStringLiteral("berth network connect"),
                                         tr("\"berth network connect\" requires exactly 2 arguments."));
    EngineClient engine;
    const auto reply = callNetworks(engine, QStringLiteral("ConnectNetwork"),
                                    {parser.positional()[0], parser.positional()[1],
                                     QVariantMap{{QStringLiteral("aliases"), parser.flags().values(QStringLiteral("alias"))}}});
    return reply ? Success : engine.report(reply.error(), Failure);
}

int NetworkCommand::disconnect(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth network disconnect [OPTIONS] NETWORK CONTAINER"),
                         tr("Disconnect a container from a network"));
    parser.addOption({{QStringLiteral("f"), QStringLiteral("force")}, tr("Force the container to disconnect from a network")});
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() != 2)
        return CommandParser::usageError(QStringLiteral("berth network disconnect"),
                                         tr("\"berth network disconnect\" requires exactly 2 arguments."));
    EngineClient engine;
    const auto reply = callNetworks(engine, QStringLiteral("DisconnectNetwork"),
                                    {parser.positional()[0], parser.positional()[1], QVariantMap{}});
    return reply ? Success : engine.report(reply.error(), Failure);
}

int NetworkCommand::prune(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth network prune [OPTIONS]"), tr("Remove all unused networks"));
    parser.addOption({{QStringLiteral("f"), QStringLiteral("force")}, tr("Do not prompt for confirmation")});
    if (auto done = parser.parse(arguments))
        return *done;
    if (!parser.flags().isSet(QStringLiteral("force"))
        && !confirmed(tr("WARNING! This will remove all custom networks not used by at least one container.")))
        return Success;
    EngineClient engine;
    const auto reply = callNetworks(engine, QStringLiteral("PruneNetworks"), {QVariantMap{}});
    if (!reply)
        return engine.report(reply.error(), Failure);
    const QStringList deleted = reply->value(0).toMap().value(QStringLiteral("NetworksDeleted")).toStringList();
    if (!deleted.isEmpty()) {
        out() << tr("Deleted Networks:") << u'\n';
        for (const QString &name : deleted)
            out() << name << u'\n';
    }
    out().flush();
    return Success;
}

} // namespace berth::cli
