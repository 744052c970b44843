// `cp` figures for docs/PERFORMANCE.md: one 1 GiB file and 20,000 small files copied into a
// container and out again with `berth cp`, beside plain `cp -a` between two directories on the
// same disk (the floor) and `podman cp` (the containers created, not run: podman cannot run
// containers on this machine's cgroup layout, and `cp` does not need them running).  No
// Docker engine runs here.  Prints a Markdown table.
//
//     ./berth-dev bench           (as root; starts its own isolated engine)

#include "benchutil.h"
#include "isolatedengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstring>
#include <sys/mman.h>

using namespace berth::test;

namespace {

constexpr int kRounds = 5;
constexpr int kSmallFiles = 20000;
constexpr qint64 kBigFile = qint64(1) << 30;

bool makeBigFile(const QString &path)
{
    // Random bytes: nothing along the way may gain from zeros.
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QByteArray chunk(8 << 20, Qt::Uninitialized);
    for (qint64 written = 0; written < kBigFile; written += chunk.size()) {
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
        if (file.write(chunk) != chunk.size())
            return false;
    }
    return true;
}

bool makeSmallFiles(const QString &root)
{
    QByteArray content(2048, 'x');
    for (int i = 0; i < kSmallFiles; ++i) {
        const QString dir = QStringLiteral("%1/d%2").arg(root).arg(i / 200);
        if (i % 200 == 0 && !QDir().mkpath(dir))
            return false;
        QFile file(QStringLiteral("%1/f%2").arg(dir).arg(i));
        content.replace(0, 8, QByteArray::number(i).rightJustified(8, '0'));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return false;
    }
    return true;
}

// Memory this VM has backed a moment ago.  Guest memory that was never touched, or that the
// balloon driver reported free to the host, costs a hypervisor fault per page on first touch:
// a 1 GiB copy that lands there took 2.4 s against 0.27 s, whichever tool made it, and which
// tool came first in a round decided who got the warm pages.  Touching 4 GiB and freeing it
// right before each run gives every run warm pages for its page cache.
void warmMemory()
{
    constexpr size_t kBytes = size_t(4) << 30;
    void *memory = ::mmap(nullptr, kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED)
        return;
    std::memset(memory, 1, kBytes);
    ::munmap(memory, kBytes);
}

// One timed run of a shell command in ms, after the disk has caught up (sync) and with warm
// memory; 0 and the error when it fails.
std::pair<double, QString> timeOnce(const QString &command, const QProcessEnvironment &env)
{
    runProcess(QStringLiteral("/bin/sync"), {}, env);
    warmMemory();
    QElapsedTimer timer;
    timer.start();
    const ProcessResult run = runProcess(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command}, env, {}, 600000);
    if (run.exitCode != 0)
        return {0, run.err.trimmed().section(u'\n', 0, 0).left(110)};
    return {timer.nsecsElapsed() / 1e6, {}};
}

// Each command run kRounds times, "{round}" in it replaced by the round, the commands taking
// turns so that all see the disk in the same state; the median of each.  Every run writes
// somewhere new and nothing is deleted until all are measured: right after a large delete,
// ext4 scans the recently freed inodes on each create, which would measure the delete.
QList<std::pair<double, QString>> timeInTurns(const QStringList &commands, const QProcessEnvironment &env)
{
    QList<QList<double>> times(commands.size());
    QList<QString> errors(commands.size());
    for (int round = 0; round < kRounds; ++round)
        for (qsizetype i = 0; i < commands.size(); ++i) {
            if (commands[i].isEmpty() || !errors[i].isEmpty())
                continue;
            const auto [ms, error]
                = timeOnce(QString(commands[i]).replace(QStringLiteral("{round}"), QString::number(round)), env);
            errors[i] = error;
            times[i] << ms;
        }
    QList<std::pair<double, QString>> medians;
    for (qsizetype i = 0; i < commands.size(); ++i)
        medians << std::pair{errors[i].isEmpty() ? median(times[i]) : 0, errors[i]};
    return medians;
}

