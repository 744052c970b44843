// Foundation figures for docs/PERFORMANCE.md: how fast the engine starts, how much memory it
// holds while idle, and what one authorized round trip costs.  Prints a Markdown table.
//
//     ./berth-dev bench           (as root; starts its own isolated engine)

#include "benchutil.h"
#include "engine.h"
#include "isolatedengine.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTextStream>
#include <QThread>

#include <algorithm>

using namespace berth;
using namespace berth::test;

namespace {

QList<double> helperStartMs(IsolatedEngine &engine, int rounds)
{
    QList<double> times;
    for (int i = 0; i < rounds; ++i) {
        engine.stopHelper();
        QElapsedTimer timer;
        timer.start();
        if (!engine.startHelper())
            qFatal("%s", qPrintable(engine.errorString()));
        times << timer.nsecsElapsed() / 1e6;
    }
    return times;
}

QList<double> roundTripUs(const QString &address, const QString &method, int rounds)
{
    QDBusConnection bus = QDBusConnection::connectToBus(address, QStringLiteral("bench"));
    QList<double> times;
    for (int i = 0; i < rounds; ++i) {
        QDBusMessage call
            = QDBusMessage::createMethodCall(engine::kService, engine::kSystemPath, engine::kSystemInterface, method);
        call << QVariantMap{};
        QElapsedTimer timer;
        timer.start();
        const QDBusMessage reply = bus.call(call);
        times << timer.nsecsElapsed() / 1e3;
        if (reply.type() == QDBusMessage::ErrorMessage)
            qFatal("%s: %s", qPrintable(method), qPrintable(reply.errorMessage()));
    }
    return times;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    IsolatedEngine engine;
    if (!engine.start())
        qFatal("%s", qPrintable(engine.errorString()));

    const double start = median(helperStartMs(engine, 15));
    // Idle: past the two quiet seconds after which the engine gives freed heap back.
    constexpr unsigned long kQuietMs = 2500;
    QThread::msleep(kQuietMs);
    const quint64 rss = rssKiB(engine.helperPid());
    const double version = median(roundTripUs(engine.busAddress(), QStringLiteral("Version"), 300));
    const double info = median(roundTripUs(engine.busAddress(), QStringLiteral("Info"), 300));
    QThread::msleep(kQuietMs);
    const quint64 rssAfter = rssKiB(engine.helperPid());
    const QString berth = IsolatedEngine::binary(QStringLiteral("berth"));
    const auto [cliVersion, versionError] = timeRuns(berth, {QStringLiteral("version")}, engine.environment(), 30);
    const auto [cliInfo, infoError] = timeRuns(berth, {QStringLiteral("info")}, engine.environment(), 30);
    if (!versionError.isEmpty() || !infoError.isEmpty())
        qFatal("berth failed: %s%s", qPrintable(versionError), qPrintable(infoError));

    QTextStream out(stdout);
    out << "| measure | median |\n|---|---|\n"
        << "| helper start to `org.berth.Engine1` claimed | " << QString::number(start, 'f', 1) << " ms |\n"
        << "| helper resident memory, idle after start | " << QString::number(rss / 1024.0, 'f', 1) << " MiB |\n"
        << "| helper resident memory after 600 calls | " << QString::number(rssAfter / 1024.0, 'f', 1) << " MiB |\n"
        << "| `Version` round trip incl. polkit check (root caller) | " << QString::number(version, 'f', 0) << " µs |\n"
        << "| `Info` round trip incl. polkit check (root caller) | " << QString::number(info, 'f', 0) << " µs |\n"
        << "| `berth version`, whole process | " << QString::number(cliVersion, 'f', 1) << " ms |\n"
        << "| `berth info`, whole process | " << QString::number(cliInfo, 'f', 1) << " ms |\n";
    return 0;
}
