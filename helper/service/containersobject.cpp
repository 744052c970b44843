#include "containersobject.h"

#include "container/units.h"
#include "containers/logstreamer.h"
#include "containersadaptor.h"
#include "eventbus.h"
#include "passedstream.h"
#include "timestamps.h"

#include <QDBusArgument>
#include <QRegularExpression>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth {
namespace {

// docker ps's PORTS: published ports ("0.0.0.0:8080->80/tcp") and exposed ones ("443/tcp").
QStringList portsColumn(const ContainerRecord &record)
{
    QStringList ports;
    QStringList published;
    const QList<PortBinding> none;
    for (const PortBinding &port : record.endpoints.isEmpty() ? none : record.endpoints.first().attachment.ports) {
        ports << port.display();
        published << port.containerKey();
    }
    for (const QString &exposed : record.spec.config.exposedPorts)
        if (!published.contains(exposed))
            ports << exposed;
    return ports;
}

constexpr qsizetype kMaxLogReaders = 256;

QVariant unwrapped(const QVariant &value)
{
    return value.metaType() == QMetaType::fromType<QDBusVariant>() ? value.value<QDBusVariant>().variant() : value;
}

// `value` (named `what`) in the RFC 3339 form the log writer and the records use, so that
// times compare as text; empty stays empty.
Result<QString> normalizedTime(const QString &what, const QString &value)
{
    if (value.isEmpty())
        return QString();
    const auto time = parseRfc3339(value.toStdString());
    if (!time)
        return Error::invalidArgument(QStringLiteral("%1 must be an RFC 3339 time, not \"%2\"").arg(what, value));
    return QString::fromStdString(formatRfc3339(*time));
}

// Whether `port` ("80/tcp") is what a publish= or expose= filter names: a port or a range,
// tcp unless a protocol is given ("53/udp", "8000-8080").
bool portMatches(const QString &filter, const QString &port)
{
    const QString protocol = filter.contains(u'/') ? filter.section(u'/', 1) : QStringLiteral("tcp");
    if (port.section(u'/', 1) != protocol)
        return false;
    const QString range = filter.section(u'/', 0, 0);
    const int number = port.section(u'/', 0, 0).toInt();
    return number >= range.section(u'-', 0, 0).toInt() && number <= range.section(u'-', -1).toInt();
}

// docker ps --filter and container prune --filter: every key given must match (values of one
// key: any of them; label! none of them).
struct ContainerFilter
{
    QMultiMap<QString, QString> values;
    QString createdBefore, createdSince; // before=, until= and since=, as times of creation

    static Result<ContainerFilter> forList(const QVariantMap &options, const ContainerEngine &engine)
    {
        static const QStringList keys
            = {QStringLiteral("id"),       QStringLiteral("name"),   QStringLiteral("label"),   QStringLiteral("status"),
               QStringLiteral("ancestor"), QStringLiteral("exited"), QStringLiteral("before"),  QStringLiteral("since"),
               QStringLiteral("network"),  QStringLiteral("volume"), QStringLiteral("publish"), QStringLiteral("expose")};
        return from(options, engine, keys);
    }

    // until: an RFC 3339 time, made before it.
    static Result<ContainerFilter> forPrune(const QVariantMap &options, const ContainerEngine &engine)
    {
        static const QStringList keys = {QStringLiteral("until"), QStringLiteral("label"), QStringLiteral("label!")};
        return from(options, engine, keys);
    }

