#include "systemcommand.h"

#include "commandparser.h"
#include "commandtable.h"
#include "engine.h"
#include "engineclient.h"
#include "eventscommand.h"
#include "infocommand.h"
#include "output.h"

namespace berth::cli {

int SystemCommand::run(const QStringList &arguments)
{
    static const CommandTable table(
        QStringLiteral("berth system"), tr("Manage the Berth engine"),
        {{QStringLiteral("events"), QT_TRANSLATE_NOOP("CommandTable", "Get real time events from the engine"),
          EventsCommand::run},
         {QStringLiteral("info"), QT_TRANSLATE_NOOP("CommandTable", "Display system-wide information"), InfoCommand::run},
         {QStringLiteral("reload"), QT_TRANSLATE_NOOP("CommandTable", "Read the engine's settings file again and apply it"),
          reload}});
    return table.dispatch(arguments);
}

int SystemCommand::reload(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth system reload"),
                         tr("Read the engine's settings file again and apply what can change while it runs"));
    if (auto done = parser.parse(arguments))
        return *done;
    EngineClient engine;
    const auto reply = engine.call(engine::kSystemInterface, QStringLiteral("ReloadSettings"), {QVariantMap{}});
    if (!reply)
        return engine.report(reply.error());
    const QVariantMap changed = reply->value(0).toMap();
    if (changed.isEmpty())
        out() << tr("Settings reloaded; nothing changed.") << Qt::endl;
    for (auto it = changed.cbegin(); it != changed.cend(); ++it)
        out() << tr("%1 is now %2").arg(it.key(), it.value().toString()) << Qt::endl;
    return Success;
}

} // namespace berth::cli
