#include "containercommand.h"

#include "copycommand.h"
#include "importcommand.h"
#include "inspect.h"

#include "container/stats.h"
#include "container/units.h"

#include "commandparser.h"
#include "commandtable.h"
#include "engine.h"
#include "engineclient.h"
#include "output.h"
#include "runcommand.h"
#include "streams.h"
#include "table.h"
#include "timestamps.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>

#include <unistd.h>

namespace berth::cli {
namespace {

constexpr qsizetype kCommandWidth = 20;

// docker ps's STATUS column: "Up 5 minutes", "Exited (0) 3 seconds ago", "Created", ...
QString statusText(const QVariantMap &c)
{
    const QString state = c.value(QStringLiteral("State")).toString();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QString up = humanDuration(now - secondsSinceEpoch(c.value(QStringLiteral("StartedAt")).toString()));
    const QString exitCode = c.value(QStringLiteral("ExitCode")).toString();
    const QString ago = timeAgo(secondsSinceEpoch(c.value(QStringLiteral("FinishedAt")).toString()));
    if (state == u"running")
        return ContainerCommand::tr("Up %1").arg(up);
    if (state == u"paused")
        return ContainerCommand::tr("Up %1 (Paused)").arg(up);
    if (state == u"restarting")
        return ContainerCommand::tr("Restarting (%1) %2").arg(exitCode, ago);
    if (state == u"exited")
        return ContainerCommand::tr("Exited (%1) %2").arg(exitCode, ago);
    if (state == u"removing")
        return ContainerCommand::tr("Removal In Progress");
    if (state == u"dead")
        return ContainerCommand::tr("Dead");
    return ContainerCommand::tr("Created", "container state");
}

// The fields docker's ps gives --format, with docker's values (`{{json .}}` prints them all).
QJsonObject containerRow(const QVariantMap &c, const QString &id, const QString &command, const QString &names,
                         const QString &ports, const QString &size, bool noTrunc)
{
    QStringList labels;
    const QVariantMap labelMap = c.value(QStringLiteral("Labels")).toMap();
    for (auto it = labelMap.cbegin(); it != labelMap.cend(); ++it)
        labels << it.key() + u'=' + it.value().toString();
    // A volume by its name, a bind by its host path; docker cuts each to 15 characters.
    QStringList mounts;
    int localVolumes = 0;
    for (const QVariant &item : c.value(QStringLiteral("Mounts")).toList()) {
        const QVariantMap mount = item.toMap();
        const QString volume = mount.value(QStringLiteral("Name")).toString();
        localVolumes += volume.isEmpty() ? 0 : 1;
        const QString name = volume.isEmpty() ? mount.value(QStringLiteral("Source")).toString() : volume;
        mounts << (noTrunc || name.size() <= 15 ? name : name.left(14) + u'…');
    }
    const qint64 created = c.value(QStringLiteral("Created")).toLongLong();
    return {{QStringLiteral("ID"), id},
            {QStringLiteral("Image"), c.value(QStringLiteral("Image")).toString()},
            {QStringLiteral("Command"), command},
            {QStringLiteral("CreatedAt"), dockerTime(created)},
            {QStringLiteral("RunningFor"), timeAgo(created)},
            {QStringLiteral("Ports"), ports},
            {QStringLiteral("State"), c.value(QStringLiteral("State")).toString()},
            {QStringLiteral("Status"), statusText(c)},
            {QStringLiteral("Size"), size},
            {QStringLiteral("Names"), names},
            {QStringLiteral("Labels"), labels.join(u',')},
            {QStringLiteral("Networks"), c.value(QStringLiteral("Networks")).toStringList().join(u',')},
            {QStringLiteral("Mounts"), mounts.join(u',')},
            {QStringLiteral("LocalVolumes"), QString::number(localVolumes)}};
}

// docker ps's column titles for a "table" format.
QJsonObject containerTitles()
{
    return {{QStringLiteral("ID"), ContainerCommand::tr("CONTAINER ID")},
            {QStringLiteral("Image"), ContainerCommand::tr("IMAGE")},
            {QStringLiteral("Command"), ContainerCommand::tr("COMMAND")},
            {QStringLiteral("CreatedAt"), ContainerCommand::tr("CREATED AT")},
            {QStringLiteral("RunningFor"), ContainerCommand::tr("CREATED")},
            {QStringLiteral("Ports"), ContainerCommand::tr("PORTS")},
            {QStringLiteral("State"), ContainerCommand::tr("STATE")},
            {QStringLiteral("Status"), ContainerCommand::tr("STATUS")},
            {QStringLiteral("Size"), ContainerCommand::tr("SIZE")},
            {QStringLiteral("Names"), ContainerCommand::tr("NAMES")},
            {QStringLiteral("Labels"), ContainerCommand::tr("LABELS")},
            {QStringLiteral("Networks"), ContainerCommand::tr("NETWORKS")},
            {QStringLiteral("Mounts"), ContainerCommand::tr("MOUNTS")},
            {QStringLiteral("LocalVolumes"), ContainerCommand::tr("LOCAL VOLUMES")}};
}

// For each name, calls `method`; prints the name on success, as docker's stop, kill, rm do.
int forEach(const CommandParser &parser, const QString &command, const QString &method, const QVariantMap &options)
{
    if (parser.positional().isEmpty())
        return CommandParser::usageError(command, ContainerCommand::tr("\"%1\" requires at least 1 argument.").arg(command));
    EngineClient engine;
    int exitCode = Success;
    for (const QString &name : parser.positional()) {
        const auto reply = engine.callContainers(method, {name, options});
        if (!reply) {
            exitCode = engine.report(reply.error(), Failure);
            if (engine.unreachable())
                return exitCode;
            continue;
        }
        out() << name << Qt::endl;
    }
    return exitCode;
}

// stop's and restart's -t and -s.
QVariantMap stopOptions(const CommandParser &parser)
{
    QVariantMap options;
    if (parser.flags().isSet(QStringLiteral("time")))
        options.insert(QStringLiteral("timeout"), parser.flags().value(QStringLiteral("time")).toInt());
    if (parser.flags().isSet(QStringLiteral("signal")))
        options.insert(QStringLiteral("signal"), parser.flags().value(QStringLiteral("signal")));
    return options;
}

// "--since 10m" or an RFC 3339 time, as docker logs takes them.
Result<QString> logTime(const QString &value)
{
    if (value.isEmpty())
        return QString();
    // A Go duration, as docker reads one: "10m", "1h30m", "1.5h", "250ms".
    static const QRegularExpression duration(QStringLiteral("^(?:\\d+(?:\\.\\d+)?(?:ns|us|µs|ms|s|m|h))+$"));
    if (duration.match(value).hasMatch()) {
        static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)"));
        static const QHash<QString, double> milliseconds = {
            {QStringLiteral("ns"), 1e-6}, {QStringLiteral("us"), 1e-3}, {QStringLiteral("µs"), 1e-3}, {QStringLiteral("ms"), 1},
            {QStringLiteral("s"), 1e3},   {QStringLiteral("m"), 6e4},   {QStringLiteral("h"), 3.6e6}};
        double ago = 0;
        for (const QRegularExpressionMatch &match : part.globalMatch(value))
            ago += match.captured(1).toDouble() * milliseconds.value(match.captured(2));
        return QDateTime::currentDateTimeUtc().addMSecs(-qint64(ago)).toString(Qt::ISODateWithMs);
    }
    bool numeric = false;
    const qint64 epoch = value.toLongLong(&numeric);
    if (numeric)
        return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC).toString(Qt::ISODateWithMs);
    const QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
    if (!time.isValid())
        return Error::invalidArgument(
            ContainerCommand::tr("invalid time \"%1\": use a duration (10m, 1h30m) or an RFC 3339 time").arg(value));
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// Every --filter key=value, each key's values as a list, as the engine takes filters; an
// `until` (prune's) becomes a time.
Result<QVariantMap> filtersOf(const CommandParser &parser)
{
    QVariantMap filters;
    for (const QString &filter : parser.flags().values(QStringLiteral("filter"))) {
        if (!filter.contains(u'='))
            return Error::invalidArgument(ContainerCommand::tr("bad format of filter (expected name=value)"));
        const QString key = filter.section(u'=', 0, 0);
        QString value = filter.section(u'=', 1);
        if (key == u"until") { // "24h" or a time, as docker takes it
            auto time = logTime(value);
            if (!time)
                return time.error();
            value = *time;
        }
        filters.insert(key, filters.value(key).toStringList() << value);
    }
    return filters;
}

} // namespace