    static Result<ContainerFilter> from(const QVariantMap &options, const ContainerEngine &engine, const QStringList &keys)
    {
        ContainerFilter filter;
        const QVariantMap filters = qdbus_cast<QVariantMap>(options.value(QStringLiteral("filters")));
        for (auto it = filters.cbegin(); it != filters.cend(); ++it) {
            const QVariant value = unwrapped(it.value());
            if (!keys.contains(it.key()) || value.metaType().id() != QMetaType::QStringList)
                return Error::invalidArgument(
                    QStringLiteral("invalid filter \"%1\": use %2, each a list of strings").arg(it.key(), keys.join(u", ")));
            for (const QString &v : value.toStringList()) {
                if (it.key() == u"before" || it.key() == u"since") {
                    auto named = engine.find(v);
                    if (!named)
                        return named.error();
                    (it.key() == u"before" ? filter.createdBefore : filter.createdSince) = named->created;
                    continue;
                }
                if (it.key() == u"until") {
                    auto until = normalizedTime(it.key(), v);
                    if (!until)
                        return until.error();
                    filter.createdBefore = *until;
                    continue;
                }
                filter.values.insert(it.key(), v);
            }
        }
        return filter;
    }

    bool matches(const ContainerRecord &record, const QString &imageId) const
    {
        if ((!createdBefore.isEmpty() && record.created >= createdBefore)
            || (!createdSince.isEmpty() && record.created <= createdSince))
            return false;
        for (const QString &key : values.uniqueKeys()) {
            const QStringList wanted = values.values(key);
            const bool negated = key.endsWith(u'!');
            const bool any = std::any_of(wanted.cbegin(), wanted.cend(), [&](const QString &v) {
                return matches(record, imageId, negated ? key.chopped(1) : key, v);
            });
            if (any == negated)
                return false;
        }
        return true;
    }

    static bool matches(const ContainerRecord &record, const QString &imageId, const QString &key, const QString &v)
    {
        const auto anyOf = [](const auto &list, auto test) { return std::any_of(list.cbegin(), list.cend(), test); };
        if (key == u"id")
            return record.id.startsWith(v);
        if (key == u"name")
            return record.name.contains(QRegularExpression(v));
        if (key == u"status")
            return statusName(record.state.status) == v;
        if (key == u"exited")
            return record.state.status == ContainerStatus::Exited && QString::number(record.state.exitCode) == v;
        if (key == u"ancestor")
            return record.spec.config.image == v || imageId.startsWith(v) || imageId.mid(7).startsWith(v);
        if (key == u"label") {
            const QString name = v.section(u'=', 0, 0);
            return record.spec.config.labels.contains(name)
                && (!v.contains(u'=') || record.spec.config.labels.value(name) == v.section(u'=', 1));
        }
        if (key == u"network")
            return record.spec.host.networkMode == v || anyOf(record.endpoints, [&](const NetworkEndpoint &e) {
                       return e.network == v || (v.size() >= 3 && e.networkId.startsWith(v));
                   });
        if (key == u"volume")
            return anyOf(record.mounts, [&](const ContainerRecord::Mount &m) {
                return (!m.volume.isEmpty() && m.volume == v) || m.destination == v || (m.volume.isEmpty() && m.source == v);
            });
        if (key == u"expose")
            return anyOf(record.spec.config.exposedPorts, [&](const QString &port) { return portMatches(v, port); });
        if (key == u"publish") {
            QStringList published;
            for (const auto &[port, bindings] : record.spec.host.portBindings.items())
                published << QString::fromStdString(port);
            if (record.spec.host.publishAllPorts)
                published << record.spec.config.exposedPorts;
            return anyOf(published, [&](const QString &port) { return portMatches(v, port); });
        }
        return false;
    }
};

Result<UniqueFd> optionalStream(const QVariantMap &options, const QString &key, bool forWriting)
{
    if (!options.contains(key))
        return UniqueFd();
    return passedStream(qvariant_cast<QDBusUnixFileDescriptor>(options.value(key)), forWriting);
}

// "exit": a pipe's write end, on which the engine tells the container's end.
Result<UniqueFd> exitPipeFrom(const QVariantMap &options)
{
    auto pipe = optionalStream(options, QStringLiteral("exit"), true);
    if (!pipe || !*pipe)
        return pipe;
    struct stat st
    {
    };
    if (::fstat(pipe->get(), &st) != 0 || !S_ISFIFO(st.st_mode))
        return Error::invalidArgument(QStringLiteral("exit must be the write end of a pipe"));
    // Written from the engine's main thread: a pipe its caller filled must not hold that up.
    if (::fcntl(pipe->get(), F_SETFL, ::fcntl(pipe->get(), F_GETFL) | O_NONBLOCK) != 0)
        return Error::fromErrno(errno, QStringLiteral("make the exit pipe non-blocking"));
    return pipe;
}

// StopContainer's and RestartContainer's options: timeout (i) and signal (s).
Result<ContainerEngine::StopRequest> stopRequest(const QVariantMap &options)
{
    ContainerEngine::StopRequest request;
    if (options.contains(QStringLiteral("timeout")))
        request.timeout = options.value(QStringLiteral("timeout")).toInt();
    if (options.contains(QStringLiteral("signal"))) {
        auto signal = parseSignal(options.value(QStringLiteral("signal")).toString());
        if (!signal)
            return signal.error();
        request.signal = *signal;
    }
    return request;
}

Reply empty(const Result<void> &result)
{
    if (!result)
        return result.error();
    return QVariantList{};
}

} // namespace