QString cell(const std::pair<double, QString> &time, double floor)
{
    if (!time.second.isEmpty())
        return QStringLiteral("failed: %1").arg(time.second);
    if (time.first <= 0)
        return QStringLiteral("n/a");
    return QStringLiteral("%1 ms (%2x)").arg(time.first, 0, 'f', 0).arg(time.first / floor, 0, 'f', 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const ContainersCacheGuard cacheGuard; // skopeo's and podman's blob cache of the host's
    IsolatedEngine engine;
    if (!engine.start()) {
        qCritical("cannot start the engine: %s", qPrintable(engine.errorString()));
        return 1;
    }
    QTemporaryDir work(engine.path() + QStringLiteral("/bench-XXXXXX"));
    const QString big = work.filePath(QStringLiteral("big"));
    const QString small = work.filePath(QStringLiteral("small"));
    const QString out = work.filePath(QStringLiteral("out"));
    if (!makeBigFile(big) || !makeSmallFiles(small) || !QDir().mkpath(out)) {
        qCritical("cannot write the test data under %s", qPrintable(work.path()));
        return 1;
    }
    QProcessEnvironment env = engine.environment();
    env.insert(QStringLiteral("BERTH"), IsolatedEngine::binary(QStringLiteral("berth")));
    env.insert(QStringLiteral("OUT"), out);
    const auto berth = [&](const QStringList &arguments) { return engine.berth(arguments); };
    const QString running
        = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("cprunning"),
                 QStringLiteral("busybox"), QStringLiteral("sleep"), QStringLiteral("100000")})
              .out.trimmed();
    // podman, with Berth's busybox, a storage of its own and never the network.
    bool podman = !QStandardPaths::findExecutable(QStringLiteral("podman")).isEmpty();
    const QStringList storage = podmanStorage(work.path());
    env.insert(QStringLiteral("PODMAN"), QStringLiteral("podman ") + storage.join(u' '));
    const QString archive = work.filePath(QStringLiteral("busybox.tar"));
    if (podman)
        podman = berth({QStringLiteral("save"), QStringLiteral("-o"), archive, QStringLiteral("busybox")}).exitCode == 0
            && runProcess(QStringLiteral("podman"), storage + QStringList{QStringLiteral("load"), QStringLiteral("-i"), archive})
                    .exitCode
                == 0;
    // Created containers, one per case and round: neither tool can empty one without running it.
    const auto makeContainers = [&](const QString &prefix) {
        for (int i = 0; i < 2 * kRounds; ++i) {
            berth({QStringLiteral("create"), QStringLiteral("--name"), prefix + QString::number(i), QStringLiteral("busybox"),
                   QStringLiteral("true")});
            if (podman)
                runProcess(QStringLiteral("podman"),
                           storage
                               + QStringList{QStringLiteral("create"), QStringLiteral("--pull=never"), QStringLiteral("--name"),
                                             QStringLiteral("berth-bench-") + prefix + QString::number(i),
                                             QStringLiteral("docker.io/library/busybox:latest"), QStringLiteral("true")});
        }
    };
    makeContainers(QStringLiteral("cp"));

    struct Case
    {
        QString name;
        QString source; // on the host
        int first; // the first created container of the case
    };
    const QList<Case> cases{{QStringLiteral("one 1 GiB file"), big, 0},
                            {QStringLiteral("20,000 files of 2 KiB"), small, kRounds}};
    QString table = QStringLiteral("| copy (median of %1) | `cp -a` (the floor) | `berth cp`, running | `berth cp`, created | "
                                   "`podman cp`, created |\n|---|---|---|---|---|\n")
                        .arg(kRounds);
    for (const Case &c : cases) {
        const QString tag = QString::number(c.first);
        // Into the running container at a new path each round; into a created container each.
        const auto in = timeInTurns(
            {QStringLiteral("cp -a '%1' \"$OUT/floor%2-{round}\"").arg(c.source, tag),
             QStringLiteral("\"$BERTH\" cp -q '%1' cprunning:/in%2-{round}").arg(c.source, tag),
             QStringLiteral("\"$BERTH\" cp -q '%1' cp$(({round} + %2)):/data").arg(c.source, tag),
             podman ? QStringLiteral("$PODMAN cp '%1' berth-bench-cp$(({round} + %2)):/data").arg(c.source, tag) : QString()},
            env);
        table += QStringLiteral("| %1, in | %2 ms | %3 | %4 | %5 |\n")
                     .arg(c.name)
                     .arg(in[0].first, 0, 'f', 0)
                     .arg(cell(in[1], in[0].first), cell(in[2], in[0].first), cell(in[3], in[0].first));
        const auto out = timeInTurns(
            {QStringLiteral("cp -a '%1' \"$OUT/floorout%2-{round}\"").arg(c.source, tag),
             QStringLiteral("\"$BERTH\" cp -q cprunning:/in%1-0 \"$OUT/running%1-{round}\"").arg(tag),
             QStringLiteral("\"$BERTH\" cp -q cp%1:/data \"$OUT/created%1-{round}\"").arg(tag),
             podman ? QStringLiteral("$PODMAN cp berth-bench-cp%1:/data \"$OUT/podman%1-{round}\"").arg(tag) : QString()},
            env);
        table += QStringLiteral("| %1, out | %2 ms | %3 | %4 | %5 |\n")
                     .arg(c.name)
                     .arg(out[0].first, 0, 'f', 0)
                     .arg(cell(out[1], out[0].first), cell(out[2], out[0].first), cell(out[3], out[0].first));
    }
    if (podman) // its storage goes with the work directory
        runProcess(QStringLiteral("podman"),
                   storage + QStringList{QStringLiteral("system"), QStringLiteral("reset"), QStringLiteral("-f")});
    QStringList containers{QStringLiteral("rm"), QStringLiteral("-f"), running};
    for (int i = 0; i < 2 * kRounds; ++i)
        containers << QStringLiteral("cp%1").arg(i);
    berth(containers);
    engine.stop();
    QTextStream(stdout) << table;
    return 0;
}