int ContainerCommand::run(const QStringList &arguments)
{
    static const CommandTable table(
        QStringLiteral("berth container"), tr("Manage containers"),
        {{QStringLiteral("attach"),
          QT_TRANSLATE_NOOP("CommandTable", "Attach local standard input, output, and error streams to a running container"),
          attach},
         {QStringLiteral("create"), QT_TRANSLATE_NOOP("CommandTable", "Create a new container"), RunCommand::create},
         {QStringLiteral("exec"), QT_TRANSLATE_NOOP("CommandTable", "Execute a command in a running container"),
          RunCommand::exec},
         {QStringLiteral("inspect"), QT_TRANSLATE_NOOP("CommandTable", "Display detailed information on one or more containers"),
          inspect},
         {QStringLiteral("kill"), QT_TRANSLATE_NOOP("CommandTable", "Kill one or more running containers"), kill},
         {QStringLiteral("logs"), QT_TRANSLATE_NOOP("CommandTable", "Fetch the logs of a container"), logs},
         {QStringLiteral("ls"), QT_TRANSLATE_NOOP("CommandTable", "List containers"), list},
         {QStringLiteral("pause"), QT_TRANSLATE_NOOP("CommandTable", "Pause all processes within one or more containers"), pause},
         {QStringLiteral("prune"), QT_TRANSLATE_NOOP("CommandTable", "Remove all stopped containers"), prune},
         {QStringLiteral("rename"), QT_TRANSLATE_NOOP("CommandTable", "Rename a container"), rename},
         {QStringLiteral("restart"), QT_TRANSLATE_NOOP("CommandTable", "Restart one or more containers"), restart},
         {QStringLiteral("rm"), QT_TRANSLATE_NOOP("CommandTable", "Remove one or more containers"), remove},
         {QStringLiteral("run"), QT_TRANSLATE_NOOP("CommandTable", "Create and run a new container from an image"),
          RunCommand::run},
         {QStringLiteral("start"), QT_TRANSLATE_NOOP("CommandTable", "Start one or more stopped containers"), RunCommand::start},
         {QStringLiteral("stats"),
          QT_TRANSLATE_NOOP("CommandTable", "Display a live stream of container(s) resource usage statistics"), stats},
         {QStringLiteral("stop"), QT_TRANSLATE_NOOP("CommandTable", "Stop one or more running containers"), stop},
         {QStringLiteral("port"), QT_TRANSLATE_NOOP("CommandTable", "List port mappings or a specific mapping for the container"),
          port},
         {QStringLiteral("diff"),
          QT_TRANSLATE_NOOP("CommandTable", "Inspect changes to files or directories on a container's filesystem"), diff},
         {QStringLiteral("commit"), QT_TRANSLATE_NOOP("CommandTable", "Create a new image from a container's changes"),
          ImportCommand::commit},
         {QStringLiteral("cp"),
          QT_TRANSLATE_NOOP("CommandTable", "Copy files/folders between a container and the local filesystem"),
          CopyCommand::copy},
         {QStringLiteral("export"), QT_TRANSLATE_NOOP("CommandTable", "Export a container's filesystem as a tar archive"),
          CopyCommand::exportContainer},
         {QStringLiteral("top"), QT_TRANSLATE_NOOP("CommandTable", "Display the running processes of a container"), top},
         {QStringLiteral("unpause"), QT_TRANSLATE_NOOP("CommandTable", "Unpause all processes within one or more containers"),
          unpause},
         {QStringLiteral("wait"),
          QT_TRANSLATE_NOOP("CommandTable", "Block until one or more containers stop, then print their exit codes"), wait}});
    return table.dispatch(arguments);
}