ContainersObject::ContainersObject(Gate &gate, ContainerEngine &engine, EventBus &events, QObject *parent)
    : GatedObject(gate, parent)
    , m_engine(engine)
    , m_events(events)
{
    new ContainersAdaptor(this);
    connect(&m_engine, &ContainerEngine::containerEvent, this,
            [this](const QString &action, const QString &id, const QMap<QString, QString> &attributes) {
                QVariantMap values;
                for (auto it = attributes.cbegin(); it != attributes.cend(); ++it)
                    values.insert(it.key(), it.value());
                m_events.publish({QStringLiteral("container"), action, id, values});
            });
    connect(&m_engine, &ContainerEngine::containerExited, this, [this](const QString &id) {
        for (LogStreamer *streamer : m_streamers.values(id))
            streamer->containerExited();
    });
}

ContainersObject::~ContainersObject()
{
    for (LogStreamer *streamer : std::as_const(m_streamers))
        delete streamer;
}

QVariantMap ContainersObject::CreateContainer(const QString &config, const QVariantMap &options)
{
    admitDeferred([this, config, options](const Call &, const Respond &respond) {
        const bool start = options.value(QStringLiteral("start")).toBool();
        // The streams are checked first: a bad one must not leave a container behind.
        auto attach = streamsFrom(options);
        if (!attach)
            return respond(attach.error());
        auto exitPipe = exitPipeFrom(options);
        if (!exitPipe)
            return respond(exitPipe.error());
        if (!start && (attach->stdinFd || attach->stdoutFd || attach->stderrFd || attach->resize || *exitPipe))
            return respond(Error::invalidArgument(QStringLiteral("streams are attached only to a container created with start")));
        Reply created = create(config);
        if (!created || !start)
            return respond(created);
        const QString id = created->value(0).toMap().value(QStringLiteral("Id")).toString();
        startTellingEnd(id, std::move(*attach), std::move(*exitPipe),
                        [respond, created](const Result<void> &started) { respond(started ? created : Reply(started.error())); });
    });
    return {};
}

Reply ContainersObject::create(const QString &config)
{
    auto spec = ContainerSpec::fromJson(config.toUtf8());
    if (!spec)
        return spec.error();
    auto record = m_engine.create(*spec);
    if (!record)
        return record.error();
    return QVariantList{
        QVariantMap{{QStringLiteral("Id"), record->id}, {QStringLiteral("Warnings"), m_engine.warningsFor(*spec)}}};
}

void ContainersObject::StartContainer(const QString &container, const QVariantMap &options)
{
    admitDeferred([this, container, options](const Call &, const Respond &respond) {
        auto attach = streamsFrom(options);
        if (!attach)
            return respond(attach.error());
        auto exitPipe = exitPipeFrom(options);
        if (!exitPipe)
            return respond(exitPipe.error());
        startTellingEnd(container, std::move(*attach), std::move(*exitPipe),
                        [respond](const Result<void> &started) { respond(empty(started)); });
    });
}

