// The differential check of berth-runtime: one bundle, as the helper writes it, run by
// berth-runtime, by runc and by crun, and what a process inside sees compared line by line.  A
// difference is a bug unless it is listed below with its reason.  crun 1.8 refuses a hybrid
// cgroup layout (v1 controllers with a cgroup2 mount at /sys/fs/cgroup/unified, as on this
// machine), so there it runs from a thread whose mount namespace lacks that one mount.

#include "containers/containerrecord.h"
#include "isolatedengine.h"
#include "runtime/ocibundle.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>

#include <linux/magic.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/statfs.h>
#include <thread>

using namespace berth;
using namespace berth::test;

namespace {

// Each line the probe prints is one fact; sorted, so the two runs compare as sets.
const QString kProbe
    = QStringLiteral("grep -E '^(CapInh|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs|Seccomp):' /proc/self/status;"
                     "echo hostname=$(hostname);"
                     "echo ids=$(id -u):$(id -g):$(id -G);"
                     "echo umask=$(umask);"
                     "echo cwd=$(pwd);"
                     "echo dev=$(ls /dev | tr '\\n' ' ');"
                     "echo fds=$(ls /proc/self/fd | tr '\\n' ' ');"
                     "echo memory=$(cat %1);"
                     "echo pids=$(cat %2);"
                     "echo cpu=$(cat %3) $(cat %4);"
                     "echo nofile=$(ulimit -Sn):$(ulimit -Hn);"
                     "unshare -m true 2>/dev/null && echo unshare=allowed || echo unshare=refused;"
                     "while read src dst type opts rest; do echo \"mount $dst $type $opts\"; done < /proc/mounts");

// Differences with a reason: a line only Berth's container shows, paired with one only the
// peer's shows.  Both are whole-line patterns; where they capture a path, the paths must match.
struct Allowed
{
    QString ours;
    QString theirs;
};

// On cgroup v1 runc leaves the tmpfs that holds the hierarchies at /sys/fs/cgroup writable and
// makes only the hierarchies read-only; berth-runtime applies the spec's "ro" to the tmpfs as
// well, so a container cannot fill it.
const QList<Allowed> kAllowedRunc = {
    {QStringLiteral("mount /sys/fs/cgroup tmpfs ro,nosuid,nodev,noexec,relatime,mode=755"),
     QStringLiteral("mount /sys/fs/cgroup tmpfs rw,nosuid,nodev,noexec,relatime,mode=755")},
};

const QList<Allowed> kAllowedCrun = {
    // crun links /dev/core even where the kernel has no /proc/kcore; Berth does as runc does.
    {QStringLiteral("dev=(fd full .*)"), QStringLiteral("dev=core (fd full .*)")},
    // Masked files: both put a null device over them; crun binds the host's /dev/null, read-only,
    // Berth (and runc) the container's own /dev/null.
    {QStringLiteral("mount (/proc/\\S+) tmpfs rw,nosuid,size=\\d+k,mode=755"),
     QStringLiteral("mount (/proc/\\S+) devtmpfs ro,.*")},
    // Masked directories: an empty read-only tmpfs from both; crun also gives it no room.
    {QStringLiteral("mount (\\S+) tmpfs ro,relatime"), QStringLiteral("mount (\\S+) tmpfs ro,relatime,size=0k")},
    // Read-only paths in /proc: crun's read-only remount drops nosuid, nodev and noexec, which
    // the proc mount had; Berth (and runc) keep them.
    {QStringLiteral("mount (/proc/\\S+) proc ro,nosuid,nodev,noexec,relatime"),
     QStringLiteral("mount (/proc/\\S+) proc ro,relatime")},
    // As with runc, and crun sizes that tmpfs at 1 MiB.
    {QStringLiteral("mount /sys/fs/cgroup tmpfs ro,nosuid,nodev,noexec,relatime,mode=755"),
     QStringLiteral("mount /sys/fs/cgroup tmpfs rw,nosuid,nodev,noexec,relatime,size=1024k")},
};

bool unified()
{
    struct statfs fs
    {
    };
    return ::statfs("/sys/fs/cgroup", &fs) == 0 && fs.f_type == CGROUP2_SUPER_MAGIC;
}

bool makeRootfs(const QString &root)
{
    for (const char *dir : {"bin", "etc", "proc", "sys", "dev", "tmp", "work"})
        if (!QDir().mkpath(root + u'/' + QLatin1StringView(dir)))
            return false;
    if (!QFile::copy(QStringLiteral("/bin/busybox"), root + QStringLiteral("/bin/busybox")))
        return false;
    for (const char *applet : {"sh", "grep", "echo", "hostname", "id", "pwd", "ls", "tr", "cat", "unshare", "true"})
        QFile::link(QStringLiteral("busybox"), root + QStringLiteral("/bin/") + QLatin1StringView(applet));
    QFile passwd(root + QStringLiteral("/etc/passwd"));
    QFile group(root + QStringLiteral("/etc/group"));
    return passwd.open(QIODevice::WriteOnly)
        && passwd.write("root:x:0:0:root:/root:/bin/sh\nsailor:x:1000:1000::/work:/bin/sh\n") > 0
        && group.open(QIODevice::WriteOnly) && group.write("root:x:0:\nsailor:x:1000:\ncrew:x:2000:sailor\n") > 0;
}

QStringList sortedLines(const QString &text)
{
    QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    lines.sort();
    return lines;
}

} // namespace

