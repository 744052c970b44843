// Registry figures for docs/PERFORMANCE.md: push and cold pull of a three-layer image of about
// 130 MB (64 MiB of random bytes, about 30 MB of text, 5,000 small files) through Debian's
// docker-registry on 127.0.0.1, beside skopeo 1.9 moving the same image in the same run.
// Prints a Markdown table.
//
//     ./berth-dev bench           (as root; starts its own isolated engine and registry)

#include "benchutil.h"
#include "isolatedengine.h"
#include "localregistry.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTextStream>

using namespace berth::test;

namespace {

constexpr int kRounds = 3;

std::pair<double, QString> timeCommand(const QString &program, const QStringList &arguments, const QProcessEnvironment &env)
{
    QElapsedTimer timer;
    timer.start();
    const ProcessResult run = runProcess(program, arguments, env, {}, 600000);
    if (run.exitCode != 0)
        return {0, run.err.trimmed().section(u'\n', 0, 0).left(110)};
    return {timer.nsecsElapsed() / 1e6, {}};
}

QString cell(const QList<double> &times, const QString &error)
{
    return error.isEmpty() ? QStringLiteral("%1 ms").arg(median(times), 0, 'f', 0) : QStringLiteral("failed: %1").arg(error);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const ContainersCacheGuard cacheGuard; // skopeo's and podman's blob cache of the host's
    IsolatedEngine engine;
    QTemporaryDir work;
    if (!engine.start()) {
        qCritical("cannot start the engine: %s", qPrintable(engine.errorString()));
        return 1;
    }
    const auto berth = [&](const QStringList &arguments) { return engine.berth(arguments); };
    // Three layers on busybox, each made by a container and committed.
    const QStringList steps{
        QStringLiteral("dd if=/dev/urandom of=/random bs=1M count=64 2>/dev/null"), QStringLiteral("seq 1 4000000 > /text"),
        QStringLiteral("mkdir /small && i=0; while [ $i -lt 5000 ]; do echo $i > /small/$i; i=$((i+1)); done")};
    QString base = QStringLiteral("busybox");
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QString name = QStringLiteral("maker%1").arg(i);
        const QString image = QStringLiteral("bench/app:%1").arg(i + 1);
        if (berth({QStringLiteral("run"), QStringLiteral("--name"), name, base, QStringLiteral("sh"), QStringLiteral("-c"),
                   steps[i]})
                    .exitCode
                != 0
            || berth({QStringLiteral("commit"), name, image}).exitCode != 0) {
            qCritical("cannot build the image");
            return 1;
        }
        berth({QStringLiteral("rm"), name});
        base = image;
    }
    const QString archive = work.filePath(QStringLiteral("app.tar"));
    berth({QStringLiteral("save"), QStringLiteral("-o"), archive, base});
    const QProcessEnvironment env = engine.environment();
    const QString berthBinary = IsolatedEngine::binary(QStringLiteral("berth"));

    QList<double> berthPush, berthPull, berthPullGzip, skopeoPush, skopeoPull;
    QString berthError, skopeoError;
    const auto note = [](QString &kept, const QString &error) {
        if (kept.isEmpty())
            kept = error;
    };
    // The local names holding the image's layers, all removed before each cold pull.
    QStringList names{QStringLiteral("bench/app:1"), QStringLiteral("bench/app:2"), base};
    for (int round = 0; round < kRounds; ++round) {
        // A registry of its own per round, so that neither tool finds a blob already there (nor
        // mounts one from an earlier round's repository).
        LocalRegistry fresh(work.path(), QStringLiteral("registry%1").arg(round));
        if (!fresh.start()) {
            qCritical("cannot start a registry: %s", qPrintable(fresh.errorString()));
            return 1;
        }
        const QString ours = fresh.name(QStringLiteral("bench/berth:1"));
        const QString theirs = fresh.name(QStringLiteral("bench/skopeo:1"));
        berth({QStringLiteral("tag"), names.last(), ours});
        names << ours;
        auto [ms, error] = timeCommand(berthBinary, {QStringLiteral("push"), QStringLiteral("-q"), ours}, env);
        berthPush << ms;
        note(berthError, error);
        std::tie(ms, error)
            = timeCommand(QStringLiteral("skopeo"),
                          {QStringLiteral("copy"), QStringLiteral("--quiet"), QStringLiteral("--dest-tls-verify=false"),
                           QStringLiteral("docker-archive:") + archive, QStringLiteral("docker://") + theirs},
                          env);
        skopeoPush << ms;
        note(skopeoError, error);
        // Cold pulls: every local name of the image gone first, so its own layers are (the
        // built-in busybox's stays); skopeo into an OCI layout of its own.
        berth(QStringList{QStringLiteral("rmi")} + names);
        names = {ours};
        std::tie(ms, error) = timeCommand(berthBinary, {QStringLiteral("pull"), QStringLiteral("-q"), ours}, env);
        berthPull << ms;
        note(berthError, error);
        std::tie(ms, error) = timeCommand(QStringLiteral("skopeo"),
                                          {QStringLiteral("copy"), QStringLiteral("--quiet"),
                                           QStringLiteral("--src-tls-verify=false"), QStringLiteral("docker://") + theirs,
                                           QStringLiteral("oci:%1:app").arg(work.filePath(QStringLiteral("oci%1").arg(round)))},
                                          env);
        skopeoPull << ms;
        note(skopeoError, error);
        // The image skopeo pushed, its layers gzipped as most registries serve them.
        berth({QStringLiteral("rmi"), ours});
        std::tie(ms, error) = timeCommand(berthBinary, {QStringLiteral("pull"), QStringLiteral("-q"), theirs}, env);
        berthPullGzip << ms;
        note(berthError, error);
        // Back to the image as Berth stores it (tar layers), for the next round's push.
        berth({QStringLiteral("rmi"), theirs});
        berth({QStringLiteral("pull"), QStringLiteral("-q"), ours});
    }
    engine.stop();

    QString table
        = QStringLiteral("| three layers, ~130 MB, median of %1 | `berth` | `skopeo copy` |\n|---|---|---|\n").arg(kRounds);
    table += QStringLiteral("| push to an empty registry | %1 | %2 |\n")
                 .arg(cell(berthPush, berthError), cell(skopeoPush, skopeoError));
    table += QStringLiteral("| cold pull (3 of 4 layers downloaded), as Berth pushed it (tar) | %1 | |\n")
                 .arg(cell(berthPull, berthError));
    table += QStringLiteral("| cold pull, as skopeo pushed it (gzip) | %1 | %2 |\n")
                 .arg(cell(berthPullGzip, berthError), cell(skopeoPull, skopeoError));
    QTextStream(stdout) << table;
    return 0;
}