// Starts the container with its streams; once it runs, its end is told on `exitPipe`, if any.
void ContainersObject::startTellingEnd(const QString &container, AttachStreams attach, UniqueFd exitPipe,
                                       std::function<void(const Result<void> &)> done)
{
    m_engine.start(container, std::move(attach),
                   [this, container, done = std::move(done),
                    exitPipe = std::make_shared<UniqueFd>(std::move(exitPipe))](const Result<void> &started) {
                       if (started)
                           tellEndOn(std::move(*exitPipe), container);
                       done(started);
                   });
}

// What WaitContainer would answer, written once on the pipe: when the container is removed if
// it removes itself (docker run --rm waits for that), else when it is not running.  A caller
// that started a container this way needs no second call (and authorization) for its end.
// Nothing is written when the container cannot be followed; the pipe's end says so.
void ContainersObject::tellEndOn(UniqueFd pipe, const QString &container)
{
    if (!pipe)
        return;
    const auto record = m_engine.find(container);
    const WaitCondition when = record && record->spec.host.autoRemove ? WaitCondition::Removed : WaitCondition::NotRunning;
    m_engine.wait(container, when, [pipe = std::make_shared<UniqueFd>(std::move(pipe))](const Result<WaitResult> &result) {
        if (!result)
            return;
        const std::string answer
            = nlohmann::json{{"StatusCode", result->statusCode}, {"Error", result->error.toStdString()}}.dump() + '\n';
        // One short line into an empty pipe; a reader that went away (EPIPE) wanted no answer.
        [[maybe_unused]] const ssize_t written = ::write(pipe->get(), answer.data(), answer.size());
    });
}

Result<AttachStreams> ContainersObject::streamsFrom(const QVariantMap &options)
{
    auto in = optionalStream(options, QStringLiteral("stdin"), false);
    auto out = optionalStream(options, QStringLiteral("stdout"), true);
    auto err = optionalStream(options, QStringLiteral("stderr"), true);
    auto resize = optionalStream(options, QStringLiteral("resize"), false);
    for (const auto *stream : {&in, &out, &err, &resize})
        if (!*stream)
            return stream->error();
    AttachStreams streams;
    streams.stdinFd = std::move(*in);
    streams.stdoutFd = std::move(*out);
    streams.stderrFd = std::move(*err);
    streams.resize = std::move(*resize);
    return streams;
}

void ContainersObject::AttachContainer(const QString &container, const QVariantMap &options)
{
    admit([this, container, options](const Call &) -> Reply {
        auto streams = streamsFrom(options);
        if (!streams)
            return streams.error();
        return empty(m_engine.attach(container, std::move(*streams)));
    });
}

int ContainersObject::ExecContainer(const QString &container, const QStringList &command, const QVariantMap &options)
{
    admitDeferred([this, container, command, options](const Call &, const Respond &respond) {
        auto streams = streamsFrom(options);
        if (!streams)
            return respond(streams.error());
        ExecRequest request;
        request.command = command;
        request.env = qdbus_cast<QStringList>(options.value(QStringLiteral("env")));
        request.workdir = options.value(QStringLiteral("workdir")).toString();
        if (options.contains(QStringLiteral("user")))
            request.user = options.value(QStringLiteral("user")).toString();
        request.streams = std::move(*streams);
        request.detach = options.value(QStringLiteral("detach")).toBool();
        request.tty = options.value(QStringLiteral("tty")).toBool();
        request.rows = options.value(QStringLiteral("rows")).toInt();
        request.columns = options.value(QStringLiteral("columns")).toInt();
        m_engine.exec(container, std::move(request), [respond](const Result<int> &exitCode) {
            if (!exitCode)
                return respond(exitCode.error());
            respond(QVariantList{*exitCode});
        });
    });
    return 0;
}