class TestRuntimeDiff : public QObject
{
    Q_OBJECT

    // The config.json the helper would write, for a plain-directory root both runtimes can use.
    QByteArray bundleConfig(const QString &name, const QString &user)
    {
        ContainerRecord record;
        record.id = QStringLiteral("0123456789ab").repeated(5) + QStringLiteral("cdef");
        record.spec.config.image = QStringLiteral("busybox");
        record.spec.config.hostname = QStringLiteral("probe");
        record.spec.host.memory = 64 * 1024 * 1024;
        record.spec.host.pidsLimit = 77;
        record.spec.host.nanoCpus = 500000000;
        record.spec.host.cpuShares = 512;
        record.spec.host.ulimits = {Ulimit{QStringLiteral("nofile"), 1024, 2048}};
        record.path = QStringLiteral("sh");
        const QString memory = unified() ? QStringLiteral("/sys/fs/cgroup/memory.max")
                                         : QStringLiteral("/sys/fs/cgroup/memory/memory.limit_in_bytes");
        const QString pids
            = unified() ? QStringLiteral("/sys/fs/cgroup/pids.max") : QStringLiteral("/sys/fs/cgroup/pids/pids.max");
        const QString quota
            = unified() ? QStringLiteral("/sys/fs/cgroup/cpu.max") : QStringLiteral("/sys/fs/cgroup/cpu/cpu.cfs_quota_us");
        const QString shares
            = unified() ? QStringLiteral("/sys/fs/cgroup/cpu.weight") : QStringLiteral("/sys/fs/cgroup/cpu/cpu.shares");
        record.args = {QStringLiteral("-c"), kProbe.arg(memory, pids, quota, shares)};
        record.env = {QStringLiteral("PATH=/bin")};
        record.workingDir = QStringLiteral("/work");
        record.user = user;
        BundleInputs inputs;
        inputs.rootfs = m_root;
        inputs.lowerDirs = {m_root};
        inputs.upperDir = m_dir.filePath(QStringLiteral("unused-upper"));
        inputs.workDir = m_dir.filePath(QStringLiteral("unused-work"));
        for (const char *file : {"hosts", "hostname", "resolv.conf"}) {
            QFile f(m_dir.filePath(QLatin1StringView(file)));
            f.open(QIODevice::WriteOnly);
            f.write("probe\n");
        }
        inputs.hostsFile = m_dir.filePath(QStringLiteral("hosts"));
        inputs.hostnameFile = m_dir.filePath(QStringLiteral("hostname"));
        inputs.resolvConfFile = m_dir.filePath(QStringLiteral("resolv.conf"));
        inputs.cgroupPath = QStringLiteral("/berth-diff-%1/%2").arg(QCoreApplication::applicationPid()).arg(name);
        auto config = ociConfig(record, inputs);
        if (!config)
            return {};
        // The overlay is Berth's addition; the names of users are resolved by the helper
        // for runc, which reads only numbers.
        nlohmann::json json = nlohmann::json::parse(config->toStdString());
        json["annotations"].erase("org.berth.rootfs.overlay");
        if (name != u"berth" && user == u"sailor") {
            json["annotations"].erase("org.berth.user");
            json["process"]["user"] = {{"uid", 1000}, {"gid", 1000}, {"additionalGids", {2000}}};
        }
        return QByteArray::fromStdString(json.dump());
    }

