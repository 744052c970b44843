#include "infocommand.h"

#include "commandparser.h"
#include "engine.h"
#include "engineclient.h"
#include "output.h"

namespace berth::cli {
namespace {

QString text(const QVariantMap &info, const char *key)
{
    const QVariant value = info.value(QLatin1StringView(key));
    if (value.metaType().id() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.metaType().id() == QMetaType::QStringList)
        return value.toStringList().join(u' ');
    return value.toString();
}

} // namespace

int InfoCommand::run(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth info [OPTIONS]"), tr("Display system-wide information"));
    parser.addFormatOption();
    if (auto done = parser.parse(arguments))
        return *done;

    EngineClient engine;
    const auto reply = engine.call(engine::kSystemInterface, QStringLiteral("Info"), {QVariantMap{}});
    if (!reply)
        return engine.report(reply.error());
    const QVariantMap info = reply->value(0).toMap();
    if (parser.formatted()) {
        parser.print(QJsonObject::fromVariantMap(info));
        return Success;
    }
    out() << tr("Client:") << u'\n';
    printFields({{tr("Version"), QStringLiteral(BERTH_VERSION)}}, 1);
    out() << u'\n' << tr("Server:") << u'\n';
    printFields({{tr("Containers"), text(info, "Containers")}}, 1);
    printFields({{tr("Running"), text(info, "ContainersRunning")},
                 {tr("Paused"), text(info, "ContainersPaused")},
                 {tr("Stopped"), text(info, "ContainersStopped")}},
                2);
    printFields({{tr("Images"), text(info, "Images")},
                 {tr("Server Version"), text(info, "ServerVersion")},
                 {tr("Storage Driver"), text(info, "StorageDriver")},
                 {tr("Cgroup Version"), text(info, "CgroupVersion")},
                 {tr("Cgroup Controllers"), text(info, "CgroupControllers")},
                 {tr("Kernel Version"), text(info, "KernelVersion")},
                 {tr("Operating System"), text(info, "OperatingSystem")},
                 {tr("Architecture"), text(info, "Architecture")},
                 {tr("CPUs"), text(info, "CPUs")},
                 {tr("Total Memory"), humanSize(info.value(QStringLiteral("MemTotal")).toULongLong())},
                 {tr("Name"), text(info, "Name")},
                 {tr("Data Root"), text(info, "DataRoot")},
                 {tr("Run Root"), text(info, "RunRoot")},
                 {tr("Settings File"), text(info, "SettingsFile")},
                 {tr("Running Jobs"), text(info, "Jobs")},
                 {tr("Authorization"), text(info, "AuthorizationBackend")},
                 {tr("Debug Mode"), text(info, "Debug")}},
                1);
    if (!info.value(QStringLiteral("StorageDriverSupported")).toBool())
        out() << u'\n' << tr("WARNING: this kernel has no overlay filesystem; containers cannot run.") << u'\n';
    out().flush();
    return Success;
}

} // namespace berth::cli