void ContainersObject::StopContainer(const QString &container, const QVariantMap &options)
{
    admitDeferred([this, container, options](const Call &, const Respond &respond) {
        auto request = stopRequest(options);
        if (!request)
            return respond(request.error());
        m_engine.stop(container, *request, [respond](const Result<void> &stopped) { respond(empty(stopped)); });
    });
}

void ContainersObject::RestartContainer(const QString &container, const QVariantMap &options)
{
    admitDeferred([this, container, options](const Call &, const Respond &respond) {
        auto request = stopRequest(options);
        if (!request)
            return respond(request.error());
        m_engine.restart(container, *request, [respond](const Result<void> &restarted) { respond(empty(restarted)); });
    });
}

void ContainersObject::KillContainer(const QString &container, const QVariantMap &options)
{
    admit([this, container, options](const Call &) -> Reply {
        auto signal = parseSignal(options.value(QStringLiteral("signal"), QStringLiteral("KILL")).toString());
        if (!signal)
            return signal.error();
        return empty(m_engine.kill(container, *signal));
    });
}

void ContainersObject::PauseContainer(const QString &container, const QVariantMap &)
{
    admit([this, container](const Call &) { return empty(m_engine.pause(container)); });
}

void ContainersObject::UnpauseContainer(const QString &container, const QVariantMap &)
{
    admit([this, container](const Call &) { return empty(m_engine.unpause(container)); });
}

void ContainersObject::RemoveContainer(const QString &container, const QVariantMap &options)
{
    admitDeferred([this, container, options](const Call &, const Respond &respond) {
        m_engine.remove(container, options.value(QStringLiteral("force")).toBool(),
                        options.value(QStringLiteral("volumes")).toBool(),
                        [respond](const Result<void> &removed) { respond(empty(removed)); });
    });
}

void ContainersObject::RenameContainer(const QString &container, const QString &name, const QVariantMap &)
{
    admit([this, container, name](const Call &) { return empty(m_engine.rename(container, name)); });
}

QVariantMap ContainersObject::WaitContainer(const QString &container, const QVariantMap &options)
{
    admitDeferred([this, container, options](const Call &, const Respond &respond) {
        const QString condition = options.value(QStringLiteral("condition"), QStringLiteral("not-running")).toString();
        WaitCondition when;
        if (condition == u"not-running")
            when = WaitCondition::NotRunning;
        else if (condition == u"next-exit")
            when = WaitCondition::NextExit;
        else if (condition == u"removed")
            when = WaitCondition::Removed;
        else
            return respond(Error::invalidArgument(
                QStringLiteral("invalid condition \"%1\": use not-running, next-exit or removed").arg(condition)));
        m_engine.wait(container, when, [respond](const Result<WaitResult> &result) {
            if (!result)
                return respond(result.error());
            respond(QVariantList{
                QVariantMap{{QStringLiteral("StatusCode"), result->statusCode}, {QStringLiteral("Error"), result->error}}});
        });
    });
    return {};
}

QList<QVariantMap> ContainersObject::ListContainers(const QVariantMap &options)
{
    admit([this, options](const Call &) { return list(options); });
    return {};
}