    // A bundle directory of its own for one runtime and user; returns its path.
    QString writeBundle(const QString &runtime, const QString &user)
    {
        const QString bundle = m_dir.filePath(runtime + u'-' + user);
        QDir().mkpath(bundle);
        QFile config(bundle + QStringLiteral("/config.json"));
        config.open(QIODevice::WriteOnly);
        config.write(bundleConfig(runtime, user));
        return bundle;
    }

    QString runBerth(const QString &user) { return runBerthBundle(writeBundle(QStringLiteral("berth"), user)); }

    // Runs berth-runtime on `bundle` and returns what the container wrote.  `enterMountNamespace`,
    // when given, first changes the mount namespace of the thread that starts it; it returns an
    // error, or nothing.
    QString runBerthBundle(const QString &bundle, const std::function<QString()> &enterMountNamespace = {})
    {
        ProcessResult run;
        std::thread([&] {
            if (enterMountNamespace) {
                if (const QString error = enterMountNamespace(); !error.isEmpty()) {
                    run = {-1, {}, error};
                    return;
                }
            }
            run = runProcess(IsolatedEngine::binary(QStringLiteral("berth-runtime")),
                             {QStringLiteral("run"), QStringLiteral("--bundle"), bundle, QStringLiteral("--state"), bundle,
                              QStringLiteral("--log"), bundle + QStringLiteral("/log"), QStringLiteral("diff")});
        }).join();
        if (run.exitCode != 0)
            return QStringLiteral("berth-runtime failed: ") + run.err;
        if (!QTest::qWaitFor([&] { return QFile::exists(bundle + QStringLiteral("/exit.json")); }, 10000))
            return QStringLiteral("the container did not end within 10 s");
        QFile log(bundle + QStringLiteral("/log"));
        log.open(QIODevice::ReadOnly);
        QString out;
        for (const QByteArray &line : log.readAll().split('\n'))
            if (!line.isEmpty())
                out += QJsonDocument::fromJson(line).object().value(u"log").toString();
        return out;
    }

    // Runs `script` with berth-runtime on the cgroup2 hierarchy (bound over /sys/fs/cgroup in
    // the runtime's mount namespace on a hybrid host), the bundle's resources being `resources`.
    QString runOnCgroup2(const QString &name, const nlohmann::json &resources, const QString &script)
    {
        const QString bundle = m_dir.filePath(name);
        QDir().mkpath(bundle);
        nlohmann::json config = nlohmann::json::parse(bundleConfig(name, QString()).toStdString());
        config["linux"]["resources"] = resources;
        config["process"]["args"] = {"sh", "-c", script.toStdString()};
        QFile file(bundle + QStringLiteral("/config.json"));
        if (!file.open(QIODevice::WriteOnly))
            return QStringLiteral("cannot write ") + file.fileName();
        file.write(QByteArray::fromStdString(config.dump()));
        file.close();
        return runBerthBundle(bundle, [] {
            struct statfs fs
            {
            };
            if (::statfs("/sys/fs/cgroup", &fs) == 0 && fs.f_type == CGROUP2_SUPER_MAGIC)
                return QString(); // the host has cgroup v2 alone
            if (::unshare(CLONE_FS | CLONE_NEWNS) != 0 || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0
                || ::mount("/sys/fs/cgroup/unified", "/sys/fs/cgroup", nullptr, MS_BIND, nullptr) != 0)
                return QStringLiteral("cannot put the cgroup2 hierarchy at /sys/fs/cgroup");
            return QString();
        });
    }

    QString runRunc(const QString &user)
    {
        const QString bundle = writeBundle(QStringLiteral("runc"), user);
        const ProcessResult run = runProcess(m_runc,
                                             {QStringLiteral("--root"), m_dir.filePath(QStringLiteral("runc-state")),
                                              QStringLiteral("run"), QStringLiteral("--bundle"), bundle,
                                              QStringLiteral("berth-diff-%1").arg(QCoreApplication::applicationPid())});
        return run.exitCode == 0 ? run.out : QStringLiteral("runc failed: ") + run.err;
    }