int ContainerCommand::list(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth ps [OPTIONS]"), tr("List containers"));
    parser.addOption({{QStringLiteral("a"), QStringLiteral("all")}, tr("Show all containers (default shows just running)")});
    parser.addOption({{QStringLiteral("q"), QStringLiteral("quiet")}, tr("Only display container IDs")});
    parser.addOption({{QStringLiteral("s"), QStringLiteral("size")}, tr("Display total file sizes")});
    parser.addOption({{QStringLiteral("n"), QStringLiteral("last")},
                      tr("Show n last created containers (includes all states)"),
                      QStringLiteral("int")});
    parser.addOption(
        {{QStringLiteral("l"), QStringLiteral("latest")}, tr("Show the latest created container (includes all states)")});
    parser.addOption({QStringLiteral("no-trunc"), tr("Don't truncate output")});
    parser.addOption({QStringLiteral("filter"), tr("Filter output based on conditions provided"), QStringLiteral("filter")});
    parser.addFormatOption(false);
    if (auto done = parser.parse(arguments))
        return *done;
    const QCommandLineParser &f = parser.flags();
    int last = f.isSet(QStringLiteral("last")) ? f.value(QStringLiteral("last")).toInt() : -1;
    if (f.isSet(QStringLiteral("latest")))
        last = 1;
    const auto filters = filtersOf(parser);
    if (!filters)
        return CommandParser::usageError(QStringLiteral("berth ps"), filters.error().message());
    const bool sizes = f.isSet(QStringLiteral("size"));
    QVariantMap options{{QStringLiteral("all"), f.isSet(QStringLiteral("all")) || last > 0}, {QStringLiteral("size"), sizes}};
    if (!filters->isEmpty())
        options.insert(QStringLiteral("filters"), *filters);
    EngineClient engine;
    const auto reply = engine.callContainers(QStringLiteral("ListContainers"), {options});
    if (!reply)
        return engine.report(reply.error(), Failure);
    QVariantList rows = reply->value(0).toList();
    if (last > 0)
        rows = rows.mid(0, last);
    const bool noTrunc = f.isSet(QStringLiteral("no-trunc"));
    QStringList columns = {tr("CONTAINER ID"), tr("IMAGE"), tr("COMMAND"), tr("CREATED"), tr("STATUS"), tr("PORTS"), tr("NAMES")};
    if (sizes)
        columns << tr("SIZE");
    Table table(columns);
    parser.setTableHeaders(containerTitles());
    for (const QVariant &item : std::as_const(rows)) {
        const QVariantMap c = item.toMap();
        const QString id = c.value(QStringLiteral("Id")).toString();
        if (f.isSet(QStringLiteral("quiet"))) {
            out() << (noTrunc ? id : id.left(12)) << u'\n';
            continue;
        }
        QString command = c.value(QStringLiteral("Command")).toString();
        if (!noTrunc && command.size() > kCommandWidth)
            command = command.left(kCommandWidth - 1) + u'…';
        QStringList names;
        for (const QString &name : c.value(QStringLiteral("Names")).toStringList())
            names << name.mid(1);
        //: docker ps -s: "12B (virtual 1.98MB)"
        const QString size = tr("%1 (virtual %2)")
                                 .arg(dockerSize(c.value(QStringLiteral("SizeRw")).toULongLong()),
                                      dockerSize(c.value(QStringLiteral("SizeRootFs")).toULongLong()));
        const QString ports = c.value(QStringLiteral("Ports")).toStringList().join(QStringLiteral(", "));
        if (parser.formatted()) {
            parser.print(containerRow(c, noTrunc ? id : id.left(12), u'"' + command + u'"', names.join(u','), ports,
                                      sizes ? size : dockerSize(0), noTrunc));
            continue;
        }
        QStringList cells = {noTrunc ? id : id.left(12),
                             c.value(QStringLiteral("Image")).toString(),
                             u'"' + command + u'"',
                             timeAgo(c.value(QStringLiteral("Created")).toLongLong()),
                             statusText(c),
                             ports,
                             names.join(u',')};
        if (sizes)
            cells << size;
        table.addRow(cells);
    }
    if (!f.isSet(QStringLiteral("quiet")) && !parser.formatted())
        table.print();
    parser.endTable();
    out().flush();
    return Success;
}

