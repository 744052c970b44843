// Container figures for docs/PERFORMANCE.md, side by side in one run: `berth run --rm busybox
// true` against bare runc and crun running an equivalent bundle and podman where it runs; 50
// containers created, started, listed and removed; memory of each monitor and of the helper.
// Prints a Markdown table.
//
//     ./berth-dev bench           (as root; starts its own isolated engine)

#include "benchutil.h"
#include "isolatedengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <functional>
#include <sched.h>
#include <sys/mount.h>
#include <thread>
#include <tuple>

using namespace berth::test;

namespace {

constexpr int kRounds = 20;
constexpr int kMany = 50;

// A bundle that runs busybox true from a plain directory: what runc and crun need. `runc spec`
// gives it no seccomp filter; with `seccomp`, it gets that one.
QString makeBundle(const QString &dir, const QJsonObject &seccomp = {})
{
    const QString root = dir + QStringLiteral("/rootfs");
    QDir().mkpath(root + QStringLiteral("/bin"));
    QFile::copy(QStringLiteral("/bin/busybox"), root + QStringLiteral("/bin/busybox"));
    QFile::link(QStringLiteral("busybox"), root + QStringLiteral("/bin/true"));
    runProcess(QStringLiteral("/usr/sbin/runc"), {QStringLiteral("spec"), QStringLiteral("--bundle"), dir});
    QFile file(dir + QStringLiteral("/config.json"));
    file.open(QIODevice::ReadOnly);
    QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonObject process = config.value(u"process").toObject();
    process.insert(u"terminal", false);
    process.insert(u"args", QJsonArray{QStringLiteral("/bin/true")});
    config.insert(u"process", process);
    QJsonObject linux = config.value(u"linux").toObject();
    linux.insert(u"cgroupsPath", QStringLiteral("/berth-bench/bare"));
    if (!seccomp.isEmpty())
        linux.insert(u"seccomp", seccomp);
    config.insert(u"linux", linux);
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(QJsonDocument(config).toJson());
    return dir;
}

// crun 1.8 refuses this host's hybrid cgroup layout ("cgroups in hybrid mode not supported"):
// a cgroup2 hierarchy at /sys/fs/cgroup/unified beside the v1 controllers.  As the issue's
// reference figure was taken with the layout adjusted, crun runs here from a thread whose
// mount namespace lacks that one mount, so it sees plain cgroup v1; the rest of the bench
// keeps the host's view.
std::pair<double, QString> timeCrunWithoutUnifiedMount(const QStringList &arguments, const QProcessEnvironment &env, int pauseMs)
{
    std::pair<double, QString> result{0, QStringLiteral("cannot hide /sys/fs/cgroup/unified from it")};
    std::thread([&] {
        if (::unshare(CLONE_FS | CLONE_NEWNS) == 0 && ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0
            && ::umount2("/sys/fs/cgroup/unified", MNT_DETACH) == 0)
            result = timeRuns(QStringLiteral("/usr/bin/crun"), arguments, env, kRounds, pauseMs);
    }).join();
    return result;
}

// The seccomp profile `berth run` gives a container (Docker's default), from the bundle the
// engine writes for one.
QJsonObject berthSeccompProfile(const IsolatedEngine &engine)
{
    const QString id = engine
                           .berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("busybox"),
                                   QStringLiteral("sleep"), QStringLiteral("1000")})
                           .out.trimmed();
    QFile file(engine.runRoot() + QStringLiteral("/containers/") + id + QStringLiteral("/config.json"));
    file.open(QIODevice::ReadOnly);
    const QJsonObject profile
        = QJsonDocument::fromJson(file.readAll()).object().value(u"linux").toObject().value(u"seccomp").toObject();
    engine.berth({QStringLiteral("rm"), QStringLiteral("-f"), id});
    return profile;
}