    QString runCrun(const QString &user)
    {
        const QString bundle = writeBundle(QStringLiteral("crun"), user);
        const QStringList arguments = {QStringLiteral("--root"),
                                       m_dir.filePath(QStringLiteral("crun-state")),
                                       QStringLiteral("run"),
                                       QStringLiteral("--bundle"),
                                       bundle,
                                       QStringLiteral("berth-diff-%1").arg(QCoreApplication::applicationPid())};
        ProcessResult run;
        std::thread([&] {
            struct statfs fs
            {
            };
            const bool hybrid = ::statfs("/sys/fs/cgroup/unified", &fs) == 0 && fs.f_type == CGROUP2_SUPER_MAGIC;
            if (hybrid
                && (::unshare(CLONE_FS | CLONE_NEWNS) != 0 || ::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0
                    || ::umount2("/sys/fs/cgroup/unified", MNT_DETACH) != 0)) {
                run.err = QStringLiteral("cannot hide /sys/fs/cgroup/unified");
                run.exitCode = -1;
                return;
            }
            run = runProcess(m_crun, arguments);
        }).join();
        return run.exitCode == 0 ? run.out : QStringLiteral("crun failed: ") + run.err;
    }

    void compare(const QString &user, const QString &peer, const QString &theirOutput, const QList<Allowed> &allowed)
    {
        const QStringList ours = sortedLines(runBerth(user));
        const QStringList theirs = sortedLines(theirOutput);
        QStringList onlyOurs, onlyTheirs;
        for (const QString &line : ours)
            if (!theirs.contains(line))
                onlyOurs << line;
        for (const QString &line : theirs)
            if (!ours.contains(line))
                onlyTheirs << line;
        for (const Allowed &rule : allowed) {
            const QRegularExpression ourPattern(QRegularExpression::anchoredPattern(rule.ours));
            const QRegularExpression theirPattern(QRegularExpression::anchoredPattern(rule.theirs));
            for (qsizetype i = 0; i < onlyOurs.size();) {
                const QRegularExpressionMatch our = ourPattern.match(onlyOurs[i]);
                const auto paired = std::find_if(onlyTheirs.begin(), onlyTheirs.end(), [&](const QString &line) {
                    const QRegularExpressionMatch their = theirPattern.match(line);
                    return our.hasMatch() && their.hasMatch() && their.captured(1) == our.captured(1);
                });
                if (paired == onlyTheirs.end()) {
                    ++i;
                    continue;
                }
                onlyTheirs.erase(paired);
                onlyOurs.removeAt(i);
            }
        }
        QVERIFY2(onlyOurs.isEmpty() && onlyTheirs.isEmpty(),
                 qPrintable(QStringLiteral("berth-runtime only:\n  %1\n%2 only:\n  %3")
                                .arg(onlyOurs.join(QStringLiteral("\n  ")), peer, onlyTheirs.join(QStringLiteral("\n  ")))));
        // Alike, and as the bundle asks: the limits hold in both.
        for (const QString &limit : {QStringLiteral("memory=67108864"), QStringLiteral("pids=77"),
                                     unified() ? QStringLiteral("cpu=50000 100000 20") : QStringLiteral("cpu=50000 512"),
                                     QStringLiteral("nofile=1024:2048")})
            QVERIFY2(ours.contains(limit), qPrintable(limit + QStringLiteral(" missing from:\n") + ours.join(u'\n')));
        QVERIFY2(ours.size() > 20, qPrintable(ours.join(u'\n'))); // the probe ran, in both
        QVERIFY2(theirs.size() > 20, qPrintable(theirs.join(u'\n')));
    }

private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        m_runc
            = QStandardPaths::findExecutable(QStringLiteral("runc"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        QVERIFY2(!m_runc.isEmpty(), "runc is not installed (./berth-dev installs Debian's runc package)");
        m_crun
            = QStandardPaths::findExecutable(QStringLiteral("crun"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        QVERIFY2(!m_crun.isEmpty(), "crun is not installed (./berth-dev installs Debian's crun package)");
        m_root = m_dir.filePath(QStringLiteral("rootfs"));
        QVERIFY(makeRootfs(m_root));
    }

    void cleanupTestCase()
    {
        // berth-runtime's monitor removes its cgroup just after it writes exit.json, and tasks
        // linger in a cgroup for a moment after they end: retry until the tree is gone.
        QStringList parents{QStringLiteral("/sys/fs/cgroup/berth-diff-%1").arg(QCoreApplication::applicationPid())};
        for (const QString &hierarchy : QDir(QStringLiteral("/sys/fs/cgroup")).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            parents << QStringLiteral("/sys/fs/cgroup/%1/berth-diff-%2").arg(hierarchy).arg(QCoreApplication::applicationPid());
        const bool gone = QTest::qWaitFor(
            [&] {
                for (const QString &parent : std::as_const(parents)) {
                    for (const QString &child : QDir(parent).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                        QDir().rmdir(parent + u'/' + child);
                    QDir().rmdir(parent);
                }
                return std::none_of(parents.cbegin(), parents.cend(), [](const QString &p) { return QFileInfo::exists(p); });
            },
            5000);
        QVERIFY2(gone, "the test's cgroups could not be removed");
    }

    void rootSeesTheSameAsInRunc() { compare(QString(), QStringLiteral("runc"), runRunc(QString()), kAllowedRunc); }
    void aNamedUserSeesTheSameAsInRunc()
    {
        compare(QStringLiteral("sailor"), QStringLiteral("runc"), runRunc(QStringLiteral("sailor")), kAllowedRunc);
    }
    void rootSeesTheSameAsInCrun() { compare(QString(), QStringLiteral("crun"), runCrun(QString()), kAllowedCrun); }
    void aNamedUserSeesTheSameAsInCrun()
    {
        compare(QStringLiteral("sailor"), QStringLiteral("crun"), runCrun(QStringLiteral("sailor")), kAllowedCrun);
    }

    // Most desktops have cgroup v2 alone, where berth-runtime clones the container's first
    // process straight into its cgroup (CLONE_INTO_CGROUP).  On a hybrid host the cgroup2
    // hierarchy is bound over /sys/fs/cgroup in the runtime's mount namespace; it has no
    // controllers for limits here, so the bundle sets none.
    void onCgroup2TheContainerRunsInItsOwnCgroup()
    {
        const QString out
            = runOnCgroup2(QStringLiteral("berth-cgroup2"), nlohmann::json::object(),
                           QStringLiteral("grep ^0:: /proc/self/cgroup; echo procs=$(cat /sys/fs/cgroup/cgroup.procs)"));
        // In its own cgroup namespace, rooted at its cgroup, which holds the container's
        // processes (the shell is 1) and nothing else.
        const QStringList lines = out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QStringLiteral("0::/"));
        QVERIFY2(QRegularExpression(QStringLiteral("^procs=1( [0-9]+)+$")).match(lines.value(1)).hasMatch(), qPrintable(out));
    }

    // cgroup v2 has no devices.allow: the allowlist is an eBPF program on the container's
    // cgroup.  A container may make any device node (CAP_MKNOD, as docker grants), but opens
    // only the standard ones: here /dev/net/tun, which any root process could open otherwise.
    void onCgroup2OnlyAllowedDevicesOpen()
    {
        const nlohmann::json denyAll = {{"devices", {{{"allow", false}, {"access", "rwm"}}}}};
        const QString script
            = QStringLiteral("cd /tmp && mknod tun c 10 200 && mknod null c 1 3 && mknod disk b 7 0 && "
                             "for node in null tun disk; do true 2>/dev/null < $node && echo $node opens || echo $node "
                             "refused; done; rm -f tun null disk");
        QCOMPARE(runOnCgroup2(QStringLiteral("berth-devices"), denyAll, script),
                 QStringLiteral("null opens\ntun refused\ndisk refused\n"));
        // The control: with no rules, no filter, and the same node opens; --privileged's
        // allow-all opens every one.
        QVERIFY(runOnCgroup2(QStringLiteral("berth-nodevices"), nlohmann::json::object(), script).contains(u"tun opens"));
        const nlohmann::json allowAll = {{"devices", {{{"allow", true}, {"access", "rwm"}}}}};
        QCOMPARE(runOnCgroup2(QStringLiteral("berth-alldevices"), allowAll, script),
                 QStringLiteral("null opens\ntun opens\ndisk opens\n"));
    }

private:
    QTemporaryDir m_dir;
    QString m_root;
    QString m_runc;
    QString m_crun;
};

QTEST_GUILESS_MAIN(TestRuntimeDiff)
#include "tst_runtimediff.moc"
