#include "systemcommand.h"

#include "commandparser.h"
#include "commandtable.h"
#include "engine.h"
#include "engineclient.h"
#include "eventscommand.h"
#include "infocommand.h"
#include "output.h"
#include "table.h"

namespace berth::cli {

int SystemCommand::run(const QStringList &arguments)
{
    static const CommandTable table(
        QStringLiteral("berth system"), tr("Manage the Berth engine"),
        {{QStringLiteral("df"), QT_TRANSLATE_NOOP("CommandTable", "Show engine disk usage"), diskUsage},
         {QStringLiteral("events"), QT_TRANSLATE_NOOP("CommandTable", "Get real time events from the engine"),
          EventsCommand::run},
         {QStringLiteral("info"), QT_TRANSLATE_NOOP("CommandTable", "Display system-wide information"), InfoCommand::run},
         {QStringLiteral("reload"), QT_TRANSLATE_NOOP("CommandTable", "Read the engine's settings file again and apply it"),
          reload}});
    return table.dispatch(arguments);
}

int SystemCommand::diskUsage(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth system df [OPTIONS]"), tr("Show engine disk usage"));
    parser.addFormatOption(false);
    if (auto done = parser.parse(arguments))
        return *done;
    EngineClient engine;
    const auto reply = engine.call(engine::kImagesInterface, QStringLiteral("ListImages"), {QVariantMap{}}, engine::kImagesPath);
    if (!reply)
        return engine.report(reply.error(), Failure);
    // Layers shared by several images count once, as on disk.
    QHash<QString, quint64> layerSizes;
    const QVariantList images = reply->value(0).toList();
    for (const QVariant &image : images)
        for (const QVariant &layer : image.toMap().value(QStringLiteral("Layers")).toList())
            layerSizes.insert(layer.toMap().value(QStringLiteral("ChainId")).toString(),
                              layer.toMap().value(QStringLiteral("Size")).toULongLong());
    quint64 size = 0;
    for (quint64 bytes : std::as_const(layerSizes))
        size += bytes;
    const quint64 reclaimable = size; // no container uses an image yet
    if (parser.wantsJson()) {
        out() << toJsonLine({{QStringLiteral("Type"), QStringLiteral("Images")},
                             {QStringLiteral("TotalCount"), int(images.size())},
                             {QStringLiteral("Active"), 0},
                             {QStringLiteral("Size"), dockerSize(size)},
                             {QStringLiteral("Reclaimable"), dockerSize(reclaimable)}})
              << Qt::endl;
        return Success;
    }
    Table table({tr("TYPE"), tr("TOTAL"), tr("ACTIVE"), tr("SIZE"), tr("RECLAIMABLE")});
    table.addRow({tr("Images"), QString::number(images.size()), QStringLiteral("0"), dockerSize(size),
                  QStringLiteral("%1 (100%)").arg(dockerSize(reclaimable))});
    table.addRow({tr("Containers"), QStringLiteral("0"), QStringLiteral("0"), dockerSize(0), dockerSize(0)});
    table.print();
    return Success;
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