int ContainerCommand::stop(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth stop [OPTIONS] CONTAINER [CONTAINER...]"),
                         tr("Stop one or more running containers"));
    parser.addOption({{QStringLiteral("t"), QStringLiteral("time")},
                      tr("Seconds to wait before killing the container"),
                      QStringLiteral("int")});
    parser.addOption(
        {{QStringLiteral("s"), QStringLiteral("signal")}, tr("Signal to send to the container"), QStringLiteral("string")});
    if (auto done = parser.parse(arguments))
        return *done;
    return forEach(parser, QStringLiteral("berth stop"), QStringLiteral("StopContainer"), stopOptions(parser));
}

int ContainerCommand::restart(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth restart [OPTIONS] CONTAINER [CONTAINER...]"),
                         tr("Restart one or more containers"));
    parser.addOption({{QStringLiteral("t"), QStringLiteral("time")},
                      tr("Seconds to wait before killing the container"),
                      QStringLiteral("int")});
    parser.addOption(
        {{QStringLiteral("s"), QStringLiteral("signal")}, tr("Signal to send to the container"), QStringLiteral("string")});
    if (auto done = parser.parse(arguments))
        return *done;
    return forEach(parser, QStringLiteral("berth restart"), QStringLiteral("RestartContainer"), stopOptions(parser));
}

int ContainerCommand::kill(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth kill [OPTIONS] CONTAINER [CONTAINER...]"),
                         tr("Kill one or more running containers"));
    parser.addOption(
        {{QStringLiteral("s"), QStringLiteral("signal")}, tr("Signal to send to the container"), QStringLiteral("string")});
    if (auto done = parser.parse(arguments))
        return *done;
    QVariantMap options;
    if (parser.flags().isSet(QStringLiteral("signal")))
        options.insert(QStringLiteral("signal"), parser.flags().value(QStringLiteral("signal")));
    return forEach(parser, QStringLiteral("berth kill"), QStringLiteral("KillContainer"), options);
}

int ContainerCommand::remove(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth rm [OPTIONS] CONTAINER [CONTAINER...]"), tr("Remove one or more containers"));
    parser.addOption(
        {{QStringLiteral("f"), QStringLiteral("force")}, tr("Force the removal of a running container (uses SIGKILL)")});
    parser.addOption(
        {{QStringLiteral("v"), QStringLiteral("volumes")}, tr("Remove anonymous volumes associated with the container")});
    if (auto done = parser.parse(arguments))
        return *done;
    return forEach(parser, QStringLiteral("berth rm"), QStringLiteral("RemoveContainer"),
                   {{QStringLiteral("force"), parser.flags().isSet(QStringLiteral("force"))},
                    {QStringLiteral("volumes"), parser.flags().isSet(QStringLiteral("volumes"))}});
}

int ContainerCommand::pause(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth pause CONTAINER [CONTAINER...]"),
                         tr("Pause all processes within one or more containers"));
    if (auto done = parser.parse(arguments))
        return *done;
    return forEach(parser, QStringLiteral("berth pause"), QStringLiteral("PauseContainer"), {});
}

int ContainerCommand::unpause(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth unpause CONTAINER [CONTAINER...]"),
                         tr("Unpause all processes within one or more containers"));
    if (auto done = parser.parse(arguments))
        return *done;
    return forEach(parser, QStringLiteral("berth unpause"), QStringLiteral("UnpauseContainer"), {});
}

int ContainerCommand::rename(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth rename CONTAINER NEW_NAME"), tr("Rename a container"));
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() != 2)
        return CommandParser::usageError(QStringLiteral("berth rename"), tr("\"berth rename\" requires exactly 2 arguments."));
    EngineClient engine;
    const auto reply = engine.callContainers(QStringLiteral("RenameContainer"),
                                             {parser.positional()[0], parser.positional()[1], QVariantMap{}});
    return reply ? Success : engine.report(reply.error(), Failure);
}