QString row(const QString &what, double ms, const QString &error = {})
{
    return error.isEmpty() ? QStringLiteral("| %1 | %2 ms | |\n").arg(what).arg(ms, 0, 'f', 1)
                           : QStringLiteral("| %1 | does not run here: %2 | |\n").arg(what, error);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const ContainersCacheGuard cacheGuard; // podman's blob cache of the host's
    IsolatedEngine engine;
    if (!engine.start())
        qFatal("%s", qPrintable(engine.errorString()));
    const QProcessEnvironment env = engine.environment();
    const QString berth = IsolatedEngine::binary(QStringLiteral("berth"));
    QTemporaryDir scratch;
    // A start right after the last one ended finds the kernel's cgroup lock still in the fast
    // mode the last start's cgroup moves left it in (a move by pid then costs nothing); one
    // 200 ms later, as a person or a script doing anything in between starts containers,
    // finds it back in its slow mode, where the first such move waits for an RCU grace period.
    // Each start is timed both ways.
    constexpr int kPauseMs = 200;
    QString table = QStringLiteral("| what (median of %1) | back to back | each %2 ms after the last |\n|---|---|---|\n")
                        .arg(kRounds)
                        .arg(kPauseMs);
    auto startRow = [&](const QString &what, const std::function<std::pair<double, QString>(int pauseMs)> &time) {
        const auto [together, togetherError] = time(0);
        const auto [apart, apartError] = time(kPauseMs);
        auto cell = [](double ms, const QString &error) {
            return error.isEmpty() ? QStringLiteral("%1 ms").arg(ms, 0, 'f', 1)
                                   : QStringLiteral("does not run here: %1").arg(error);
        };
        table += QStringLiteral("| %1 | %2 | %3 |\n").arg(what, cell(together, togetherError), cell(apart, apartError));
    };

    const QStringList berthRun
        = {QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("busybox"), QStringLiteral("true")};
    const QStringList berthRunNone = {QStringLiteral("run"),  QStringLiteral("--rm"),    QStringLiteral("--network"),
                                      QStringLiteral("none"), QStringLiteral("busybox"), QStringLiteral("true")};
    // Warm: the first run pays for page-cache misses of the image.
    runProcess(berth, berthRun, env);
    startRow(QStringLiteral("`berth run --rm busybox true` (default bridge network)"),
             [&](int pauseMs) { return timeRuns(berth, berthRun, env, kRounds, pauseMs); });
    startRow(QStringLiteral("`berth run --rm --network none busybox true`"),
             [&](int pauseMs) { return timeRuns(berth, berthRunNone, env, kRounds, pauseMs); });

    // runc's and crun's rows: the bundle `runc spec` makes, and the same with the seccomp
    // profile `berth run` applies (Docker's default), which runc and crun compile at each
    // start (Berth's runtime loads a filter compiled once per profile).
    const QString bundle = makeBundle(scratch.filePath(QStringLiteral("bundle")));
    const QJsonObject seccomp = berthSeccompProfile(engine);
    const QString filtered = makeBundle(scratch.filePath(QStringLiteral("filtered")), seccomp);
    const auto runcRow = [&](const QString &what, const QString &bundleDir) {
        startRow(what, [&](int pauseMs) {
            return timeRuns(QStringLiteral("/usr/sbin/runc"),
                            {QStringLiteral("--root"), scratch.filePath(QStringLiteral("runc")), QStringLiteral("run"),
                             QStringLiteral("--bundle"), bundleDir, QStringLiteral("bench")},
                            env, kRounds, pauseMs);
        });
    };
    const auto crunArguments = [&](const QString &bundleDir) {
        return QStringList{QStringLiteral("--root"),
                           scratch.filePath(QStringLiteral("crun")),
                           QStringLiteral("run"),
                           QStringLiteral("--bundle"),
                           bundleDir,
                           QStringLiteral("bench")};
    };
    const bool crunRefusesLayout
        = timeRuns(QStringLiteral("/usr/bin/crun"), crunArguments(bundle), env, 1).second.contains(u"hybrid");
    const auto crunRow = [&](const QString &what, const QString &bundleDir) {
        startRow(crunRefusesLayout ? what + QStringLiteral(" (the cgroup2 mount at /sys/fs/cgroup/unified hidden from it)")
                                   : what,
                 [&](int pauseMs) {
                     return crunRefusesLayout
                         ? timeCrunWithoutUnifiedMount(crunArguments(bundleDir), env, pauseMs)
                         : timeRuns(QStringLiteral("/usr/bin/crun"), crunArguments(bundleDir), env, kRounds, pauseMs);
                 });
    };
    runcRow(QStringLiteral("bare `runc run` of an equivalent bundle (`runc spec`: no seccomp filter)"), bundle);
    crunRow(QStringLiteral("bare `crun run` of an equivalent bundle (`runc spec`: no seccomp filter)"), bundle);
    if (seccomp.isEmpty()) {
        table += row(QStringLiteral("runc and crun with Berth's seccomp profile"), 0,
                     QStringLiteral("the profile could not be read from a Berth bundle"));
    } else {
        runcRow(QStringLiteral("bare `runc run` of that bundle with Berth's seccomp profile (Docker's default)"), filtered);
        crunRow(QStringLiteral("bare `crun run` of that bundle with Berth's seccomp profile (Docker's default)"), filtered);
    }

    // podman's and docker's rows come here; podman's is measured last (see there).
    const qsizetype podmanRowAt = table.size();
    table += row(QStringLiteral("`docker run --rm`"), 0, QStringLiteral("no Docker engine on this machine"));

    // exec into a running container, whole CLI process.
    const QString target = runProcess(berth,
                                      {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("busybox"),
                                       QStringLiteral("sleep"), QStringLiteral("1000")},
                                      env)
                               .out.trimmed();
    const auto [execTime, execError] = timeRuns(berth, {QStringLiteral("exec"), target, QStringLiteral("true")}, env);
    table += row(QStringLiteral("`berth exec <running> true`"), execTime, execError);
    runProcess(berth, {QStringLiteral("rm"), QStringLiteral("-f"), target}, env);

    // Many containers.
    QThread::msleep(2500); // idle: past the two quiet seconds after which the engine gives freed heap back
    const quint64 helperIdle = rssKiB(engine.helperPid());
    QElapsedTimer timer;
    timer.start();
    QStringList ids;
    for (int i = 0; i < kMany; ++i)
        ids << runProcess(berth,
                          {QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("busybox"), QStringLiteral("sleep"),
                           QStringLiteral("1000")},
                          env)
                   .out.trimmed();
    const double startMany = timer.nsecsElapsed() / 1e6;
    timer.restart();
    const ProcessResult ps = runProcess(berth, {QStringLiteral("ps")}, env);
    const double list = timer.nsecsElapsed() / 1e6;
    QList<double> monitors, monitorsPrivate, monitorsProportional;
    for (const QString &id : std::as_const(ids)) {
        QFile state(engine.runRoot() + QStringLiteral("/containers/") + id + QStringLiteral("/state.json"));
        state.open(QIODevice::ReadOnly);
        const qint64 monitor = QJsonDocument::fromJson(state.readAll()).object().value(u"monitorPid").toInteger();
        monitors << double(rssKiB(monitor));
        monitorsPrivate << double(procKiB(monitor, "status", "RssAnon"));
        monitorsProportional << double(procKiB(monitor, "smaps_rollup", "Pss"));
    }
    const quint64 helperBusy = rssKiB(engine.helperPid());
    timer.restart();
    runProcess(berth, QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + ids, env);
    const double removeMany = timer.nsecsElapsed() / 1e6;

    table += QStringLiteral("| %1 × `berth run -d busybox sleep 1000` | %2 ms (%3 ms each) |\n")
                 .arg(kMany)
                 .arg(startMany, 0, 'f', 0)
                 .arg(startMany / kMany, 0, 'f', 1);
    table += QStringLiteral("| `berth ps` with %1 running (%2 lines) | %3 ms |\n")
                 .arg(kMany)
                 .arg(ps.out.count(u'\n'))
                 .arg(list, 0, 'f', 1);
    table += QStringLiteral("| `berth rm -f` of all %1 | %2 ms |\n").arg(kMany).arg(removeMany, 0, 'f', 0);
    table += QStringLiteral(
                 "| monitor memory, median of %1: resident / proportional (PSS) / private (anonymous) | %2 / %3 / %4 KiB |\n")
                 .arg(kMany)
                 .arg(median(monitors), 0, 'f', 0)
                 .arg(median(monitorsProportional), 0, 'f', 0)
                 .arg(median(monitorsPrivate), 0, 'f', 0);
    // The engine above began on an empty data root (a child of it made the built-in image);
    // started again on the same root, as after a reboot or an update, it has done less.
    quint64 helperRestartedIdle = 0;
    if (engine.stopHelper() && engine.startHelper()) {
        for (int i = 0; i < kRounds; ++i)
            runProcess(berth, berthRun, env);
        QThread::msleep(2500);
        helperRestartedIdle = rssKiB(engine.helperPid());
    }
    table += QStringLiteral("| helper resident memory idle / with %1 containers (started on an empty data root) | "
                            "%2 / %3 KiB |\n")
                 .arg(kMany)
                 .arg(helperIdle)
                 .arg(helperBusy);
    table += QStringLiteral("| helper resident memory idle, started again on that data root, after %1 runs | %2 KiB |\n")
                 .arg(kRounds)
                 .arg(helperRestartedIdle);
    // podman, with the image Berth saves, in storage of its own. Last: `save` maps libarchive's
    // writer into the engine (a third of a MiB resident), which the memory rows are not about.
    const QString podmanRoot = scratch.filePath(QStringLiteral("podman"));
    const QStringList podman = {QStringLiteral("--root"),           podmanRoot + QStringLiteral("/root"),
                                QStringLiteral("--runroot"),        podmanRoot + QStringLiteral("/run"),
                                QStringLiteral("--runtime"),        QStringLiteral("runc"),
                                QStringLiteral("--cgroup-manager"), QStringLiteral("cgroupfs"),
                                QStringLiteral("--events-backend"), QStringLiteral("file")};
    const QString archive = scratch.filePath(QStringLiteral("busybox.tar"));
    runProcess(berth, {QStringLiteral("save"), QStringLiteral("-o"), archive, QStringLiteral("busybox")}, env);
    runProcess(QStringLiteral("/usr/bin/podman"), podman + QStringList{QStringLiteral("load"), QStringLiteral("-i"), archive},
               env);
    const auto [podmanRun, podmanError]
        = timeRuns(QStringLiteral("/usr/bin/podman"),
                   podman
                       + QStringList{QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--network"),
                                     QStringLiteral("none"), QStringLiteral("busybox"), QStringLiteral("true")},
                   env, 5);
    table.insert(
        podmanRowAt,
        row(QStringLiteral("`podman run --rm --network none busybox true` (runc), back to back"), podmanRun, podmanError));
    runProcess(QStringLiteral("/usr/bin/podman"),
               podman + QStringList{QStringLiteral("system"), QStringLiteral("reset"), QStringLiteral("-f")}, env);
    QTextStream(stdout) << table;
    engine.stop();
    for (const QString &hierarchy : QDir(QStringLiteral("/sys/fs/cgroup")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QDir().rmdir(QStringLiteral("/sys/fs/cgroup/%1/berth-bench/bare").arg(hierarchy));
        QDir().rmdir(QStringLiteral("/sys/fs/cgroup/%1/berth-bench").arg(hierarchy));
    }
    return 0;
}
