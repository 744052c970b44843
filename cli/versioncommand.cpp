#include "versioncommand.h"

#include "commandparser.h"
#include "engine.h"
#include "engineclient.h"
#include "output.h"

#include <QSysInfo>

namespace berth::cli {
namespace {

QVariantMap clientVersion()
{
    return {{QStringLiteral("Version"), QStringLiteral(BERTH_VERSION)},
            {QStringLiteral("ApiVersion"), engine::kApiVersion},
            {QStringLiteral("QtVersion"), QString::fromLatin1(qVersion())},
            {QStringLiteral("Os"), QSysInfo::kernelType()},
            {QStringLiteral("Arch"), QSysInfo::currentCpuArchitecture()}};
}

QString osArch(const QVariantMap &v)
{
    return v.value(QStringLiteral("Os")).toString() + u'/' + v.value(QStringLiteral("Arch")).toString();
}

} // namespace

int VersionCommand::run(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth version [OPTIONS]"), tr("Show the Berth version information"));
    parser.addFormatOption();
    if (auto done = parser.parse(arguments))
        return *done;

    const QVariantMap client = clientVersion();
    EngineClient engine;
    const auto reply = engine.call(engine::kSystemInterface, QStringLiteral("Version"), {QVariantMap{}});
    const QVariantMap server = reply ? reply->value(0).toMap() : QVariantMap{};
    if (parser.formatted()) {
        parser.print(QJsonObject::fromVariantMap({{QStringLiteral("Client"), client}, {QStringLiteral("Server"), server}}));
    } else {
        out() << tr("Client:") << u'\n';
        printFields({{tr("Version"), client.value(QStringLiteral("Version")).toString()},
                     {tr("API version"), client.value(QStringLiteral("ApiVersion")).toString()},
                     {tr("Qt version"), client.value(QStringLiteral("QtVersion")).toString()},
                     {tr("OS/Arch"), osArch(client)}},
                    1);
        if (reply) {
            out() << u'\n' << tr("Server: Berth Engine") << u'\n';
            printFields({{tr("Version"), server.value(QStringLiteral("Version")).toString()},
                         {tr("API version"), server.value(QStringLiteral("ApiVersion")).toString()},
                         {tr("Qt version"), server.value(QStringLiteral("QtVersion")).toString()},
                         {tr("OS/Arch"), osArch(server)},
                         {tr("Kernel version"), server.value(QStringLiteral("KernelVersion")).toString()},
                         {tr("Build type"), server.value(QStringLiteral("BuildType")).toString()}},
                        1);
        }
        out().flush();
    }
    return reply ? Success : engine.report(reply.error());
}

} // namespace berth::cli
