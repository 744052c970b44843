// The differential check of berth-runtime: one bundle, as the helper writes it, run by
// berth-runtime and by runc (crun 1.8 refuses this machine's hybrid cgroup layout), and what a
// process inside sees compared line by line.  A difference is a bug unless it is listed below
// with its reason.

#include "containers/containerrecord.h"
#include "isolatedengine.h"
#include "runtime/ocibundle.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <linux/magic.h>
#include <sys/statfs.h>

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
                     "unshare -m true 2>/dev/null && echo unshare=allowed || echo unshare=refused;"
                     "while read src dst type opts rest; do echo \"mount $dst $type $opts\"; done < /proc/mounts");

// Differences with a reason.  On cgroup v1 runc leaves the tmpfs that holds the hierarchies at
// /sys/fs/cgroup writable and makes only the hierarchies read-only; berth-runtime applies the
// spec's "ro" to the tmpfs as well, so a container cannot fill it.
const QList<std::pair<QString, QString>> kAllowed = {
    {QStringLiteral("mount /sys/fs/cgroup tmpfs ro,nosuid,nodev,noexec,relatime,mode=755"),
     QStringLiteral("mount /sys/fs/cgroup tmpfs rw,nosuid,nodev,noexec,relatime,mode=755")},
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
        record.path = QStringLiteral("sh");
        const QString memory = unified() ? QStringLiteral("/sys/fs/cgroup/memory.max")
                                         : QStringLiteral("/sys/fs/cgroup/memory/memory.limit_in_bytes");
        const QString pids
            = unified() ? QStringLiteral("/sys/fs/cgroup/pids.max") : QStringLiteral("/sys/fs/cgroup/pids/pids.max");
        record.args = {QStringLiteral("-c"), kProbe.arg(memory, pids)};
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
        if (name == u"runc" && user == u"sailor") {
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

    QString runBerth(const QString &user)
    {
        const QString bundle = writeBundle(QStringLiteral("berth"), user);
        const ProcessResult run
            = runProcess(IsolatedEngine::binary(QStringLiteral("berth-runtime")),
                         {QStringLiteral("run"), QStringLiteral("--bundle"), bundle, QStringLiteral("--state"), bundle,
                          QStringLiteral("--log"), bundle + QStringLiteral("/log"), QStringLiteral("diff")});
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

    QString runRunc(const QString &user)
    {
        const QString bundle = writeBundle(QStringLiteral("runc"), user);
        const ProcessResult run = runProcess(m_runc,
                                             {QStringLiteral("--root"), m_dir.filePath(QStringLiteral("runc-state")),
                                              QStringLiteral("run"), QStringLiteral("--bundle"), bundle,
                                              QStringLiteral("berth-diff-%1").arg(QCoreApplication::applicationPid())});
        return run.exitCode == 0 ? run.out : QStringLiteral("runc failed: ") + run.err;
    }

    void compare(const QString &user)
    {
        const QStringList ours = sortedLines(runBerth(user));
        const QStringList theirs = sortedLines(runRunc(user));
        QStringList onlyOurs, onlyTheirs;
        for (const QString &line : ours)
            if (!theirs.contains(line))
                onlyOurs << line;
        for (const QString &line : theirs)
            if (!ours.contains(line))
                onlyTheirs << line;
        for (const auto &[our, their] : kAllowed)
            if (onlyOurs.contains(our) && onlyTheirs.contains(their)) {
                onlyOurs.removeAll(our);
                onlyTheirs.removeAll(their);
            }
        QVERIFY2(onlyOurs.isEmpty() && onlyTheirs.isEmpty(),
                 qPrintable(QStringLiteral("berth-runtime only:\n  %1\nrunc only:\n  %2")
                                .arg(onlyOurs.join(QStringLiteral("\n  ")), onlyTheirs.join(QStringLiteral("\n  ")))));
        QVERIFY2(ours.size() > 20, qPrintable(ours.join(u'\n'))); // the probe ran
    }

private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        m_runc
            = QStandardPaths::findExecutable(QStringLiteral("runc"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        QVERIFY2(!m_runc.isEmpty(), "runc is not installed (./berth-dev installs Debian's runc package)");
        m_root = m_dir.filePath(QStringLiteral("rootfs"));
        QVERIFY(makeRootfs(m_root));
    }

    void cleanupTestCase()
    {
        for (const QString &hierarchy : QDir(QStringLiteral("/sys/fs/cgroup")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            const QString parent
                = QStringLiteral("/sys/fs/cgroup/%1/berth-diff-%2").arg(hierarchy).arg(QCoreApplication::applicationPid());
            for (const QString &child : QDir(parent).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                QDir().rmdir(parent + u'/' + child);
            QDir().rmdir(parent);
        }
        QDir().rmdir(QStringLiteral("/sys/fs/cgroup/berth-diff-%1").arg(QCoreApplication::applicationPid()));
    }

    void rootSeesTheSame() { compare(QStringLiteral("")); }
    void aNamedUserSeesTheSame() { compare(QStringLiteral("sailor")); }

private:
    QTemporaryDir m_dir;
    QString m_root;
    QString m_runc;
};

QTEST_GUILESS_MAIN(TestRuntimeDiff)
#include "tst_runtimediff.moc"
