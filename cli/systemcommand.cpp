#include "systemcommand.h"

#include "commandparser.h"
#include "commandtable.h"
#include "engine.h"
#include "engineclient.h"
#include "eventscommand.h"
#include "infocommand.h"
#include "output.h"
#include "table.h"

#include <QSet>

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
    const auto containerReply
        = engine.call(engine::kContainersInterface, QStringLiteral("ListContainers"),
                      {QVariantMap{{QStringLiteral("all"), true}, {QStringLiteral("size"), true}}}, engine::kContainersPath);
    if (!containerReply)
        return engine.report(containerReply.error(), Failure);
    const auto volumeReply = engine.call(engine::kVolumesInterface, QStringLiteral("ListVolumes"),
                                         {QVariantMap{{QStringLiteral("size"), true}}}, engine::kVolumesPath);
    if (!volumeReply)
        return engine.report(volumeReply.error(), Failure);
    const QVariantList images = reply->value(0).toList();
    const QVariantList containers = containerReply->value(0).toList();
    const QVariantList volumes = volumeReply->value(0).toList();

    // Images in use are those any container was made from; a layer counts once, as on disk,
    // and is reclaimable only when no image in use has it.
    QSet<QString> usedImages;
    int running = 0;
    quint64 containerSize = 0, containerReclaimable = 0;
    for (const QVariant &item : containers) {
        const QVariantMap container = item.toMap();
        usedImages.insert(container.value(QStringLiteral("ImageID")).toString());
        const quint64 writable = container.value(QStringLiteral("SizeRw")).toULongLong();
        containerSize += writable;
        if (container.value(QStringLiteral("State")).toString() == u"running")
            ++running;
        else
            containerReclaimable += writable;
    }
    QHash<QString, quint64> layerSizes;
    QSet<QString> layersInUse;
    for (const QVariant &item : images) {
        const QVariantMap image = item.toMap();
        const bool used = usedImages.contains(image.value(QStringLiteral("Id")).toString());
        for (const QVariant &layer : image.value(QStringLiteral("Layers")).toList()) {
            const QString chain = layer.toMap().value(QStringLiteral("ChainId")).toString();
            layerSizes.insert(chain, layer.toMap().value(QStringLiteral("Size")).toULongLong());
            if (used)
                layersInUse.insert(chain);
        }
    }
    quint64 imageSize = 0, imageReclaimable = 0;
    for (auto it = layerSizes.cbegin(); it != layerSizes.cend(); ++it) {
        imageSize += it.value();
        if (!layersInUse.contains(it.key()))
            imageReclaimable += it.value();
    }
    const int activeImages = int(std::count_if(images.cbegin(), images.cend(), [&](const QVariant &image) {
        return usedImages.contains(image.toMap().value(QStringLiteral("Id")).toString());
    }));
    auto percent = [](quint64 part, quint64 whole) {
        return QStringLiteral("%1 (%2%)").arg(dockerSize(part)).arg(whole ? 100 * part / whole : 0);
    };
    // Volumes in use are those any container mounts; only unused ones can be reclaimed.
    int activeVolumes = 0;
    quint64 volumeSize = 0, volumeReclaimable = 0;
    for (const QVariant &item : volumes) {
        const QVariantMap volume = item.toMap();
        const quint64 size = volume.value(QStringLiteral("Size")).toULongLong();
        volumeSize += size;
        if (volume.value(QStringLiteral("Users")).toStringList().isEmpty())
            volumeReclaimable += size;
        else
            ++activeVolumes;
    }
    struct Row
    {
        QString type; // docker's name, in JSON
        QString shown;
        qsizetype total;
        int active;
        quint64 size;
        quint64 reclaimable;
    };
    const Row rows[] = {
        {QStringLiteral("Images"), tr("Images"), images.size(), activeImages, imageSize, imageReclaimable},
        {QStringLiteral("Containers"), tr("Containers"), containers.size(), running, containerSize, containerReclaimable},
        {QStringLiteral("Local Volumes"), tr("Local Volumes"), volumes.size(), activeVolumes, volumeSize, volumeReclaimable},
    };
    Table table({tr("TYPE"), tr("TOTAL"), tr("ACTIVE"), tr("SIZE"), tr("RECLAIMABLE")});
    for (const Row &row : rows) {
        if (parser.formatted())
            parser.print(QJsonObject::fromVariantMap({{QStringLiteral("Type"), row.type},
                                                      {QStringLiteral("TotalCount"), int(row.total)},
                                                      {QStringLiteral("Active"), row.active},
                                                      {QStringLiteral("Size"), dockerSize(row.size)},
                                                      {QStringLiteral("Reclaimable"), percent(row.reclaimable, row.size)}}));
        else
            table.addRow({row.shown, QString::number(row.total), QString::number(row.active), dockerSize(row.size),
                          percent(row.reclaimable, row.size)});
    }
    if (parser.formatted())
        out().flush();
    else
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