Reply ContainersObject::list(const QVariantMap &options) const
{
    auto filter = ContainerFilter::forList(options, m_engine);
    if (!filter)
        return filter.error();
    const bool all = options.value(QStringLiteral("all")).toBool();
    QList<ContainerRecord> records = m_engine.list();
    std::sort(records.begin(), records.end(),
              [](const ContainerRecord &a, const ContainerRecord &b) { return a.created > b.created; });
    QList<QVariantMap> rows;
    for (const ContainerRecord &record : std::as_const(records)) {
        if (!all && !record.isRunning())
            continue;
        const QString imageId = record.image.toString();
        if (!filter->matches(record, imageId))
            continue;
        const QStringList command = QStringList{record.path} + record.args; // joined as docker does, unquoted
        QVariantMap labels;
        for (auto it = record.spec.config.labels.cbegin(); it != record.spec.config.labels.cend(); ++it)
            labels.insert(it.key(), it.value());
        // Network names as inspect's NetworkSettings.Networks has them; mounts as its Mounts.
        QStringList networks;
        for (const NetworkEndpoint &endpoint : record.endpoints)
            networks << endpoint.network;
        if (const QString mode = record.spec.host.networkMode; mode == u"none" || mode == u"host")
            networks << mode;
        QVariantList mounts;
        for (const ContainerRecord::Mount &mount : record.mounts)
            mounts << QVariantMap{
                {QStringLiteral("Type"), mount.volume.isEmpty() ? QStringLiteral("bind") : QStringLiteral("volume")},
                {QStringLiteral("Name"), mount.volume},
                {QStringLiteral("Source"), mount.source},
                {QStringLiteral("Destination"), mount.destination}};
        rows << QVariantMap{{QStringLiteral("Id"), record.id},
                            {QStringLiteral("Names"), QStringList{u'/' + record.name}},
                            {QStringLiteral("Image"), record.spec.config.image},
                            {QStringLiteral("ImageID"), imageId},
                            {QStringLiteral("Command"), command.join(u' ')},
                            {QStringLiteral("Created"), secondsSinceEpoch(record.created)},
                            {QStringLiteral("State"), statusName(record.state.status)},
                            {QStringLiteral("ExitCode"), record.state.exitCode},
                            {QStringLiteral("StartedAt"), record.state.startedAt},
                            {QStringLiteral("FinishedAt"), record.state.finishedAt},
                            {QStringLiteral("RestartCount"), record.restartCount},
                            {QStringLiteral("Ports"), portsColumn(record)},
                            {QStringLiteral("Labels"), labels},
                            {QStringLiteral("Networks"), networks},
                            {QStringLiteral("Mounts"), mounts}};
        if (options.value(QStringLiteral("size")).toBool()) {
            const auto [writable, rootfs] = m_engine.diskUsage(record);
            rows.last().insert(QStringLiteral("SizeRw"), writable);
            rows.last().insert(QStringLiteral("SizeRootFs"), rootfs);
        }
    }
    return QVariantList{QVariant::fromValue(rows)};
}

QString ContainersObject::InspectContainer(const QString &container, const QVariantMap &)
{
    admit([this, container](const Call &) -> Reply {
        auto record = m_engine.find(container);
        if (!record)
            return record.error();
        return QVariantList{QString::fromUtf8(record->toJson())};
    });
    return {};
}

void ContainersObject::ContainerLogs(const QString &container, const QDBusUnixFileDescriptor &stdoutFd,
                                     const QDBusUnixFileDescriptor &stderrFd, const QVariantMap &options)
{
    admit([this, container, stdoutFd, stderrFd, options](const Call &) { return logs(container, stdoutFd, stderrFd, options); });
}

