// berth: the docker-compatible command line of Berth.

#include "commandtable.h"
#include "containercommand.h"
#include "copycommand.h"
#include "eventscommand.h"
#include "imagecommand.h"
#include "imagescommand.h"
#include "importcommand.h"
#include "infocommand.h"
#include "loadcommand.h"
#include "networkcommand.h"
#include "output.h"
#include "registrycommand.h"
#include "runcommand.h"
#include "savecommand.h"
#include "systemcommand.h"
#include "versioncommand.h"
#include "volumecommand.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

#include <cstdio>
#include <unistd.h>

using namespace berth::cli;

namespace {

int printShortVersion(const QStringList &)
{
    out() << QCoreApplication::translate("main", "Berth version %1").arg(QStringLiteral(BERTH_VERSION)) << Qt::endl;
    return Success;
}

void loadTranslation(QCoreApplication &app)
{
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("berth"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("berth"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BERTH_VERSION));
    loadTranslation(app);

    const CommandTable berth(
        QStringLiteral("berth"), CommandTable::tr("A container manager with its own engine, for Linux desktops"),
        {{QStringLiteral("attach"),
          (QT_TRANSLATE_NOOP("CommandTable", "Attach local standard input, output, and error streams to a running container")),
          ContainerCommand::attach},
         {QStringLiteral("container"), (QT_TRANSLATE_NOOP("CommandTable", "Manage containers")), ContainerCommand::run},
         {QStringLiteral("network"), (QT_TRANSLATE_NOOP("CommandTable", "Manage networks")), NetworkCommand::run},
         {QStringLiteral("volume"), (QT_TRANSLATE_NOOP("CommandTable", "Manage volumes")), VolumeCommand::run},
         {QStringLiteral("commit"), (QT_TRANSLATE_NOOP("CommandTable", "Create a new image from a container's changes")),
          ImportCommand::commit},
         {QStringLiteral("cp"),
          (QT_TRANSLATE_NOOP("CommandTable", "Copy files/folders between a container and the local filesystem")),
          CopyCommand::copy},
         {QStringLiteral("create"), (QT_TRANSLATE_NOOP("CommandTable", "Create a new container")), RunCommand::create},
         {QStringLiteral("export"), (QT_TRANSLATE_NOOP("CommandTable", "Export a container's filesystem as a tar archive")),
          CopyCommand::exportContainer},
         {QStringLiteral("events"), (QT_TRANSLATE_NOOP("CommandTable", "Get real time events from the engine")),
          EventsCommand::run},
         {QStringLiteral("exec"), (QT_TRANSLATE_NOOP("CommandTable", "Execute a command in a running container")),
          RunCommand::exec},
         {QStringLiteral("history"), (QT_TRANSLATE_NOOP("CommandTable", "Show the history of an image")), ImageCommand::history},
         {QStringLiteral("image"), (QT_TRANSLATE_NOOP("CommandTable", "Manage images")), ImageCommand::run},
         {QStringLiteral("images"), (QT_TRANSLATE_NOOP("CommandTable", "List images")), ImagesCommand::run},
         {QStringLiteral("import"),
          QT_TRANSLATE_NOOP("CommandTable", "Import the contents from a tarball to create a filesystem image"),
          ImportCommand::run},
         {QStringLiteral("inspect"), (QT_TRANSLATE_NOOP("CommandTable", "Return low-level information on Berth objects")),
          ContainerCommand::inspectAny},
         {QStringLiteral("info"), (QT_TRANSLATE_NOOP("CommandTable", "Display system-wide information")), InfoCommand::run},
         {QStringLiteral("load"), QT_TRANSLATE_NOOP("CommandTable", "Load an image from a tar archive or STDIN"),
          LoadCommand::run},
         {QStringLiteral("kill"), (QT_TRANSLATE_NOOP("CommandTable", "Kill one or more running containers")),
          ContainerCommand::kill},
         {QStringLiteral("logs"), (QT_TRANSLATE_NOOP("CommandTable", "Fetch the logs of a container")), ContainerCommand::logs},
         {QStringLiteral("pause"), (QT_TRANSLATE_NOOP("CommandTable", "Pause all processes within one or more containers")),
          ContainerCommand::pause},
         {QStringLiteral("ps"), (QT_TRANSLATE_NOOP("CommandTable", "List containers")), ContainerCommand::list},
         {QStringLiteral("pull"), (QT_TRANSLATE_NOOP("CommandTable", "Download an image from a registry")),
          RegistryCommand::pull},
         {QStringLiteral("push"), (QT_TRANSLATE_NOOP("CommandTable", "Upload an image to a registry")), RegistryCommand::push},
         {QStringLiteral("login"), (QT_TRANSLATE_NOOP("CommandTable", "Log in to a registry")), RegistryCommand::login},
         {QStringLiteral("logout"), (QT_TRANSLATE_NOOP("CommandTable", "Log out from a registry")), RegistryCommand::logout},
         {QStringLiteral("search"), (QT_TRANSLATE_NOOP("CommandTable", "Search a registry's catalog for repositories")),
          RegistryCommand::search},
         {QStringLiteral("rename"), (QT_TRANSLATE_NOOP("CommandTable", "Rename a container")), ContainerCommand::rename},
         {QStringLiteral("restart"), (QT_TRANSLATE_NOOP("CommandTable", "Restart one or more containers")),
          ContainerCommand::restart},
         {QStringLiteral("rm"), (QT_TRANSLATE_NOOP("CommandTable", "Remove one or more containers")), ContainerCommand::remove},
         {QStringLiteral("rmi"), (QT_TRANSLATE_NOOP("CommandTable", "Remove one or more images")), ImageCommand::remove},
         {QStringLiteral("run"), (QT_TRANSLATE_NOOP("CommandTable", "Create and run a new container from an image")),
          RunCommand::run},
         {QStringLiteral("save"),
          QT_TRANSLATE_NOOP("CommandTable", "Save one or more images to a tar archive (streamed to STDOUT by default)"),
          SaveCommand::run},
         {QStringLiteral("start"), (QT_TRANSLATE_NOOP("CommandTable", "Start one or more stopped containers")),
          RunCommand::start},
         {QStringLiteral("stats"),
          (QT_TRANSLATE_NOOP("CommandTable", "Display a live stream of container(s) resource usage statistics")),
          ContainerCommand::stats},
         {QStringLiteral("stop"), (QT_TRANSLATE_NOOP("CommandTable", "Stop one or more running containers")),
          ContainerCommand::stop},
         {QStringLiteral("system"), (QT_TRANSLATE_NOOP("CommandTable", "Manage the Berth engine")), SystemCommand::run},
         {QStringLiteral("tag"), (QT_TRANSLATE_NOOP("CommandTable", "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE")),
          ImageCommand::tag},
         {QStringLiteral("diff"),
          (QT_TRANSLATE_NOOP("CommandTable", "Inspect changes to files or directories on a container's filesystem")),
          ContainerCommand::diff},
         {QStringLiteral("port"),
          (QT_TRANSLATE_NOOP("CommandTable", "List port mappings or a specific mapping for the container")),
          ContainerCommand::port},
         {QStringLiteral("top"), (QT_TRANSLATE_NOOP("CommandTable", "Display the running processes of a container")),
          ContainerCommand::top},
         {QStringLiteral("unpause"), (QT_TRANSLATE_NOOP("CommandTable", "Unpause all processes within one or more containers")),
          ContainerCommand::unpause},
         {QStringLiteral("version"), (QT_TRANSLATE_NOOP("CommandTable", "Show the Berth version information")),
          VersionCommand::run},
         {QStringLiteral("wait"),
          (QT_TRANSLATE_NOOP("CommandTable", "Block until one or more containers stop, then print their exit codes")),
          ContainerCommand::wait},
         {QStringLiteral("--version"), (QT_TRANSLATE_NOOP("CommandTable", "Print the version and quit")), printShortVersion}});
    const int exitCode = berth.dispatch(QCoreApplication::arguments());
    // Qt 6.4's D-Bus thread may still be decoding a late message (NameAcquired) while static
    // destructors unregister its types, which prints "Trying to construct an instance of an
    // invalid type".  Nothing is left to clean up here, so leave without static destruction.
    out().flush();
    err().flush();
    std::fflush(nullptr);
    ::_exit(exitCode);
}
