#include "eventscommand.h"

#include "commandparser.h"
#include "engine.h"
#include "engineclient.h"
#include "output.h"
#include "signalwatcher.h"

#include <QDBusServiceWatcher>
#include <QDateTime>

namespace berth::cli {
namespace {

// docker's timestamp: RFC 3339 in UTC with nanoseconds.
QString timestamp(qlonglong timeNano)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(timeNano / 1000000, Qt::UTC);
    return time.toString(QStringLiteral("yyyy-MM-ddThh:mm:ss."))
        + QStringLiteral("%1Z").arg(timeNano % 1000000000, 9, 10, QLatin1Char('0'));
}

QString attributeList(const QVariantMap &attributes)
{
    QStringList pairs;
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it)
        pairs << it.key() + u'=' + it.value().toString();
    return pairs.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(pairs.join(QStringLiteral(", ")));
}

} // namespace

EventsCommand::EventsCommand(CommandParser &format)
    : m_format(format)
{ }

int EventsCommand::run(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth events [OPTIONS]"), tr("Get real time events from the engine"));
    parser.addFormatOption();
    if (auto done = parser.parse(arguments))
        return *done;

    SignalWatcher::block();
    SignalWatcher signals;
    EventsCommand printer(parser);
    engine::bus().connect(engine::kService, engine::kSystemPath, engine::kSystemInterface, QStringLiteral("Event"), &printer,
                          SLOT(print(QString, QString, QString, QVariantMap, qlonglong)));
    EngineClient engine;
    if (auto subscribed = engine.call(engine::kSystemInterface, QStringLiteral("SubscribeEvents"), {QVariantMap{}}); !subscribed)
        return engine.report(subscribed.error());

    int exitCode = Success;
    QDBusServiceWatcher engineWatcher(engine::kService, engine::bus(), QDBusServiceWatcher::WatchForUnregistration);
    QObject::connect(&engineWatcher, &QDBusServiceWatcher::serviceUnregistered, [&exitCode] {
        err() << tr("The Berth engine stopped.") << Qt::endl;
        exitCode = Failure;
        QCoreApplication::quit();
    });
    QObject::connect(&signals, &SignalWatcher::terminateRequested, [] { QCoreApplication::quit(); });
    QCoreApplication::exec();
    if (exitCode == Success)
        (void)engine.call(engine::kSystemInterface, QStringLiteral("UnsubscribeEvents"), {QVariantMap{}});
    return exitCode;
}

void EventsCommand::print(const QString &type, const QString &action, const QString &actor, const QVariantMap &attributes,
                          qlonglong timeNano)
{
    if (m_format.formatted()) {
        m_format.print(QJsonObject::fromVariantMap(
            {{QStringLiteral("Type"), type},
             {QStringLiteral("Action"), action},
             {QStringLiteral("Actor"), QVariantMap{{QStringLiteral("ID"), actor}, {QStringLiteral("Attributes"), attributes}}},
             {QStringLiteral("time"), timeNano / 1000000000},
             {QStringLiteral("timeNano"), timeNano}}));
    } else {
        out() << timestamp(timeNano) << u' ' << type << u' ' << action << u' ' << actor << attributeList(attributes) << u'\n';
    }
    out().flush();
}

} // namespace berth::cli