int ContainerCommand::wait(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth wait CONTAINER [CONTAINER...]"),
                         tr("Block until one or more containers stop, then print their exit codes"));
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().isEmpty())
        return CommandParser::usageError(QStringLiteral("berth wait"), tr("\"berth wait\" requires at least 1 argument."));
    EngineClient engine;
    int exitCode = Success;
    for (const QString &name : parser.positional()) {
        const auto reply = engine.callContainers(QStringLiteral("WaitContainer"), {name, QVariantMap{}});
        if (!reply) {
            exitCode = engine.report(reply.error(), Failure);
            continue;
        }
        out() << reply->value(0).toMap().value(QStringLiteral("StatusCode")).toInt() << Qt::endl;
    }
    return exitCode;
}

int ContainerCommand::logs(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth logs [OPTIONS] CONTAINER"), tr("Fetch the logs of a container"));
    parser.addOption({{QStringLiteral("f"), QStringLiteral("follow")}, tr("Follow log output")});
    parser.addOption({{QStringLiteral("n"), QStringLiteral("tail")},
                      tr("Number of lines to show from the end of the logs"),
                      QStringLiteral("string")});
    parser.addOption({{QStringLiteral("t"), QStringLiteral("timestamps")}, tr("Show timestamps")});
    parser.addOption({QStringLiteral("since"), tr("Show logs since timestamp or relative (e.g. 42m for 42 minutes)"),
                      QStringLiteral("string")});
    parser.addOption({QStringLiteral("until"), tr("Show logs before a timestamp or relative (e.g. 42m for 42 minutes)"),
                      QStringLiteral("string")});
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() != 1)
        return CommandParser::usageError(QStringLiteral("berth logs"), tr("\"berth logs\" requires exactly 1 argument."));
    const QCommandLineParser &f = parser.flags();
    QVariantMap options{{QStringLiteral("follow"), f.isSet(QStringLiteral("follow"))},
                        {QStringLiteral("timestamps"), f.isSet(QStringLiteral("timestamps"))}};
    const QString tail = f.value(QStringLiteral("tail"));
    if (!tail.isEmpty() && tail != u"all") {
        bool ok = false;
        options.insert(QStringLiteral("tail"), tail.toInt(&ok));
        if (!ok)
            return CommandParser::usageError(QStringLiteral("berth logs"), tr("invalid tail value \"%1\"").arg(tail));
    }
    for (const QString &key : {QStringLiteral("since"), QStringLiteral("until")}) {
        auto time = logTime(f.value(key));
        if (!time)
            return CommandParser::usageError(QStringLiteral("berth logs"), time.error().message());
        if (!time->isEmpty())
            options.insert(key, *time);
    }
    // The engine writes into pipes and closes them when the logs are done (with -f: when the
    // container stops); we copy until then.
    StreamPipes pipes(false);
    EngineClient engine;
    const auto reply = engine.callContainers(QStringLiteral("ContainerLogs"),
                                             {parser.positional().first(), pipes.engineStdout(), pipes.engineStderr(), options});
    if (!reply)
        return engine.report(reply.error(), Failure);
    pipes.pump();
    return Success;
}

int ContainerCommand::inspect(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth container inspect [OPTIONS] CONTAINER [CONTAINER...]"),
                         tr("Display detailed information on one or more containers"));
    parser.addFormatOption();
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().isEmpty())
        return CommandParser::usageError(QStringLiteral("berth container inspect"),
                                         tr("\"berth container inspect\" requires at least 1 argument."));
    EngineClient engine;
    int exitCode = Success;
    const QJsonArray found = inspectEach(engine, parser.positional(), engine::kContainersInterface, engine::kContainersPath,
                                         QStringLiteral("InspectContainer"), exitCode);
    parser.printAll(found);
    return exitCode;
}

