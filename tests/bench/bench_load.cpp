// `berth load` of a three-layer archive of about 130 MB (random data, text, thousands of small
// files) against `tar -x` of the same layers (the floor) and `podman load` where installed.
// Prints a Markdown table for docs/PERFORMANCE.md.

#include "benchutil.h"
#include "imagearchive.h"
#include "isolatedengine.h"
#include "tarbuilder.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace berth::test;

namespace {

constexpr int kRounds = 5;

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator(42).fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

QByteArray textBytes(qsizetype size)
{
    const QByteArray line = "The quick brown fox jumps over the lazy dog; Berth loads layers.\n";
    QByteArray text;
    text.reserve(size);
    while (text.size() < size)
        text += line;
    return text;
}

QList<QByteArray> layers()
{
    QByteArray smallFiles;
    TarBuilder many;
    for (int i = 0; i < 8000; ++i)
        many.file(QByteArray("usr/share/doc/f") + QByteArray::number(i / 100) + "/file" + QByteArray::number(i), textBytes(4096));
    return {TarBuilder().file("data/random.bin", randomBytes(64 << 20)).finish(),
            TarBuilder().file("data/text.txt", textBytes(32 << 20)).finish(), many.finish()};
}

double seconds(const std::function<bool()> &work)
{
    QElapsedTimer timer;
    timer.start();
    if (!work())
        qFatal("a benchmark step failed");
    return timer.nsecsElapsed() / 1e9;
}

bool runProgram(const QString &program, const QStringList &arguments,
                const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(program, arguments);
    return process.waitForFinished(600000) && process.exitCode() == 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const ContainersCacheGuard cacheGuard; // skopeo's and podman's blob cache of the host's
    QTemporaryDir work;
    const QList<QByteArray> layerTars = layers();
    ImageArchive archive;
    archive.addImage(layerTars, {QStringLiteral("bench:1")});
    const QString archivePath = work.filePath(QStringLiteral("bench.tar"));
    {
        QFile out(archivePath);
        if (!out.open(QIODevice::WriteOnly) || out.write(archive.dockerArchive()) < 0)
            qFatal("cannot write the archive");
    }
    QStringList layerPaths;
    for (int i = 0; i < layerTars.size(); ++i) {
        layerPaths << work.filePath(QStringLiteral("layer%1.tar").arg(i));
        QFile out(layerPaths.last());
        if (!out.open(QIODevice::WriteOnly) || out.write(layerTars[i]) < 0)
            qFatal("cannot write a layer");
    }
    const qint64 archiveBytes = QFileInfo(archivePath).size();

    IsolatedEngine engine;
    if (!engine.start())
        qFatal("%s", qPrintable(engine.errorString()));
    QList<double> berthTimes, tarTimes;
    // The floor extracts where ext4 places each new tree in a block group of its own, as the
    // engine's layers/ directory does (chattr +T): neither walks the inodes the round before freed.
    const QString floor = work.filePath(QStringLiteral("floor"));
    QDir().mkpath(floor);
    runProgram(QStringLiteral("chattr"), {QStringLiteral("+T"), floor});
    for (int round = 0; round < kRounds; ++round) {
        tarTimes << seconds([&] {
            const QString target = floor + QStringLiteral("/tar-%1").arg(round);
            QDir().mkpath(target);
            for (const QString &layer : layerPaths)
                if (!runProgram(QStringLiteral("tar"), {QStringLiteral("-xf"), layer, QStringLiteral("-C"), target}))
                    return false;
            return runProgram(QStringLiteral("sync"), {});
        });
        QDir(floor + QStringLiteral("/tar-%1").arg(round)).removeRecursively();
        berthTimes << seconds([&] {
            return runProgram(IsolatedEngine::binary(QStringLiteral("berth")),
                              {QStringLiteral("load"), QStringLiteral("-q"), QStringLiteral("-i"), archivePath},
                              engine.environment())
                && runProgram(QStringLiteral("sync"), {});
        });
        runProgram(IsolatedEngine::binary(QStringLiteral("berth")), {QStringLiteral("rmi"), QStringLiteral("bench:1")},
                   engine.environment());
    }
    QTextStream out(stdout);
    const double tar = median(tarTimes), berth = median(berthTimes);
    out << "| measure (archive " << QString::number(archiveBytes / 1e6, 'f', 0) << " MB, 3 layers; median of " << kRounds
        << ") | seconds |\n|---|---|\n"
        << "| `tar -x` of the three layer tarballs (the floor) | " << QString::number(tar, 'f', 2) << " |\n"
        << "| `berth load -i` (stores the layer blobs and unpacks them) | " << QString::number(berth, 'f', 2) << " ("
        << QString::number(berth / tar, 'f', 2) << "x tar) |\n";
    const QString podman = QStandardPaths::findExecutable(QStringLiteral("podman"));
    if (!podman.isEmpty()) {
        // A storage of its own, empty, so that the image is really loaded.
        const QStringList storage = podmanStorage(work.path());
        const double podmanTime = seconds([&] {
            return runProgram(podman,
                              storage
                                  + QStringList{QStringLiteral("load"), QStringLiteral("-q"), QStringLiteral("-i"), archivePath})
                && runProgram(QStringLiteral("sync"), {});
        });
        runProgram(podman, storage + QStringList{QStringLiteral("system"), QStringLiteral("reset"), QStringLiteral("-f")});
        out << "| `podman load -i` | " << QString::number(podmanTime, 'f', 2) << " |\n";
    } else {
        out << "| `podman load -i` | podman not installed |\n";
    }
    return 0;
}