Reply ContainersObject::logs(const QString &container, const QDBusUnixFileDescriptor &out, const QDBusUnixFileDescriptor &err,
                             const QVariantMap &options)
{
    auto record = m_engine.find(container);
    if (!record)
        return record.error();
    if (record->spec.host.logConfig.type == u"none")
        return Error::invalidArgument(
            QStringLiteral("configured logging driver does not support reading: container %1 keeps no logs")
                .arg(record->shortId()));
    // Each reader holds a thread; a caller must not be able to pile them up without end.
    if (m_streamers.size() >= kMaxLogReaders)
        return Error::limitExceeded(
            QStringLiteral("%1 logs are being read already; stop some `logs -f` first").arg(kMaxLogReaders));
    auto outFd = passedStream(out, true);
    if (!outFd)
        return outFd.error();
    auto errFd = passedStream(err, true);
    if (!errFd)
        return errFd.error();
    LogOptions logOptions;
    logOptions.follow = options.value(QStringLiteral("follow")).toBool();
    logOptions.timestamps = options.value(QStringLiteral("timestamps")).toBool();
    logOptions.tail = options.value(QStringLiteral("tail"), -1).toInt();
    auto since = normalizedTime(QStringLiteral("since"), options.value(QStringLiteral("since")).toString());
    auto until = normalizedTime(QStringLiteral("until"), options.value(QStringLiteral("until")).toString());
    if (!since || !until)
        return !since ? since.error() : until.error();
    logOptions.since = *since;
    logOptions.until = *until;
    const QString id = record->id;
    auto *streamer
        = new LogStreamer(m_engine.logPath(id), std::move(*outFd), std::move(*errFd), logOptions, m_engine.isRunning(id));
    m_streamers.insert(id, streamer);
    connect(streamer, &QThread::finished, this, [this, id, streamer] {
        m_streamers.remove(id, streamer);
        streamer->deleteLater();
    });
    streamer->start();
    return QVariantList{};
}

QList<QVariantMap> ContainersObject::ContainerTop(const QString &container, const QVariantMap &)
{
    admit([this, container](const Call &) -> Reply {
        auto processes = m_engine.top(container);
        if (!processes)
            return processes.error();
        return QVariantList{QVariant::fromValue(*processes)};
    });
    return {};
}

QList<QVariantMap> ContainersObject::ContainerChanges(const QString &container, const QVariantMap &)
{
    admit([this, container](const Call &) -> Reply {
        auto changes = m_engine.changes(container);
        if (!changes)
            return changes.error();
        QList<QVariantMap> rows;
        for (const LayerChange &change : std::as_const(changes->changes)) {
            // docker's kinds: 0 modified, 1 added, 2 deleted.
            const int kind = change.kind == LayerChange::Kind::Changed ? 0 : change.kind == LayerChange::Kind::Added ? 1 : 2;
            rows << QVariantMap{{QStringLiteral("Path"), u'/' + change.path}, {QStringLiteral("Kind"), kind}};
        }
        return QVariantList{QVariant::fromValue(rows)};
    });
    return {};
}

QVariantMap ContainersObject::ContainerStats(const QString &container, const QVariantMap &)
{
    admit([this, container](const Call &) -> Reply {
        auto stats = m_engine.stats(container);
        if (!stats)
            return stats.error();
        return QVariantList{*stats};
    });
    return {};
}

QVariantMap ContainersObject::PruneContainers(const QVariantMap &options)
{
    admitDeferred([this, options](const Call &, const Respond &respond) { prune(options, respond); });
    return {};
}

void ContainersObject::prune(const QVariantMap &options, const Respond &respond)
{
    auto filter = ContainerFilter::forPrune(options, m_engine);
    if (!filter)
        return respond(filter.error());
    // Removals of stopped containers answer at once; collect them and answer once.
    auto deleted = std::make_shared<QStringList>();
    auto reclaimed = std::make_shared<qint64>(0);
    for (const ContainerRecord &record : m_engine.list()) {
        if (record.isRunning() || record.state.status == ContainerStatus::Removing
            || !filter->matches(record, record.image.toString()))
            continue;
        const qint64 writable = m_engine.diskUsage(record).first;
        m_engine.remove(record.id, false, false, [deleted, reclaimed, id = record.id, writable](const Result<void> &removed) {
            if (!removed)
                return;
            *deleted << id;
            *reclaimed += writable;
        });
    }
    m_events.publish(
        {QStringLiteral("container"), QStringLiteral("prune"), {}, {{QStringLiteral("reclaimed"), QString::number(*reclaimed)}}});
    respond(QVariantList{
        QVariantMap{{QStringLiteral("ContainersDeleted"), *deleted}, {QStringLiteral("SpaceReclaimed"), quint64(*reclaimed)}}});
}

} // namespace berth