int ContainerCommand::inspectAny(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth inspect [OPTIONS] NAME|ID [NAME|ID...]"),
                         tr("Return low-level information on Berth objects"));
    parser.addFormatOption();
    parser.addOption({QStringLiteral("type"), tr("Return JSON for specified type (container, image, volume or network)"),
                      QStringLiteral("string")});
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().isEmpty())
        return CommandParser::usageError(QStringLiteral("berth inspect"), tr("\"berth inspect\" requires at least 1 argument."));
    // As docker looks: a container of that name first, then an image, a volume, a network.
    struct Kind
    {
        const char *type;
        QString interface;
        QString path;
        const char *method;
    };
    const Kind kinds[] = {{"container", engine::kContainersInterface, engine::kContainersPath, "InspectContainer"},
                          {"image", engine::kImagesInterface, engine::kImagesPath, "InspectImage"},
                          {"volume", engine::kVolumesInterface, engine::kVolumesPath, "InspectVolume"},
                          {"network", engine::kNetworksInterface, engine::kNetworksPath, "InspectNetwork"}};
    const QString type = parser.flags().value(QStringLiteral("type"));
    if (!type.isEmpty()
        && std::none_of(std::begin(kinds), std::end(kinds), [&](const Kind &k) { return type == QLatin1StringView(k.type); }))
        return CommandParser::usageError(QStringLiteral("berth inspect"), tr("\"%1\" is not a valid value for --type").arg(type));
    EngineClient engine;
    QJsonArray found;
    int exitCode = Success;
    for (const QString &name : parser.positional()) {
        Result<QVariantList> reply = Error::notFound(QString());
        for (const Kind &kind : kinds) {
            if (reply || (!type.isEmpty() && type != QLatin1StringView(kind.type)))
                continue;
            reply = engine.call(kind.interface, QLatin1StringView(kind.method), {name, QVariantMap{}}, kind.path);
            if (engine.unreachable())
                return engine.report(reply.error());
        }
        if (!reply) {
            err() << tr("Error: No such object: %1").arg(name) << Qt::endl;
            exitCode = Failure;
            continue;
        }
        found.append(QJsonDocument::fromJson(reply->value(0).toString().toUtf8()).object());
    }
    parser.printAll(found);
    return exitCode;
}

int ContainerCommand::attach(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth attach [OPTIONS] CONTAINER"),
                         tr("Attach local standard input, output, and error streams to a running container"));
    parser.addOption(
        {QStringLiteral("detach-keys"), tr("Override the key sequence for detaching a container"), QStringLiteral("string")});
    parser.addOption({QStringLiteral("no-stdin"), tr("Do not attach STDIN")});
    parser.addOption(
        {QStringLiteral("sig-proxy"), tr("Proxy all received signals to the process (default true)"), QStringLiteral("bool")});
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() != 1)
        return CommandParser::usageError(QStringLiteral("berth attach"), tr("\"berth attach\" requires exactly 1 argument."));
    const auto detachKeys = detachKeysOf(parser.flags());
    if (!detachKeys)
        return CommandParser::usageError(QStringLiteral("berth attach"), detachKeys.error().message());
    const auto sigProxy = sigProxyOf(parser.flags());
    if (!sigProxy)
        return CommandParser::usageError(QStringLiteral("berth attach"), sigProxy.error().message());
    EngineClient engine;
    const QString name = parser.positional().first();
    const auto inspected = engine.callContainers(QStringLiteral("InspectContainer"), {name, QVariantMap{}});
    if (!inspected)
        return engine.report(inspected.error(), Failure);
    const QJsonObject config
        = QJsonDocument::fromJson(inspected->value(0).toString().toUtf8()).object().value(u"Config").toObject();
    const bool withStdin = config.value(u"OpenStdin").toBool() && !parser.flags().isSet(QStringLiteral("no-stdin"));
    StreamPipes pipes(withStdin);
    TerminalResizes resizes(config.value(u"Tty").toBool());
    // A terminal with our input takes ctrl-c itself; otherwise the signals we get are proxied.
    if (*sigProxy && !(config.value(u"Tty").toBool() && withStdin))
        pipes.forwardSignals(forwardSignalsTo(engine, name));
    const auto attached
        = engine.callContainers(QStringLiteral("AttachContainer"), {name, pipes.engineOptions(resizes.engineOptions())});
    resizes.closeEngineEnd();
    if (!attached)
        return engine.report(attached.error(), Failure);
    const RawTerminal raw(config.value(u"Tty").toBool() && withStdin);
    const bool detached = pipes.pump({.detachKeys = withStdin ? *detachKeys : QByteArray()});
    if (detached) {
        err() << tr("read escape sequence") << Qt::endl;
        return Success;
    }
    const auto waited = engine.callContainers(QStringLiteral("WaitContainer"), {name, QVariantMap{}});
    return waited ? waited->value(0).toMap().value(QStringLiteral("StatusCode")).toInt() : engine.report(waited.error(), Failure);
}

int ContainerCommand::port(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth port CONTAINER [PRIVATE_PORT[/PROTO]]"),
                         tr("List port mappings or a specific mapping for the container"));
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().isEmpty() || parser.positional().size() > 2)
        return CommandParser::usageError(QStringLiteral("berth port"),
                                         tr("\"berth port\" requires at least 1 and at most 2 arguments."));
    EngineClient engine;
    const QString name = parser.positional().first();
    const auto inspected = engine.callContainers(QStringLiteral("InspectContainer"), {name, QVariantMap{}});
    if (!inspected)
        return engine.report(inspected.error(), Failure);
    const QJsonObject ports = QJsonDocument::fromJson(inspected->value(0).toString().toUtf8())
                                  .object()
                                  .value(u"NetworkSettings")
                                  .toObject()
                                  .value(u"Ports")
                                  .toObject();
    QString wanted = parser.positional().value(1);
    if (!wanted.isEmpty() && !wanted.contains(u'/'))
        wanted += QStringLiteral("/tcp");
    bool found = false;
    for (auto it = ports.begin(); it != ports.end(); ++it) {
        if (!wanted.isEmpty() && it.key() != wanted)
            continue;
        for (const QJsonValue &host : it.value().toArray()) {
            const QString address = host[u"HostIp"].toString() + u':' + host[u"HostPort"].toString();
            out() << (wanted.isEmpty() ? it.key() + QStringLiteral(" -> ") + address : address) << u'\n';
            found = true;
        }
    }
    if (!wanted.isEmpty() && !found) {
        //: %1 is a port like 80/tcp, %2 the container as named
        err() << tr("Error: No public port '%1' published for %2").arg(wanted, name) << Qt::endl;
        return Failure;
    }
    out().flush();
    return Success;
}

