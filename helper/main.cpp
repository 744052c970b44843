// berth-helper: the Berth engine, a D-Bus system service running as root.

#include "engine.h"
#include "service/engineservice.h"
#include "signalwatcher.h"
#include "store/builtinimage.h"
#include "system/logging.h"
#include "system/memorytrim.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <QDBusConnection>
#include <clocale>

#include <csignal>
#include <sys/stat.h>

using namespace berth;

namespace {

struct Arguments
{
    EngineOptions engine;
    // Set for the engine's own short-lived child that makes the built-in image.
    QString makeBuiltinImageIn;
};

Arguments parseArguments(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The Berth container engine (D-Bus service org.berth.Engine1)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Settings file (default /etc/berth/engine.json)."),
                                    QStringLiteral("file"), QStringLiteral("/etc/berth/engine.json"));
    const QCommandLineOption dataRoot(QStringLiteral("data-root"), QStringLiteral("Where images and containers are kept."),
                                      QStringLiteral("dir"));
    const QCommandLineOption runRoot(QStringLiteral("run-root"), QStringLiteral("Where run-time state is kept."),
                                     QStringLiteral("dir"));
    QCommandLineOption makeBuiltinImage(QStringLiteral("make-builtin-image"),
                                        QStringLiteral("Make the built-in busybox image in this data root, then exit."),
                                        QStringLiteral("dir"));
    makeBuiltinImage.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({config, dataRoot, runRoot, makeBuiltinImage});
    parser.process(app);
    return {{parser.value(config), parser.value(dataRoot), parser.value(runRoot)}, parser.value(makeBuiltinImage)};
}

} // namespace

int main(int argc, char *argv[])
{
    ::umask(0077);
    shareOneHeapAmongThreads();
    SignalWatcher::block();
    // A client that closes its end of a stream (save, logs) must cost an EPIPE, not the engine.
    ::signal(SIGPIPE, SIG_IGN);
    installLogHandler();
    // The engine's patterns are short and meet short names: PCRE2's JIT would cost more than
    // it saves (its compiler's pages, a quarter MiB resident) and would give a root process
    // memory that is written and then executed. Qt reads this before the first pattern.
    qputenv("QT_ENABLE_REGEXP_JIT", "0");
    QCoreApplication app(argc, argv);
    // File names in tar streams are UTF-8 or bytes; a service started without LANG would
    // otherwise run in the ASCII "C" locale, in which libarchive cannot convert them.
    std::setlocale(LC_CTYPE, "C.UTF-8");
    QCoreApplication::setApplicationName(QStringLiteral("berth-helper"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BERTH_VERSION));
    const Arguments arguments = parseArguments(app);
    if (!arguments.makeBuiltinImageIn.isEmpty()) {
        const auto made = makeBuiltinImage(arguments.makeBuiltinImageIn);
        if (!made)
            qCritical("the built-in busybox image could not be made: %s", qPrintable(made.error().message()));
        return made ? 0 : 1;
    }

    if (::geteuid() != 0)
        qWarning("berth-helper runs as uid %u, not root: only root may own %s on a system bus", ::geteuid(),
                 qPrintable(engine::kService));
    QDBusConnection bus = engine::bus();
    if (!bus.isConnected()) {
        qCritical("cannot connect to the system bus: %s", qPrintable(bus.lastError().message()));
        return 1;
    }

    EngineService engine(bus, arguments.engine);
    if (auto started = engine.start(); !started) {
        qCritical("%s", qPrintable(started.error().message()));
        return 1;
    }
    trimMemoryWhenQuiet(); // what starting up needed and let go of

    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminateRequested, &app, [](int signal) {
        qInfo("signal %d: stopping", signal);
        QCoreApplication::quit();
    });
    QObject::connect(&signals, &SignalWatcher::reloadRequested, &engine, [&engine] {
        if (auto reloaded = engine.reloadSettings(); !reloaded)
            qWarning("settings not reloaded: %s", qPrintable(reloaded.error().message()));
    });
    // Disconnecting from the bus releases the name, so a successor can claim it at once.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, [&bus] { bus.unregisterService(engine::kService); });
    return app.exec();
}