int ContainerCommand::diff(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth diff CONTAINER"),
                         tr("Inspect changes to files or directories on a container's filesystem"));
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() != 1)
        return CommandParser::usageError(QStringLiteral("berth diff"), tr("\"berth diff\" requires exactly 1 argument."));
    EngineClient engine;
    const auto reply = engine.callContainers(QStringLiteral("ContainerChanges"), {parser.positional().first(), QVariantMap{}});
    if (!reply)
        return engine.report(reply.error(), Failure);
    static const char kinds[] = {'C', 'A', 'D'};
    for (const QVariant &item : reply->value(0).toList()) {
        const QVariantMap change = item.toMap();
        out() << QLatin1Char(kinds[std::clamp(change.value(QStringLiteral("Kind")).toInt(), 0, 2)]) << u' '
              << change.value(QStringLiteral("Path")).toString() << u'\n';
    }
    out().flush();
    return Success;
}

int ContainerCommand::top(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth top CONTAINER"), tr("Display the running processes of a container"));
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() != 1)
        return CommandParser::usageError(QStringLiteral("berth top"), tr("\"berth top\" requires exactly 1 argument."));
    EngineClient engine;
    const auto reply = engine.callContainers(QStringLiteral("ContainerTop"), {parser.positional().first(), QVariantMap{}});
    if (!reply)
        return engine.report(reply.error(), Failure);
    // ps -ef's columns, as docker top shows them; the values are the engine's, untranslated.
    const QStringList columns = {QStringLiteral("UID"),   QStringLiteral("PID"), QStringLiteral("PPID"), QStringLiteral("C"),
                                 QStringLiteral("STIME"), QStringLiteral("TTY"), QStringLiteral("TIME"), QStringLiteral("CMD")};
    Table table(columns);
    for (const QVariant &item : reply->value(0).toList()) {
        const QVariantMap process = item.toMap();
        QStringList row;
        for (const QString &column : columns)
            row << process.value(column).toString();
        table.addRow(row);
    }
    table.print();
    out().flush();
    return Success;
}

namespace {

struct StatsRow
{
    QString id;
    QString name;
    QVariantMap first;
    QVariantMap second;
};

// docker's "1.2kB / 3.4MB": decimal units, as docker stats shows I/O.
QString bytePair(const QVariantMap &sample, const QString &first, const QString &second)
{
    return dockerSize(sample.value(first).toULongLong()) + QStringLiteral(" / ") + dockerSize(sample.value(second).toULongLong());
}

QStringList statsCells(const StatsRow &row)
{
    const double cpu = cpuPercent(row.first, row.second);
    const quint64 usage = row.second.value(QStringLiteral("MemoryUsage")).toULongLong();
    const quint64 limit = row.second.value(QStringLiteral("MemoryLimit")).toULongLong();
    return {row.id.left(12),
            row.name,
            QString::number(cpu, 'f', 2) + u'%',
            humanSize(usage) + QStringLiteral(" / ") + humanSize(limit),
            QString::number(limit ? 100.0 * double(usage) / double(limit) : 0, 'f', 2) + u'%',
            bytePair(row.second, QStringLiteral("NetworkReceived"), QStringLiteral("NetworkSent")),
            bytePair(row.second, QStringLiteral("BlockRead"), QStringLiteral("BlockWritten")),
            row.second.value(QStringLiteral("Pids"), 0).toString()};
}

// docker stats' --format fields, from the cells above.
QJsonObject statsObject(const QStringList &cells, const QString &id)
{
    return {{QStringLiteral("Container"), cells[0]}, {QStringLiteral("ID"), id},
            {QStringLiteral("Name"), cells[1]},      {QStringLiteral("CPUPerc"), cells[2]},
            {QStringLiteral("MemUsage"), cells[3]},  {QStringLiteral("MemPerc"), cells[4]},
            {QStringLiteral("NetIO"), cells[5]},     {QStringLiteral("BlockIO"), cells[6]},
            {QStringLiteral("PIDs"), cells[7]}};
}

} // namespace

int ContainerCommand::stats(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth stats [OPTIONS] [CONTAINER...]"),
                         tr("Display a live stream of container(s) resource usage statistics"));
    parser.addOption({{QStringLiteral("a"), QStringLiteral("all")}, tr("Show all containers (default shows just running)")});
    parser.addOption({QStringLiteral("no-stream"), tr("Disable streaming stats and only pull the first result")});
    parser.addOption({QStringLiteral("no-trunc"), tr("Do not truncate output")});
    parser.addFormatOption(false);
    if (auto done = parser.parse(arguments))
        return *done;
    parser.setTableHeaders({{QStringLiteral("Container"), tr("CONTAINER")},
                            {QStringLiteral("ID"), tr("CONTAINER ID")},
                            {QStringLiteral("Name"), tr("NAME")},
                            {QStringLiteral("CPUPerc"), tr("CPU %")},
                            {QStringLiteral("MemUsage"), tr("MEM USAGE / LIMIT")},
                            {QStringLiteral("MemPerc"), tr("MEM %")},
                            {QStringLiteral("NetIO"), tr("NET I/O")},
                            {QStringLiteral("BlockIO"), tr("BLOCK I/O")},
                            {QStringLiteral("PIDs"), tr("PIDS")}});
    const bool noTrunc = parser.flags().isSet(QStringLiteral("no-trunc"));
    EngineClient engine;
    QList<StatsRow> rows;
    // As docker: a stopped container shows zeros when named or with -a.
    const bool showStopped = parser.flags().isSet(QStringLiteral("all")) || !parser.positional().isEmpty();
    if (parser.positional().isEmpty()) {
        const auto list
            = engine.callContainers(QStringLiteral("ListContainers"), {QVariantMap{{QStringLiteral("all"), showStopped}}});
        if (!list)
            return engine.report(list.error(), Failure);
        for (const QVariant &item : list->value(0).toList())
            rows << StatsRow{item.toMap().value(QStringLiteral("Id")).toString(),
                             item.toMap().value(QStringLiteral("Names")).toStringList().value(0).mid(1),
                             {},
                             {}};
    } else {
        for (const QString &name : parser.positional()) {
            const auto inspected = engine.callContainers(QStringLiteral("InspectContainer"), {name, QVariantMap{}});
            if (!inspected)
                return engine.report(inspected.error(), Failure);
            const QJsonObject json = QJsonDocument::fromJson(inspected->value(0).toString().toUtf8()).object();
            rows << StatsRow{json.value(u"Id").toString(), json.value(u"Name").toString().mid(1), {}, {}};
        }
    }
    auto sample = [&](QVariantMap StatsRow::*into) {
        for (StatsRow &row : rows)
            if (const auto reply = engine.callContainers(QStringLiteral("ContainerStats"), {row.id, QVariantMap{}}))
                row.*into = reply->value(0).toMap();
    };
    const bool stream = !parser.flags().isSet(QStringLiteral("no-stream"));
    sample(&StatsRow::second);
    for (;;) {
        for (StatsRow &row : rows)
            row.first = row.second;
        QThread::msleep(stream ? 1000 : 500);
        sample(&StatsRow::second);
        Table table({tr("CONTAINER ID"), tr("NAME"), tr("CPU %"), tr("MEM USAGE / LIMIT"), tr("MEM %"), tr("NET I/O"),
                     tr("BLOCK I/O"), tr("PIDS")});
        if (stream)
            out() << "\033[2J\033[H"; // clear the terminal, as docker redraws
        for (const StatsRow &row : std::as_const(rows)) {
            if (row.second.isEmpty() && !showStopped)
                continue;
            if (parser.formatted())
                parser.print(statsObject(statsCells(row), noTrunc ? row.id : row.id.left(12)));
            else
                table.addRow(statsCells(row));
        }
        if (parser.formatted())
            parser.endTable();
        else
            table.print();
        out().flush();
        if (!stream)
            return Success;
    }
}

int ContainerCommand::prune(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth container prune [OPTIONS]"), tr("Remove all stopped containers"));
    parser.addOption({{QStringLiteral("f"), QStringLiteral("force")}, tr("Do not prompt for confirmation")});
    parser.addOption(
        {QStringLiteral("filter"), tr("Provide filter values (e.g. \"until=<timestamp>\")"), QStringLiteral("filter")});
    if (auto done = parser.parse(arguments))
        return *done;
    const auto filters = filtersOf(parser);
    if (!filters)
        return CommandParser::usageError(QStringLiteral("berth container prune"), filters.error().message());
    if (!parser.flags().isSet(QStringLiteral("force")) && !confirmed(tr("WARNING! This will remove all stopped containers.")))
        return Success;
    EngineClient engine;
    const auto reply
        = engine.callContainers(QStringLiteral("PruneContainers"), {QVariantMap{{QStringLiteral("filters"), *filters}}});
    if (!reply)
        return engine.report(reply.error(), Failure);
    const QVariantMap report = reply->value(0).toMap();
    const QStringList deleted = report.value(QStringLiteral("ContainersDeleted")).toStringList();
    if (!deleted.isEmpty()) {
        out() << tr("Deleted Containers:") << u'\n';
        for (const QString &id : deleted)
            out() << id << u'\n';
        out() << u'\n';
    }
    out() << tr("Total reclaimed space: %1").arg(dockerSize(report.value(QStringLiteral("SpaceReclaimed")).toULongLong()))
          << Qt::endl;
    return Success;
}

} // namespace berth::cli
