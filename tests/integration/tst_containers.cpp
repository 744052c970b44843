// Containers through the `berth` command line against an isolated engine: the lifecycle as
// docker's commands show it, the hardening a process inside sees, limits, hostile input, and
// containers that outlive a killed helper.

#include "engine.h"
#include "isolatedengine.h"

#include <QCryptographicHash>
#include <QDBusReply>
#include <QDBusUnixFileDescriptor>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QTest>

#include <fcntl.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <linux/magic.h>
#include <sys/statfs.h>

using namespace berth::test;

namespace {

bool unifiedCgroups()
{
    struct statfs fs
    {
    };
    return ::statfs("/sys/fs/cgroup", &fs) == 0 && fs.f_type == CGROUP2_SUPER_MAGIC;
}

} // namespace

class TestContainers : public QObject
{
    Q_OBJECT

    ProcessResult berth(const QStringList &arguments, const QByteArray &input = {}) const
    {
        return m_engine.berth(arguments, input);
    }

    QJsonObject inspect(const QString &name) const
    {
        const ProcessResult run = berth({QStringLiteral("inspect"), name});
        return QJsonDocument::fromJson(run.out.toUtf8()).array().at(0).toObject();
    }

    QString state(const QString &name) const { return inspect(name).value(u"State").toObject().value(u"Status").toString(); }

    // Runs busybox with `script` and returns what it printed; fails the test on a non-zero exit.
    QString inside(const QString &script, const QStringList &flags = {})
    {
        const ProcessResult run
            = berth(QStringList{QStringLiteral("run"), QStringLiteral("--rm")} + flags
                    + QStringList{QStringLiteral("busybox"), QStringLiteral("sh"), QStringLiteral("-c"), script});
        if (run.exitCode != 0)
            qWarning().noquote() << "exit" << run.exitCode << run.err;
        return run.out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        QVERIFY2(m_engine.startAsSystemBus(), qPrintable(m_engine.errorString()));
    }

    void cleanupTestCase() { m_engine.stop(); }

    void runReturnsOutputAndExitCode()
    {
        const ProcessResult run = berth({QStringLiteral("run"), QStringLiteral("busybox"), QStringLiteral("sh"),
                                         QStringLiteral("-c"), QStringLiteral("echo out; echo err >&2; exit 3")});
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(run.out, QStringLiteral("out\n"));
        QCOMPARE(run.err, QStringLiteral("err\n"));
    }

    void aMissingCommandIs127WithDockersWords()
    {
        const ProcessResult run = berth({QStringLiteral("run"), QStringLiteral("busybox"), QStringLiteral("no-such-program")});
        QCOMPARE(run.exitCode, 127);
        QVERIFY2(run.err.contains(u"exec: \"no-such-program\": executable file not found in $PATH"), qPrintable(run.err));
        const ProcessResult absolute = berth({QStringLiteral("run"), QStringLiteral("busybox"), QStringLiteral("/nope")});
        QCOMPARE(absolute.exitCode, 127);
        QVERIFY2(absolute.err.contains(u"no such file or directory"), qPrintable(absolute.err));
        const ProcessResult notExecutable
            = berth({QStringLiteral("run"), QStringLiteral("busybox"), QStringLiteral("/etc/passwd")});
        QCOMPARE(notExecutable.exitCode, 126);
    }

    void stdinReachesTheContainerAndRmRemovesIt()
    {
        const ProcessResult run
            = berth({QStringLiteral("run"), QStringLiteral("-i"), QStringLiteral("--rm"), QStringLiteral("--name"),
                     QStringLiteral("catter"), QStringLiteral("busybox"), QStringLiteral("cat")},
                    "first line\nsecond line\n");
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("first line\nsecond line\n"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return berth({QStringLiteral("inspect"), QStringLiteral("catter")}).exitCode != 0;
            },
            5000));
    }

    void detachedLifecycleAsDocker()
    {
        const ProcessResult run
            = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("web"),
                     QStringLiteral("-e"), QStringLiteral("arg1=arg1"), QStringLiteral("busybox"), QStringLiteral("sh"),
                     QStringLiteral("-c"), QStringLiteral("echo started $arg1; exec sleep 1000")});
        QCOMPARE(run.exitCode, 0);
        const QString id = run.out.trimmed();
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(id).hasMatch(), qPrintable(run.out));

        const ProcessResult ps = berth({QStringLiteral("ps")});
        QVERIFY2(ps.out.startsWith(u"CONTAINER ID   IMAGE     COMMAND"), qPrintable(ps.out));
        QVERIFY2(ps.out.contains(id.left(12)) && ps.out.contains(u"Up ") && ps.out.contains(u" web\n"), qPrintable(ps.out));
        QCOMPARE(berth({QStringLiteral("ps"), QStringLiteral("-q")}).out, id.left(12) + u'\n');
        QCOMPARE(berth({QStringLiteral("exec"), QStringLiteral("web"), QStringLiteral("sh"), QStringLiteral("-c"),
                        QStringLiteral("head -c 5000 /dev/zero > /written")})
                     .exitCode,
                 0);
        const ProcessResult sized = berth({QStringLiteral("ps"), QStringLiteral("-s")});
        QVERIFY2(sized.out.contains(u"SIZE") && sized.out.contains(u"5kB (virtual 1.99MB)"), qPrintable(sized.out));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return berth({QStringLiteral("logs"), QStringLiteral("web")}).out == u"started arg1\n";
            },
            5000));

        QJsonObject json = inspect(QStringLiteral("web"));
        QCOMPARE(json.value(u"Id").toString(), id);
        QCOMPARE(json.value(u"Name").toString(), QStringLiteral("/web"));
        QVERIFY(json.value(u"State").toObject().value(u"Running").toBool());
        QVERIFY(json.value(u"State").toObject().value(u"Pid").toInt() > 1);
        QVERIFY(json.value(u"Config").toObject().value(u"Env").toArray().contains(QStringLiteral("arg1=arg1")));

        QCOMPARE(berth({QStringLiteral("pause"), QStringLiteral("web")}).exitCode, 0);
        QCOMPARE(state(QStringLiteral("web")), QStringLiteral("paused"));
        QVERIFY(berth({QStringLiteral("ps")}).out.contains(u"(Paused)"));
        const ProcessResult again = berth({QStringLiteral("pause"), QStringLiteral("web")});
        QVERIFY2(again.exitCode != 0 && again.err.contains(u"is already paused"), qPrintable(again.err));
        QCOMPARE(berth({QStringLiteral("unpause"), QStringLiteral("web")}).exitCode, 0);
        QCOMPARE(state(QStringLiteral("web")), QStringLiteral("running"));

        // sleep as pid 1 has no handler for SIGTERM, so stop has to kill it after the timeout.
        const ProcessResult stop
            = berth({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("web")});
        QCOMPARE(stop.exitCode, 0);
        QCOMPARE(stop.out, QStringLiteral("web\n"));
        QCOMPARE(state(QStringLiteral("web")), QStringLiteral("exited"));
        QCOMPARE(inspect(QStringLiteral("web")).value(u"State").toObject().value(u"ExitCode").toInt(), 137);
        QVERIFY(berth({QStringLiteral("ps"), QStringLiteral("-a")}).out.contains(u"Exited (137)"));
        QVERIFY(!berth({QStringLiteral("ps")}).out.contains(u"web"));

        QCOMPARE(berth({QStringLiteral("start"), QStringLiteral("web")}).exitCode, 0);
        QCOMPARE(state(QStringLiteral("web")), QStringLiteral("running"));
        QCOMPARE(berth({QStringLiteral("kill"), QStringLiteral("web")}).exitCode, 0);
        QVERIFY(QTest::qWaitFor([&] { return state(QStringLiteral("web")) == u"exited"; }, 5000));

        QCOMPARE(berth({QStringLiteral("rename"), QStringLiteral("web"), QStringLiteral("web2")}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("web2")}).out, QStringLiteral("web2\n"));
        const ProcessResult gone = berth({QStringLiteral("inspect"), QStringLiteral("web2")});
        QCOMPARE(gone.exitCode, 1);
        QVERIFY(!QDir(m_engine.dataRoot() + QStringLiteral("/containers/") + id).exists());
    }

    // The issue's own scenario, with every state change told as an event.
    void anInteractiveShellWithRestartAlwaysAsDocker()
    {
        QProcess events;
        events.setProcessEnvironment(m_engine.environment());
        events.start(IsolatedEngine::binary(QStringLiteral("berth")), {QStringLiteral("events")});
        QVERIFY(events.waitForStarted());
        QByteArray told;
        QVERIFY(QTest::qWaitFor(
            [&] {
                berth({QStringLiteral("system"), QStringLiteral("reload")});
                events.waitForReadyRead(200);
                told += events.readAllStandardOutput();
                return told.contains("engine reload");
            },
            15000));

        const ProcessResult run = berth({QStringLiteral("run"), QStringLiteral("-idt"), QStringLiteral("--restart=always"),
                                         QStringLiteral("--name"), QStringLiteral("web"), QStringLiteral("-e"),
                                         QStringLiteral("arg1=arg1"), QStringLiteral("busybox"), QStringLiteral("sh")});
        QCOMPARE(run.exitCode, 0);
        const QString id = run.out.trimmed();
        QVERIFY(berth({QStringLiteral("exec"), QStringLiteral("web"), QStringLiteral("ls")}).out.contains(u"bin"));
        QCOMPARE(berth({QStringLiteral("exec"), QStringLiteral("web"), QStringLiteral("sh"), QStringLiteral("-c"),
                        QStringLiteral("echo $arg1 > /proc/1/fd/0")})
                     .exitCode,
                 0); // typed at the shell's terminal: the shell echoes it, and the log has it
        QVERIFY(QTest::qWaitFor(
            [&] {
                return berth({QStringLiteral("logs"), QStringLiteral("web")}).out.contains(u"arg1");
            },
            5000));
        QCOMPARE(inspect(QStringLiteral("web")).value(u"HostConfig").toObject().value(u"RestartPolicy").toObject().value(u"Name"),
                 QStringLiteral("always"));
        QVERIFY(berth({QStringLiteral("top"), QStringLiteral("web")}).out.contains(u"sh"));
        QVERIFY(berth({QStringLiteral("ps")}).out.contains(u" web\n"));
        QVERIFY(berth({QStringLiteral("ps"), QStringLiteral("-aq")}).out.split(u'\n').contains(id.left(12)));

        // An interactive shell as pid 1 ignores SIGTERM: stop kills it after the timeout.
        QProcess follow;
        follow.setProcessEnvironment(m_engine.environment());
        follow.start(IsolatedEngine::binary(QStringLiteral("berth")), {QStringLiteral("logs"), QStringLiteral("-f"), id});
        QVERIFY(follow.waitForStarted());
        QCOMPARE(berth({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("web")}).out,
                 QStringLiteral("web\n"));
        QVERIFY(follow.waitForFinished(5000)); // logs -f ends with the container
        QVERIFY(follow.readAllStandardOutput().contains("arg1"));
        QCOMPARE(inspect(QStringLiteral("web")).value(u"State").toObject().value(u"ExitCode").toInt(), 137);
        QTest::qWait(500); // a stopped container stays stopped, whatever its policy
        QCOMPARE(state(QStringLiteral("web")), QStringLiteral("exited"));
        QVERIFY(berth({QStringLiteral("ps"), QStringLiteral("-a")}).out.contains(u"Exited (137)"));
        QVERIFY(!berth({QStringLiteral("ps")}).out.contains(u"web"));

        QCOMPARE(berth({QStringLiteral("start"), QStringLiteral("web")}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("pause"), QStringLiteral("web")}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("unpause"), QStringLiteral("web")}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("kill"), QStringLiteral("web")}).exitCode, 0);
        QVERIFY(QTest::qWaitFor([&] { return state(QStringLiteral("web")) == u"exited"; }, 5000));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("web")}).out, QStringLiteral("web\n"));

        QStringList actions;
        QVERIFY(QTest::qWaitFor(
            [&] {
                events.waitForReadyRead(100);
                told += events.readAllStandardOutput();
                actions.clear();
                for (const QByteArray &line : told.split('\n'))
                    if (line.contains(id.toLatin1()))
                        actions << QString::fromUtf8(line.split(' ').value(2));
                return actions.endsWith(QStringLiteral("destroy"));
            },
            5000));
        events.terminate();
        events.waitForFinished();
        // As docker tells them: an exec is made, started and dies; stop's SIGTERM and SIGKILL
        // are each a "kill".
        const QStringList expected{QStringLiteral("create"),     QStringLiteral("start"),    QStringLiteral("exec_create"),
                                   QStringLiteral("exec_start"), QStringLiteral("exec_die"), QStringLiteral("exec_create"),
                                   QStringLiteral("exec_start"), QStringLiteral("exec_die"), QStringLiteral("kill"),
                                   QStringLiteral("kill"),       QStringLiteral("die"),      QStringLiteral("stop"),
                                   QStringLiteral("start"),      QStringLiteral("pause"),    QStringLiteral("unpause"),
                                   QStringLiteral("kill"),       QStringLiteral("die"),      QStringLiteral("destroy")};
        QVERIFY2(actions == expected, qPrintable(actions.join(u' ')));
    }

    void stopSendsTheSignalAsked()
    {
        const QString id
            = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("busybox"), QStringLiteral("sh"),
                     QStringLiteral("-c"), QStringLiteral("trap 'exit 7' USR1; echo ready; while true; do sleep 0.1; done")})
                  .out.trimmed();
        QVERIFY(QTest::qWaitFor([&] { return berth({QStringLiteral("logs"), id}).out == u"ready\n"; }, 5000));
        const ProcessResult bad = berth({QStringLiteral("stop"), QStringLiteral("-s"), QStringLiteral("NOPE"), id});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(u"NOPE"), qPrintable(bad.err));
        QCOMPARE(state(id), QStringLiteral("running"));
        QCOMPARE(berth({QStringLiteral("stop"), QStringLiteral("-s"), QStringLiteral("USR1"), QStringLiteral("-t"),
                        QStringLiteral("30"), id})
                     .exitCode,
                 0);
        QCOMPARE(inspect(id).value(u"State").toObject().value(u"ExitCode").toInt(), 7);
        // restart takes -s too, and runs it again; kill -s sends what it names.
        QCOMPARE(berth({QStringLiteral("start"), id}).exitCode, 0);
        QVERIFY(QTest::qWaitFor([&] { return berth({QStringLiteral("logs"), id}).out == u"ready\nready\n"; }, 5000));
        const QString startedAt = inspect(id).value(u"State").toObject().value(u"StartedAt").toString();
        QCOMPARE(berth({QStringLiteral("restart"), QStringLiteral("-s"), QStringLiteral("USR1"), QStringLiteral("-t"),
                        QStringLiteral("30"), id})
                     .out,
                 id + u'\n');
        QCOMPARE(state(id), QStringLiteral("running"));
        QVERIFY(inspect(id).value(u"State").toObject().value(u"StartedAt").toString() != startedAt);
        QVERIFY(QTest::qWaitFor([&] { return berth({QStringLiteral("logs"), id}).out.count(u"ready") == 3; }, 5000));
        QCOMPARE(berth({QStringLiteral("kill"), QStringLiteral("-s"), QStringLiteral("SIGUSR1"), id}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("wait"), id}).out, QStringLiteral("7\n"));
        QCOMPARE(berth({QStringLiteral("rm"), id}).exitCode, 0);
    }

    void aRunningContainerNeedsForceToGo()
    {
        const QString id = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("busybox"), QStringLiteral("sleep"),
                                  QStringLiteral("1000")})
                               .out.trimmed();
        const ProcessResult refused = berth({QStringLiteral("rm"), id});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("You cannot remove a running container ") + id), qPrintable(refused.err));
        QCOMPARE(state(id), QStringLiteral("running"));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), id}).exitCode, 0);
        QVERIFY(berth({QStringLiteral("inspect"), id}).exitCode != 0);
    }

    void aTakenNameIsAConflictNamingTheOwner()
    {
        const QString first
            = berth({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("dup"), QStringLiteral("busybox")})
                  .out.trimmed();
        const ProcessResult second
            = berth({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("dup"), QStringLiteral("busybox")});
        QCOMPARE(second.exitCode, 125);
        QVERIFY2(
            second.err.contains(QStringLiteral("The container name \"/dup\" is already in use by container \"") + first + u'"'),
            qPrintable(second.err));
        QCOMPARE(state(QStringLiteral("dup")), QStringLiteral("created"));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("dup")}).exitCode, 0);
    }

    void badLimitsAreRefused_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("message");
        QTest::newRow("-m 12q") << QStringList{QStringLiteral("-m"), QStringLiteral("12q")}
                                << QStringLiteral("invalid size: '12q'");
        QTest::newRow("--cpus -1") << QStringList{QStringLiteral("--cpus"), QStringLiteral("-1")} << QStringLiteral("--cpus");
        QTest::newRow("-m 1k") << QStringList{QStringLiteral("-m"), QStringLiteral("1k")}
                               << QStringLiteral("Minimum memory limit allowed is 6MB");
        QTest::newRow("--cpus 999") << QStringList{QStringLiteral("--cpus"), QStringLiteral("999")}
                                    << QStringLiteral("Range of CPUs is from 0.01");
        QTest::newRow("--restart sometimes")
            << QStringList{QStringLiteral("--restart"), QStringLiteral("sometimes")} << QStringLiteral("invalid restart policy");
        QTest::newRow("--rm with --restart")
            << QStringList{QStringLiteral("--rm"), QStringLiteral("--restart"), QStringLiteral("always")}
            << QStringLiteral("Conflicting options: --restart and --rm");
        QTest::newRow("bad name") << QStringList{QStringLiteral("--name"), QStringLiteral("no/slash")}
                                  << QStringLiteral("Invalid container name");
        QTest::newRow("missing bind source") << QStringList{QStringLiteral("-v"), QStringLiteral("/no/such/host/path:/x")}
                                             << QStringLiteral("bind source path does not exist: /no/such/host/path");
        QTest::newRow("bind with ..") << QStringList{QStringLiteral("-v"), QStringLiteral("/tmp/../etc:/x")}
                                      << QStringLiteral("\"..\" is not allowed");
        QTest::newRow("unknown capability") << QStringList{QStringLiteral("--cap-add"), QStringLiteral("CAP_MAGIC")}
                                            << QStringLiteral("unknown capability");
        QTest::newRow("missing device") << QStringList{QStringLiteral("--device"), QStringLiteral("/dev/nonesuch")}
                                        << QStringLiteral("error gathering device information while adding custom device");
        QTest::newRow("not a device") << QStringList{QStringLiteral("--device"), QStringLiteral("/etc/passwd:/dev/passwd")}
                                      << QStringLiteral("not a device node");
        QTest::newRow("device outside /dev")
            << QStringList{QStringLiteral("--device"), QStringLiteral("/dev/null:/etc/null")} << QStringLiteral("invalid device");
        QTest::newRow("unknown log driver") << QStringList{QStringLiteral("--log-driver"), QStringLiteral("syslog")}
                                            << QStringLiteral("logging driver \"syslog\" is not supported");
        QTest::newRow("unknown log opt") << QStringList{QStringLiteral("--log-opt"), QStringLiteral("labels=a")}
                                         << QStringLiteral("unknown log opt 'labels'");
        QTest::newRow("tiny log size") << QStringList{QStringLiteral("--log-opt"), QStringLiteral("max-size=10")}
                                       << QStringLiteral("max-size must be a size of at least 1k");
        QTest::newRow("cpu shares as a word")
            << QStringList{QStringLiteral("--cpu-shares"), QStringLiteral("lots")} << QStringLiteral("not a whole number");
    }

    void badLimitsAreRefused()
    {
        QFETCH(QStringList, flags);
        QFETCH(QString, message);
        const QString before = berth({QStringLiteral("ps"), QStringLiteral("-aq")}).out;
        const ProcessResult run
            = berth(QStringList{QStringLiteral("run")} + flags + QStringList{QStringLiteral("busybox"), QStringLiteral("true")});
        QCOMPARE(run.exitCode, 125);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(berth({QStringLiteral("ps"), QStringLiteral("-aq")}).out, before); // nothing was made
    }

    void aContainerSeesDockersDefaultHardening()
    {
        const QString status = inside(QStringLiteral("grep -E '^(CapEff|CapBnd|CapAmb|NoNewPrivs|Seccomp):' /proc/self/status"));
        // Docker's 14 default capabilities.
        QVERIFY2(status.contains(u"CapEff:\t00000000a80425fb"), qPrintable(status));
        QVERIFY(status.contains(u"CapBnd:\t00000000a80425fb"));
        QVERIFY(status.contains(u"CapAmb:\t0000000000000000"));
        QVERIFY(status.contains(u"NoNewPrivs:\t1"));
        QVERIFY(status.contains(u"Seccomp:\t2"));

        // Nothing of the helper or the monitor is open inside: only the standard streams (and
        // the directory ls reads).
        QCOMPARE(inside(QStringLiteral("ls /proc/self/fd | tr '\\n' ' '")), QStringLiteral("0 1 2 3 "));

        const QString mounts = inside(QStringLiteral("cat /proc/mounts"));
        QVERIFY2(mounts.contains(u"overlay / overlay"), qPrintable(mounts));
        QVERIFY(QRegularExpression(QStringLiteral("proc /proc/sys proc ro,")).match(mounts).hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("sysfs /sys sysfs ro,")).match(mounts).hasMatch());
        QVERIFY(mounts.contains(u" /proc/keys ")); // masked
        QVERIFY(mounts.contains(u"devpts /dev/pts devpts"));
        // /dev/core only where the kernel has /proc/kcore, as runc does.
        const QString core = QFile::exists(QStringLiteral("/proc/kcore")) ? QStringLiteral("core ") : QString();
        QCOMPARE(inside(QStringLiteral("ls /dev | tr '\\n' ' '")),
                 core + QStringLiteral("fd full mqueue null ptmx pts random shm stderr stdin stdout tty urandom zero "));
        // The seccomp profile refuses what the default capability set does not allow.
        QVERIFY(inside(QStringLiteral("unshare -m true 2>&1 || echo refused")).contains(u"refused"));
        QCOMPARE(inside(QStringLiteral("mknod /tmp/sda b 8 0 && cat /tmp/sda >/dev/null 2>&1 || echo denied")),
                 QStringLiteral("denied\n"));
        QCOMPARE(inside(QStringLiteral("umask")), QStringLiteral("0022\n"));
        QCOMPARE(inside(QStringLiteral("echo $$")), QStringLiteral("1\n"));
    }

    void aCompiledSeccompFilterIsReusedOnlyForItsProfile()
    {
        // The first container compiled the default profile into the run root's cache.
        QVERIFY(inside(QStringLiteral("grep Seccomp: /proc/self/status")).contains(u"Seccomp:\t2"));
        QDir cache(m_engine.runRoot() + QStringLiteral("/seccomp"));
        const QStringList files = cache.entryList(QDir::Files);
        QVERIFY2(!files.isEmpty(), qPrintable(cache.path()));
        // A cache file that does not hold exactly this profile is not used: the filter is
        // compiled again, the container is filtered all the same, and the file is replaced.
        const QByteArray damaged = "5\nwrong" + QByteArray(64, '\0');
        for (const QString &file : files) {
            QFile f(cache.filePath(file));
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(damaged);
        }
        const QString status = inside(QStringLiteral("grep -E '^(Seccomp|Seccomp_filters):' /proc/self/status"));
        QVERIFY2(status.contains(u"Seccomp:\t2") && status.contains(u"Seccomp_filters:\t1"), qPrintable(status));
        for (const QString &file : files) {
            QFile f(cache.filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.readAll() != damaged);
        }
        // Without a profile there is no filter, cached or not.
        QVERIFY(inside(QStringLiteral("grep Seccomp: /proc/self/status"),
                       {QStringLiteral("--security-opt"), QStringLiteral("seccomp=unconfined")})
                    .contains(u"Seccomp:\t0"));
    }

    void hostnameUserAndWorkdir()
    {
        QCOMPARE(inside(QStringLiteral("hostname"), {QStringLiteral("-h"), QStringLiteral("boat")}), QStringLiteral("boat\n"));
        // Names come from the image's own /etc/passwd (busybox-static's id cannot print them).
        QCOMPARE(inside(QStringLiteral("id -u; id -g"), {QStringLiteral("-u"), QStringLiteral("nobody")}),
                 QStringLiteral("65534\n65534\n"));
        QCOMPARE(inside(QStringLiteral("id -u; id -g"), {QStringLiteral("-u"), QStringLiteral("1234:5678")}),
                 QStringLiteral("1234\n5678\n"));
        QCOMPARE(inside(QStringLiteral("grep CapEff /proc/self/status"), {QStringLiteral("-u"), QStringLiteral("nobody")}),
                 QStringLiteral("CapEff:\t0000000000000000\n"));
        QCOMPARE(inside(QStringLiteral("pwd"), {QStringLiteral("-w"), QStringLiteral("/made/for/you")}),
                 QStringLiteral("/made/for/you\n"));
        const ProcessResult unknown = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-u"),
                                             QStringLiteral("captain"), QStringLiteral("busybox"), QStringLiteral("id")});
        QVERIFY(unknown.exitCode != 0);
        QVERIFY2(unknown.err.contains(u"unable to find user captain: no matching entries in passwd file"),
                 qPrintable(unknown.err));
    }

    void capabilitiesCanBeDroppedAndTheRootMadeReadOnly()
    {
        QCOMPARE(inside(QStringLiteral("grep CapEff /proc/self/status"), {QStringLiteral("--cap-drop"), QStringLiteral("ALL")}),
                 QStringLiteral("CapEff:\t0000000000000000\n"));
        QCOMPARE(inside(QStringLiteral("touch /x 2>/dev/null || echo read-only"), {QStringLiteral("--read-only")}),
                 QStringLiteral("read-only\n"));
    }

    void capabilitiesAndDevicesAreAddedAsAsked()
    {
        QCOMPARE(
            inside(QStringLiteral("grep CapEff /proc/self/status"), {QStringLiteral("--cap-add"), QStringLiteral("NET_ADMIN")}),
            QStringLiteral("CapEff:\t00000000a80435fb\n")); // docker's default set and CAP_NET_ADMIN (12)
        // --device: the node, and the cgroup's leave to use it as far as asked.
        QCOMPARE(inside(QStringLiteral("ls /dev/net 2>&1")), QStringLiteral("ls: /dev/net: No such file or directory\n"));
        QCOMPARE(inside(QStringLiteral("true </dev/net/tun && echo opened"),
                        {QStringLiteral("--device"), QStringLiteral("/dev/net/tun")}),
                 QStringLiteral("opened\n"));
        QCOMPARE(inside(QStringLiteral("true </dev/tunnel && echo read; true 2>/dev/null >/dev/tunnel || echo no-write"),
                        {QStringLiteral("--device"), QStringLiteral("/dev/net/tun:/dev/tunnel:r")}),
                 QStringLiteral("read\nno-write\n"));
        // A directory: every node below it, where it is asked to go.
        QCOMPARE(inside(QStringLiteral("true </dev/tunnels/tun && echo opened"),
                        {QStringLiteral("--device"), QStringLiteral("/dev/net:/dev/tunnels")}),
                 QStringLiteral("opened\n"));
        // --privileged: every capability this host grants, and its devices.
        quint64 bounding = 0;
        for (int cap = 0; cap < 64; ++cap)
            if (::prctl(PR_CAPBSET_READ, cap, 0, 0, 0) == 1)
                bounding |= quint64(1) << cap;
        QCOMPARE(inside(QStringLiteral("grep CapEff /proc/self/status; ls /dev/loop-control"), {QStringLiteral("--privileged")}),
                 QStringLiteral("CapEff:\t%1\n/dev/loop-control\n").arg(bounding, 16, 16, QLatin1Char('0')));
        // What the host cannot grant is refused by name, before anything is made.
        if (::prctl(PR_CAPBSET_READ, CAP_SYS_RESOURCE, 0, 0, 0) == 0) {
            const ProcessResult refused
                = berth({QStringLiteral("run"), QStringLiteral("--cap-add"), QStringLiteral("SYS_RESOURCE"),
                         QStringLiteral("busybox"), QStringLiteral("true")});
            QCOMPARE(refused.exitCode, 125);
            QVERIFY2(refused.err.contains(u"CAP_SYS_RESOURCE cannot be granted"), qPrintable(refused.err));
        }
    }

    // --security-opt seccomp=<file>, docker's profile format: rules kept by their includes and
    // excludes, the file read by the CLI.
    void aSeccompProfileOfOnesOwn()
    {
#if defined(__x86_64__)
        const char *native = "amd64";
#else
        const char *native = "arm64";
#endif
        QTemporaryFile profile;
        QVERIFY(profile.open());
        profile.write(QByteArray(R"({"defaultAction": "SCMP_ACT_ALLOW", "syscalls": [
            {"names": ["mkdir", "mkdirat"], "action": "SCMP_ACT_ERRNO", "errnoRet": 1},
            {"names": ["chmod", "fchmodat"], "action": "SCMP_ACT_ERRNO", "includes": {"caps": ["CAP_SYS_ADMIN"]}},
            {"names": ["unlink", "unlinkat"], "action": "SCMP_ACT_ERRNO", "excludes": {"arches": [")")
                      + native + "\"]}}]}");
        profile.flush();
        const QString script = QStringLiteral("mkdir /made 2>/dev/null || echo mkdir-refused; touch /f; chmod 600 /f && "
                                              "echo chmod-allowed; rm /f && echo unlink-allowed");
        QCOMPARE(inside(script, {QStringLiteral("--security-opt"), QStringLiteral("seccomp=") + profile.fileName()}),
                 QStringLiteral("mkdir-refused\nchmod-allowed\nunlink-allowed\n"));
        const ProcessResult missing
            = berth({QStringLiteral("run"), QStringLiteral("--security-opt"), QStringLiteral("seccomp=/no/such/profile.json"),
                     QStringLiteral("busybox"), QStringLiteral("true")});
        QCOMPARE(missing.exitCode, 125);
        QVERIFY2(missing.err.contains(u"opening seccomp profile (/no/such/profile.json) failed"), qPrintable(missing.err));
        QCOMPARE(inside(QStringLiteral("echo ok"), {QStringLiteral("--security-opt"), QStringLiteral("apparmor=unconfined")}),
                 QStringLiteral("ok\n"));
        // A profile with a field of the wrong kind is refused at create, with nothing made.
        QTemporaryFile hostile;
        QVERIFY(hostile.open());
        hostile.write("{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"mkdir\"], \"includes\": 5}]}");
        hostile.flush();
        const QString before = berth({QStringLiteral("ps"), QStringLiteral("-aq")}).out;
        const ProcessResult refused
            = berth({QStringLiteral("run"), QStringLiteral("--security-opt"), QStringLiteral("seccomp=") + hostile.fileName(),
                     QStringLiteral("busybox"), QStringLiteral("true")});
        QCOMPARE(refused.exitCode, 125);
        QVERIFY2(refused.err.contains(u"the seccomp profile cannot be read"), qPrintable(refused.err));
        QCOMPARE(berth({QStringLiteral("ps"), QStringLiteral("-aq")}).out, before);
    }

    void limitsReachTheCgroup()
    {
        const bool v2 = unifiedCgroups();
        const QString memory = v2 ? QStringLiteral("cat /sys/fs/cgroup/memory.max")
                                  : QStringLiteral("cat /sys/fs/cgroup/memory/memory.limit_in_bytes");
        QCOMPARE(inside(memory, {QStringLiteral("-m"), QStringLiteral("32m")}), QStringLiteral("33554432\n"));
        const QString pids
            = v2 ? QStringLiteral("cat /sys/fs/cgroup/pids.max") : QStringLiteral("cat /sys/fs/cgroup/pids/pids.max");
        QCOMPARE(inside(pids, {QStringLiteral("--pids-limit"), QStringLiteral("64")}), QStringLiteral("64\n"));
        QCOMPARE(inside(pids), QStringLiteral("4096\n")); // the engine's default
        const QString quota
            = v2 ? QStringLiteral("cat /sys/fs/cgroup/cpu.max") : QStringLiteral("cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us");
        QCOMPARE(inside(quota, {QStringLiteral("--cpus"), QStringLiteral("0.5")}),
                 v2 ? QStringLiteral("50000 100000\n") : QStringLiteral("50000\n"));
        // --cpu-shares: v2 takes runc's conversion to a weight.
        const QString shares
            = v2 ? QStringLiteral("cat /sys/fs/cgroup/cpu.weight") : QStringLiteral("cat /sys/fs/cgroup/cpu/cpu.shares");
        QCOMPARE(inside(shares, {QStringLiteral("--cpu-shares"), QStringLiteral("512")}),
                 v2 ? QStringLiteral("20\n") : QStringLiteral("512\n"));
        const QString cpuset
            = v2 ? QStringLiteral("cat /sys/fs/cgroup/cpuset.cpus") : QStringLiteral("cat /sys/fs/cgroup/cpuset/cpuset.cpus");
        QCOMPARE(inside(cpuset, {QStringLiteral("--cpuset-cpus"), QStringLiteral("0")}), QStringLiteral("0\n"));
        const QString swap = v2 ? QStringLiteral("cat /sys/fs/cgroup/memory.swap.max")
                                : QStringLiteral("cat /sys/fs/cgroup/memory/memory.memsw.limit_in_bytes");
        QCOMPARE(
            inside(swap, {QStringLiteral("-m"), QStringLiteral("32m"), QStringLiteral("--memory-swap"), QStringLiteral("48m")}),
            v2 ? QStringLiteral("16777216\n") : QStringLiteral("50331648\n"));
    }

    // What the host's cgroups cannot do is dropped with docker's warning, never silently.
    void anOomKillerSwitchedOffIsWarnedAbout()
    {
        const ProcessResult run = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--oom-kill-disable"),
                                         QStringLiteral("busybox"), QStringLiteral("true")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.startsWith(unifiedCgroups() ? u"WARNING: Your kernel does not support OomKillDisable"
                                                     : u"WARNING: OOM killer is disabled for the container, but no memory"),
                 qPrintable(run.err));
        if (!unifiedCgroups())
            QVERIFY(inside(QStringLiteral("cat /sys/fs/cgroup/memory/memory.oom_control"),
                           {QStringLiteral("-m"), QStringLiteral("32m"), QStringLiteral("--oom-kill-disable")})
                        .contains(u"oom_kill_disable 1"));
    }

    void aForkBombHitsThePidsLimit()
    {
        const ProcessResult run
            = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--pids-limit"), QStringLiteral("20"),
                     QStringLiteral("busybox"), QStringLiteral("sh"), QStringLiteral("-c"),
                     QStringLiteral("for i in $(seq 60); do sleep 3 & done; wait; echo survived")});
        // busybox sh gives up at the first failed fork ("can't fork: Resource temporarily
        // unavailable"); the point is that it had to, and that it ended.
        QVERIFY2(run.err.contains(u"can't fork"), qPrintable(run.err));
        QVERIFY(run.exitCode > 0);
    }

    void aMemoryHogIsOomKilledAndReported()
    {
        const ProcessResult run
            = berth({QStringLiteral("run"), QStringLiteral("--name"), QStringLiteral("hog"), QStringLiteral("-m"),
                     QStringLiteral("16m"), QStringLiteral("--memory-swap"), QStringLiteral("16m"), QStringLiteral("busybox"),
                     QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("x=a; while true; do x=$x$x; done")});
        QCOMPARE(run.exitCode, 137);
        QVERIFY(inspect(QStringLiteral("hog")).value(u"State").toObject().value(u"OOMKilled").toBool());
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("hog")}).exitCode, 0);
    }

    void logsFollowEndsWithTheContainer()
    {
        const QString id = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("busybox"), QStringLiteral("sh"),
                                  QStringLiteral("-c"), QStringLiteral("echo one; echo two >&2; sleep 1; echo three")})
                               .out.trimmed();
        const ProcessResult logs = berth({QStringLiteral("logs"), QStringLiteral("-f"), id});
        QCOMPARE(logs.exitCode, 0);
        QCOMPARE(logs.out, QStringLiteral("one\nthree\n"));
        QCOMPARE(logs.err, QStringLiteral("two\n"));
        QCOMPARE(berth({QStringLiteral("logs"), QStringLiteral("--tail"), QStringLiteral("1"), id}).out,
                 QStringLiteral("three\n"));
        const QString stamped = berth({QStringLiteral("logs"), QStringLiteral("-t"), id}).out;
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z one\\n"))
                     .match(stamped)
                     .hasMatch(),
                 qPrintable(stamped));
        // --since and --until at a time between "one" and "three", a second apart; the engine
        // compares them with the log's nanosecond times.
        QDateTime first, last;
        for (const QString &line : stamped.split(u'\n', Qt::SkipEmptyParts)) {
            const QDateTime time = QDateTime::fromString(line.section(u' ', 0, 0), Qt::ISODateWithMs);
            (line.endsWith(u" one") ? first : last) = time;
        }
        QVERIFY(first.isValid() && last.isValid() && first.msecsTo(last) >= 900);
        const QString between = first.addMSecs(first.msecsTo(last) / 2).toOffsetFromUtc(3600).toString(Qt::ISODateWithMs);
        QCOMPARE(berth({QStringLiteral("logs"), QStringLiteral("--since"), between, id}).out, QStringLiteral("three\n"));
        QCOMPARE(berth({QStringLiteral("logs"), QStringLiteral("--until"), between, id}).out, QStringLiteral("one\n"));
        // Go durations, as docker reads them: everything of the last hour and a half, nothing
        // older than an hour.
        QCOMPARE(berth({QStringLiteral("logs"), QStringLiteral("--since"), QStringLiteral("1h30m"), id}).out,
                 QStringLiteral("one\nthree\n"));
        QCOMPARE(berth({QStringLiteral("logs"), QStringLiteral("--until"), QStringLiteral("1.5h"), id}).out, QString());
        const ProcessResult badTime = berth({QStringLiteral("logs"), QStringLiteral("--since"), QStringLiteral("yesterday"), id});
        QVERIFY2(badTime.exitCode != 0 && badTime.err.contains(u"invalid time"), qPrintable(badTime.err));
        QCOMPARE(berth({QStringLiteral("wait"), id}).out, QStringLiteral("0\n"));
        QCOMPARE(berth({QStringLiteral("rm"), id}).exitCode, 0);
    }

    void logsRotateAsAskedAndReadAcrossTheFiles()
    {
        // 300 lines of 50 bytes, each ~110 bytes as a json-file entry: about 30 rotations.
        const QString id = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--log-opt"),
                                  QStringLiteral("max-size=4k"), QStringLiteral("--log-opt"), QStringLiteral("max-file=3"),
                                  QStringLiteral("busybox"), QStringLiteral("sh"), QStringLiteral("-c"),
                                  QStringLiteral("i=1; while [ $i -le 300 ]; do printf 'line %04d %s\\n' $i "
                                                 "0123456789012345678901234567890123456789; i=$((i+1)); done")})
                               .out.trimmed();
        QCOMPARE(berth({QStringLiteral("wait"), id}).out, QStringLiteral("0\n"));
        const QString log = m_engine.dataRoot() + QStringLiteral("/containers/%1/%1-json.log").arg(id);
        QVERIFY(QFile::exists(log + QStringLiteral(".1")) && QFile::exists(log + QStringLiteral(".2")));
        QVERIFY(!QFile::exists(log + QStringLiteral(".3")));
        for (const QString &file : {log, log + QStringLiteral(".1"), log + QStringLiteral(".2")})
            QVERIFY2(QFileInfo(file).size() <= 4096, qPrintable(file));

        // What is kept reads as one log: the newest lines, none missing between the files.
        const QStringList lines = berth({QStringLiteral("logs"), id}).out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() > 60 && lines.size() < 120, qPrintable(QString::number(lines.size())));
        QVERIFY(lines.last().startsWith(u"line 0300 "));
        const int first = lines.first().section(u' ', 1, 1).toInt();
        for (int i = 0; i < lines.size(); ++i)
            QCOMPARE(lines.at(i).section(u' ', 1, 1).toInt(), first + i);
        QCOMPARE(inspect(id)
                     .value(u"HostConfig")
                     .toObject()
                     .value(u"LogConfig")
                     .toObject()
                     .value(u"Config")
                     .toObject()
                     .value(u"max-file"),
                 QStringLiteral("3"));
        QCOMPARE(berth({QStringLiteral("rm"), id}).exitCode, 0);
    }

    void theNoneLogDriverKeepsNothing()
    {
        const QString id
            = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--log-driver"), QStringLiteral("none"),
                     QStringLiteral("busybox"), QStringLiteral("echo"), QStringLiteral("unseen")})
                  .out.trimmed();
        QCOMPARE(berth({QStringLiteral("wait"), id}).out, QStringLiteral("0\n"));
        QVERIFY(!QFile::exists(m_engine.dataRoot() + QStringLiteral("/containers/%1/%1-json.log").arg(id)));
        const ProcessResult logs = berth({QStringLiteral("logs"), id});
        QCOMPARE(logs.exitCode, 1);
        QVERIFY2(logs.err.contains(u"does not support reading"), qPrintable(logs.err));
        QCOMPARE(berth({QStringLiteral("rm"), id}).exitCode, 0);
    }

    void onFailureRestartsAsManyTimesAsAsked()
    {
        const QString id
            = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--restart"), QStringLiteral("on-failure:2"),
                     QStringLiteral("busybox"), QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo try; exit 4")})
                  .out.trimmed();
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QJsonObject json = inspect(id);
                return json.value(u"RestartCount").toInt() == 2
                    && json.value(u"State").toObject().value(u"Status").toString() == u"exited";
            },
            10000));
        QCOMPARE(berth({QStringLiteral("logs"), id}).out, QStringLiteral("try\ntry\ntry\n"));
        QCOMPARE(berth({QStringLiteral("wait"), id}).out, QStringLiteral("4\n"));
        QCOMPARE(berth({QStringLiteral("rm"), id}).exitCode, 0);
    }

    void anImageInUseIsKept()
    {
        const QString id
            = berth({QStringLiteral("create"), QStringLiteral("busybox"), QStringLiteral("sleep"), QStringLiteral("1000")})
                  .out.trimmed();
        const ProcessResult refused = berth({QStringLiteral("rmi"), QStringLiteral("busybox")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"is using its referenced image"), qPrintable(refused.err));
        QCOMPARE(berth({QStringLiteral("start"), id}).exitCode, 0);
        const ProcessResult forced = berth({QStringLiteral("rmi"), QStringLiteral("-f"), QStringLiteral("busybox")});
        QVERIFY2(forced.err.contains(u"(cannot be forced) - image is being used by running container"), qPrintable(forced.err));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), id}).exitCode, 0);
        QVERIFY(berth({QStringLiteral("images"), QStringLiteral("-q"), QStringLiteral("busybox")}).out.size() > 0);
    }

    void execRunsInTheContainerAsDockerDoes()
    {
        const QString id = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("host"),
                                  QStringLiteral("-e"), QStringLiteral("arg1=arg1"), QStringLiteral("busybox"),
                                  QStringLiteral("sleep"), QStringLiteral("1000")})
                               .out.trimmed();
        const ProcessResult ls
            = berth({QStringLiteral("exec"), QStringLiteral("host"), QStringLiteral("ls"), QStringLiteral("/")});
        QCOMPARE(ls.exitCode, 0);
        QVERIFY2(ls.out.startsWith(u"bin\ndev\netc\n"), qPrintable(ls.out));
        const ProcessResult shell = berth({QStringLiteral("exec"), QStringLiteral("-e"), QStringLiteral("X=y"),
                                           QStringLiteral("host"), QStringLiteral("sh"), QStringLiteral("-c"),
                                           QStringLiteral("echo $arg1 $X $$; hostname; echo oops >&2; exit 4")});
        QCOMPARE(shell.exitCode, 4);
        QCOMPARE(shell.out,
                 QStringLiteral("arg1 y %1\n%2\n").arg(shell.out.section(u' ', 2, 2).section(u'\n', 0, 0)).arg(id.left(12)));
        QVERIFY(shell.out.section(u' ', 2, 2).section(u'\n', 0, 0).toInt() > 1); // a pid of the container's namespace
        QCOMPARE(shell.err, QStringLiteral("oops\n"));
        // The same hardening as the container's first process, and nothing of the engine's open.
        QCOMPARE(
            berth({QStringLiteral("exec"), QStringLiteral("host"), QStringLiteral("sh"), QStringLiteral("-c"),
                   QStringLiteral("grep -E '^(CapEff|NoNewPrivs|Seccomp):' /proc/self/status; ls /proc/self/fd | tr '\\n' ' '")})
                .out,
            QStringLiteral("CapEff:\t00000000a80425fb\nNoNewPrivs:\t1\nSeccomp:\t2\n0 1 2 3 "));
        QCOMPARE(berth({QStringLiteral("exec"), QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("-w"),
                        QStringLiteral("/tmp"), QStringLiteral("host"), QStringLiteral("sh"), QStringLiteral("-c"),
                        QStringLiteral("id -u; pwd")})
                     .out,
                 QStringLiteral("65534\n/tmp\n"));
        QCOMPARE(berth({QStringLiteral("exec"), QStringLiteral("-i"), QStringLiteral("host"), QStringLiteral("cat")},
                       "through stdin\n")
                     .out,
                 QStringLiteral("through stdin\n"));
        const ProcessResult missing = berth({QStringLiteral("exec"), QStringLiteral("host"), QStringLiteral("no-such-tool")});
        QCOMPARE(missing.exitCode, 127);
        QVERIFY2(missing.err.contains(u"exec: \"no-such-tool\": executable file not found in $PATH"), qPrintable(missing.err));
        // The exec counts against the container's limits: it is in the container's cgroup.
        QVERIFY(
            berth({QStringLiteral("exec"), QStringLiteral("host"), QStringLiteral("cat"), QStringLiteral("/proc/self/cgroup")})
                .out.contains(u":/\n"));

        QCOMPARE(berth({QStringLiteral("pause"), id}).exitCode, 0);
        const ProcessResult paused = berth({QStringLiteral("exec"), id, QStringLiteral("true")});
        QCOMPARE(paused.exitCode, 1);
        QVERIFY2(paused.err.contains(u"is paused, unpause the container before exec"), qPrintable(paused.err));
        QCOMPARE(berth({QStringLiteral("unpause"), id}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("kill"), id}).exitCode, 0);
        QVERIFY(QTest::qWaitFor([&] { return state(id) == u"exited"; }, 5000));
        const ProcessResult stopped = berth({QStringLiteral("exec"), id, QStringLiteral("true")});
        QCOMPARE(stopped.exitCode, 1);
        QVERIFY2(stopped.err.contains(u"is not running"), qPrintable(stopped.err)); // docker's Conflict
        QCOMPARE(berth({QStringLiteral("rm"), id}).exitCode, 0);
    }

    void theRuntimeCannotBeOverwrittenFromInside()
    {
        // The runc CVE-2019-5736 attack: a container process opens /proc/<pid>/exe of the runtime
        // while an exec enters the container, and writes to it once the runtime has exited.
        auto hashes = [] {
            QByteArray both;
            for (const char *name : {"berth-runtime", "berth-monitor"}) {
                QFile binary(IsolatedEngine::binary(QString::fromLatin1(name)));
                if (binary.open(QIODevice::ReadOnly))
                    both += QCryptographicHash::hash(binary.readAll(), QCryptographicHash::Sha256);
            }
            return both;
        };
        const QByteArray before = hashes();
        QCOMPARE(before.size(), 64);
        const QString id = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("busybox"), QStringLiteral("sh"),
                                  QStringLiteral("-c"),
                                  QStringLiteral("while true; do for e in /proc/[0-9]*/exe; do (echo x >> $e) 2>/dev/null && "
                                                 "echo WROTE $e; done; done")})
                               .out.trimmed();
        for (int i = 0; i < 20; ++i)
            QCOMPARE(berth({QStringLiteral("exec"), id, QStringLiteral("true")}).exitCode, 0);
        const ProcessResult logs = berth({QStringLiteral("logs"), id});
        QCOMPARE(logs.exitCode, 0);
        QVERIFY2(!logs.out.contains(u"WROTE"), qPrintable(logs.out));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), id}).exitCode, 0);
        QCOMPARE(hashes(), before);
    }

    void theMonitorIsASmallProgramHoldingOnlyItsStreams()
    {
        // Once the container runs, its setup process has become berth-monitor, and nothing of
        // the setup (the bundle, the spec, the helper's descriptors) is open in it any more.
        const QString id = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("busybox"), QStringLiteral("sh"),
                                  QStringLiteral("-c"), QStringLiteral("echo started; sleep 100")})
                               .out.trimmed();
        QFile stateFile(m_engine.runRoot() + QStringLiteral("/containers/") + id + QStringLiteral("/state.json"));
        QVERIFY(stateFile.open(QIODevice::ReadOnly));
        const qint64 monitor = QJsonDocument::fromJson(stateFile.readAll()).object().value(u"monitorPid").toInteger();
        QVERIFY(monitor > 0);
        const QString proc = QStringLiteral("/proc/%1").arg(monitor);
        QCOMPARE(QFile::symLinkTarget(proc + QStringLiteral("/exe")),
                 QFileInfo(IsolatedEngine::binary(QStringLiteral("berth-monitor"))).canonicalFilePath());
        const QStringList fds = QDir(proc + QStringLiteral("/fd")).entryList(QDir::System | QDir::NoDotAndDotDot);
        QVERIFY(!fds.isEmpty());
        for (const QString &fd : fds) {
            const QString target = QFile::symLinkTarget(proc + QStringLiteral("/fd/") + fd);
            const bool expected = target == u"/dev/null" || target.endsWith(id + QStringLiteral("-json.log"))
                || target.contains(u"socket:[") || target.contains(u"pipe:[") || target.contains(u"[signalfd]");
            QVERIFY2(expected, qPrintable(fd + QStringLiteral(" -> ") + target));
        }
        QVERIFY(QTest::qWaitFor([&] { return berth({QStringLiteral("logs"), id}).out == u"started\n"; }, 5000));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), id}).exitCode, 0);
    }

    void terminalsAreMadeInsideTheContainer()
    {
        // -t: a terminal from the container's own devpts, so tty names it there.
        const ProcessResult run
            = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-t"), QStringLiteral("busybox"),
                     QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("tty; test -t 1 && echo terminal")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("/dev/pts/0\r\nterminal\r\n"));
        const QString id = berth({QStringLiteral("run"), QStringLiteral("-dit"), QStringLiteral("busybox"), QStringLiteral("sh")})
                               .out.trimmed();
        const ProcessResult exec = berth({QStringLiteral("exec"), QStringLiteral("-t"), id, QStringLiteral("tty")});
        QCOMPARE(exec.exitCode, 0);
        QVERIFY2(QRegularExpression(QStringLiteral("^/dev/pts/[1-9]\\r\\n$")).match(exec.out).hasMatch(), qPrintable(exec.out));
        const ProcessResult shell
            = berth({QStringLiteral("exec"), QStringLiteral("-it"), id, QStringLiteral("sh")}, "echo typed-$((6*7))\nexit 7\n");
        QCOMPARE(shell.exitCode, 7);
        QVERIFY2(shell.out.contains(u"typed-42"), qPrintable(shell.out));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), id}).exitCode, 0);
    }

    void attachFollowsARunningContainerToItsEnd()
    {
        const QString id
            = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("busybox"), QStringLiteral("sh"),
                     QStringLiteral("-c"),
                     QStringLiteral("sleep 0.5; for i in 1 2 3; do echo out $i; echo err $i >&2; sleep 0.1; done; exit 3")})
                  .out.trimmed();
        const ProcessResult attach = berth({QStringLiteral("attach"), id});
        QCOMPARE(attach.exitCode, 3); // the container's exit code, as docker attach
        QCOMPARE(attach.out, QStringLiteral("out 1\nout 2\nout 3\n"));
        QCOMPARE(attach.err, QStringLiteral("err 1\nerr 2\nerr 3\n"));
        const ProcessResult stopped = berth({QStringLiteral("attach"), id});
        QCOMPARE(stopped.exitCode, 1);
        QVERIFY2(stopped.err.contains(u"You cannot attach to a stopped container, start it first"), qPrintable(stopped.err));
        QCOMPARE(berth({QStringLiteral("rm"), id}).exitCode, 0);
    }

    void ulimitsWithinWhatTheHostAllows()
    {
        const ProcessResult run
            = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--ulimit"), QStringLiteral("nofile=100:200"),
                     QStringLiteral("--ulimit"), QStringLiteral("core=0"), QStringLiteral("busybox"), QStringLiteral("sh"),
                     QStringLiteral("-c"), QStringLiteral("ulimit -n; ulimit -Hn; ulimit -c")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("100\n200\n0\n"));
        // Above the host's hard limit: granted where the engine may raise it (CAP_SYS_RESOURCE),
        // otherwise refused with the reason (as on the machines this is developed on).
        rlimit host{};
        QCOMPARE(::getrlimit(RLIMIT_NOFILE, &host), 0);
        const QString tooHigh = QStringLiteral("nofile=10:%1").arg(quint64(host.rlim_max) + 1);
        const ProcessResult high = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--ulimit"), tooHigh,
                                          QStringLiteral("busybox"), QStringLiteral("true")});
        QVERIFY2(high.exitCode == 0 || high.err.contains(u"cannot raise the hard limit of RLIMIT_NOFILE"), qPrintable(high.err));
        for (const auto &[bad, message] :
             {std::pair{"nofile", "invalid ulimit argument: nofile"}, std::pair{"files=1", "invalid ulimit type: files"},
              std::pair{"nofile=20:10", "ulimit soft limit must be less than or equal to hard limit: 20 > 10"},
              std::pair{"nofile=1:2:3", "too many limit value arguments"}}) {
            const ProcessResult refused = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--ulimit"),
                                                 QLatin1StringView(bad), QStringLiteral("busybox"), QStringLiteral("true")});
            QCOMPARE(refused.exitCode, 125);
            QVERIFY2(refused.err.contains(QLatin1StringView(message)), qPrintable(refused.err));
        }
    }

    void anAttachedClientResizesTheTerminal()
    {
        // What `berth attach` does on SIGWINCH, through the D-Bus API itself: a record on the
        // resize stream, and the shell in the container sees the new size.
        const QString id = berth({QStringLiteral("run"), QStringLiteral("-dit"), QStringLiteral("busybox"), QStringLiteral("sh")})
                               .out.trimmed();
        QVERIFY(!id.isEmpty());
        int out[2], in[2], resize[2];
        QCOMPARE(::pipe2(out, O_CLOEXEC), 0);
        QCOMPARE(::pipe2(in, O_CLOEXEC), 0);
        QCOMPARE(::pipe2(resize, O_CLOEXEC), 0);
        const QVariantMap options{{QStringLiteral("stdout"), QVariant::fromValue(QDBusUnixFileDescriptor(out[1]))},
                                  {QStringLiteral("stdin"), QVariant::fromValue(QDBusUnixFileDescriptor(in[0]))},
                                  {QStringLiteral("resize"), QVariant::fromValue(QDBusUnixFileDescriptor(resize[0]))}};
        QDBusPendingCall attach = berth::engine::call(berth::engine::kContainersPath, berth::engine::kContainersInterface,
                                                      QStringLiteral("AttachContainer"), {id, options}, false);
        attach.waitForFinished();
        QVERIFY2(!attach.isError(), qPrintable(attach.error().message()));
        for (int fd : {out[1], in[0], resize[0]})
            ::close(fd);
        const uint16_t size[2] = {33, 77};
        QCOMPARE(::write(resize[1], size, sizeof size), ssize_t(sizeof size));
        QByteArray seen;
        QElapsedTimer waited;
        waited.start();
        const QByteArray command = "stty size\n";
        QCOMPARE(::write(in[1], command.constData(), size_t(command.size())), ssize_t(command.size()));
        ::fcntl(out[0], F_SETFL, O_NONBLOCK);
        while (!seen.contains("33 77") && waited.elapsed() < 10000) {
            char buffer[4096];
            const ssize_t n = ::read(out[0], buffer, sizeof buffer);
            if (n > 0)
                seen.append(buffer, n);
            else
                QTest::qWait(20);
        }
        QVERIFY2(seen.contains("33 77"), seen.constData());
        for (int fd : {out[0], in[1], resize[1]})
            ::close(fd);
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), id}).exitCode, 0);
    }

    void createWithStartRunsItInOneCall()
    {
        // What `berth run` sends: CreateContainer with start and the streams.
        // The error's name or the new container's id.  The call is let go of at once: it holds
        // the message sent, with its descriptors.
        const auto create = [](const QString &config, const QVariantMap &options) -> std::pair<QString, QString> {
            QDBusPendingCall call = berth::engine::call(berth::engine::kContainersPath, berth::engine::kContainersInterface,
                                                        QStringLiteral("CreateContainer"), {config, options}, false);
            call.waitForFinished();
            if (call.isError())
                return {call.error().name(), {}};
            return {{}, QDBusReply<QVariantMap>(call).value().value(QStringLiteral("Id")).toString()};
        };
        const QString names = berth({QStringLiteral("ps"), QStringLiteral("-aq")}).out;
        int out[2];
        QCOMPARE(::pipe2(out, O_CLOEXEC), 0);
        // Each map holds a duplicate of the write end, gone with the map.
        const auto stdoutTo = [&out](bool start) {
            return QVariantMap{{QStringLiteral("stdout"), QVariant::fromValue(QDBusUnixFileDescriptor(out[1]))},
                               {QStringLiteral("start"), start}};
        };
        const QString echo = QStringLiteral(R"({"Image":"busybox","Cmd":["echo","started in one call"]})");
        // Streams without start would wait for a start that may never come: refused, nothing made.
        QCOMPARE(create(echo, stdoutTo(false)).first, QStringLiteral("org.berth.Error.InvalidArgument"));
        QCOMPARE(berth({QStringLiteral("ps"), QStringLiteral("-aq")}).out, names);

        const auto [error, id] = create(echo, stdoutTo(true));
        ::close(out[1]);
        QVERIFY2(error.isEmpty() && !id.isEmpty(), qPrintable(error));
        QByteArray seen;
        char buffer[256];
        for (ssize_t n; (n = ::read(out[0], buffer, sizeof buffer)) > 0;)
            seen.append(buffer, n);
        ::close(out[0]);
        QCOMPARE(seen, QByteArray("started in one call\n"));
        QCOMPARE(berth({QStringLiteral("wait"), id}).out.trimmed(), QStringLiteral("0"));

        // A start that fails leaves the container created, as docker's does.
        QCOMPARE(
            create(QStringLiteral(R"({"Image":"busybox","Cmd":["/no/such/command"]})"), {{QStringLiteral("start"), true}}).first,
            QStringLiteral("org.berth.Error.StartFailed"));
        const QStringList left
            = berth({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--no-trunc")}).out.split(u'\n');
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), id}).exitCode, 0);
        QStringList made;
        for (const QString &line : left)
            if (!line.isEmpty() && !names.contains(line.left(12)) && line != id)
                made << line;
        QCOMPARE(made.size(), 1);
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), made.first()}).exitCode, 0);
    }

    void psFiltersAsDocker()
    {
        const auto create = [&](const QStringList &flags, const QString &name) {
            return berth(QStringList{QStringLiteral("create"), QStringLiteral("--name"), name} + flags
                         + QStringList{QStringLiteral("busybox"), QStringLiteral("true")})
                .out.trimmed()
                .left(12);
        };
        const QString first = create(
            {QStringLiteral("-v"), QStringLiteral("filtered-data:/data"), QStringLiteral("--expose"), QStringLiteral("53/udp")},
            QStringLiteral("filter-first"));
        const QString second = create(
            {QStringLiteral("-p"), QStringLiteral("127.0.0.1::8080"), QStringLiteral("--network"), QStringLiteral("none")},
            QStringLiteral("filter-second"));
        const QString third = create({}, QStringLiteral("filter-third"));
        const auto matching = [&](const QString &filter) {
            return berth({QStringLiteral("ps"), QStringLiteral("-aq"), QStringLiteral("--filter"), filter,
                          QStringLiteral("--filter"), QStringLiteral("name=^filter-")})
                .out.split(u'\n', Qt::SkipEmptyParts);
        };
        QCOMPARE(matching(QStringLiteral("before=filter-third")), (QStringList{second, first}));
        QCOMPARE(matching(QStringLiteral("since=filter-first")), (QStringList{third, second}));
        QCOMPARE(matching(QStringLiteral("volume=filtered-data")), QStringList{first});
        QCOMPARE(matching(QStringLiteral("volume=/data")), QStringList{first});
        QCOMPARE(matching(QStringLiteral("expose=53/udp")), QStringList{first});
        QCOMPARE(matching(QStringLiteral("expose=53")), QStringList{}); // tcp unless said
        QCOMPARE(matching(QStringLiteral("publish=8000-8090")), QStringList{second});
        QCOMPARE(matching(QStringLiteral("network=none")), QStringList{second});
        QCOMPARE(matching(QStringLiteral("network=bridge")), (QStringList{third, first}));
        const ProcessResult unknown = berth({QStringLiteral("ps"), QStringLiteral("--filter"), QStringLiteral("since=no-such")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(u"No such container: no-such"), qPrintable(unknown.err));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-v"), first, second, third}).exitCode, 0);
        berth({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("filtered-data")});
    }

    void formatsAsDockersTemplates()
    {
        QCOMPARE(berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("formatted"),
                        QStringLiteral("-l"), QStringLiteral("tier=front"), QStringLiteral("busybox"), QStringLiteral("sleep"),
                        QStringLiteral("1000")})
                     .exitCode,
                 0);
        // inspect -f: the template on the inspect document.
        const ProcessResult inspected
            = berth({QStringLiteral("inspect"), QStringLiteral("-f"),
                     QStringLiteral("{{.State.Status}} {{.Name}} {{json .Config.Cmd}} {{index .Config.Labels \"tier\"}}"),
                     QStringLiteral("formatted")});
        QCOMPARE(inspected.exitCode, 0);
        QCOMPARE(inspected.out, QStringLiteral("running /formatted [\"sleep\",\"1000\"] front\n"));
        // ps: docker's fields; "table" with docker's titles; \t typed as two characters.
        const ProcessResult names = berth({QStringLiteral("ps"), QStringLiteral("--filter"), QStringLiteral("name=formatted"),
                                           QStringLiteral("--format"),
                                           QStringLiteral("{{.Names}}|{{.State}}|{{.Labels}}|{{.Networks}}|{{.LocalVolumes}}")});
        QCOMPARE(names.out, QStringLiteral("formatted|running|tier=front|bridge|0\n"));
        const ProcessResult table = berth({QStringLiteral("ps"), QStringLiteral("--filter"), QStringLiteral("name=formatted"),
                                           QStringLiteral("--format"), QStringLiteral("table {{.Names}}\\t{{.Image}}")});
        const QStringList lines = table.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(u"NAMES") && lines[0].endsWith(u"IMAGE"), qPrintable(table.out));
        QVERIFY2(lines[1].startsWith(u"formatted") && lines[1].endsWith(u"busybox"), qPrintable(table.out));
        // json is `{{json .}}`: the same fields.
        const QJsonObject row
            = QJsonDocument::fromJson(berth({QStringLiteral("ps"), QStringLiteral("--filter"), QStringLiteral("name=formatted"),
                                             QStringLiteral("--format"), QStringLiteral("json")})
                                          .out.toUtf8())
                  .object();
        QCOMPARE(row.value(u"Names").toString(), QStringLiteral("formatted"));
        QCOMPARE(row.value(u"ID").toString().size(), 12);
        QVERIFY(row.value(u"RunningFor").toString().endsWith(u"ago"));
        // stats: docker's fields (one process: sleep).
        QCOMPARE(berth({QStringLiteral("stats"), QStringLiteral("--no-stream"), QStringLiteral("--format"),
                        QStringLiteral("{{.Name}} {{.PIDs}}"), QStringLiteral("formatted")})
                     .out,
                 QStringLiteral("formatted 1\n"));
        // An empty table still has its titles; a template that fails exits 125 and says why.
        QCOMPARE(berth({QStringLiteral("ps"), QStringLiteral("--filter"), QStringLiteral("name=nothing-by-this-name"),
                        QStringLiteral("--format"), QStringLiteral("table {{.ID}}")})
                     .out,
                 QStringLiteral("CONTAINER ID\n"));
        const ProcessResult bad = berth({QStringLiteral("inspect"), QStringLiteral("-f"),
                                         QStringLiteral("{{range .Name}}{{end}}"), QStringLiteral("formatted")});
        QCOMPARE(bad.exitCode, 125);
        QVERIFY2(bad.err.contains(u"range can't iterate"), qPrintable(bad.err));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("formatted")}).exitCode, 0);
    }

    void theEndIsToldOnThePassedPipe()
    {
        const auto create = [](const QString &config, const QVariantMap &options) {
            QDBusPendingCall call = berth::engine::call(berth::engine::kContainersPath, berth::engine::kContainersInterface,
                                                        QStringLiteral("CreateContainer"), {config, options}, false);
            call.waitForFinished();
            return call.isError() ? call.error().name() : QString();
        };
        const auto readAll = [](int fd) {
            QByteArray seen;
            char buffer[256];
            for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
                seen.append(buffer, n);
            ::close(fd);
            return seen;
        };
        const QString names = berth({QStringLiteral("ps"), QStringLiteral("-aq")}).out;
        const QString exits7
            = QStringLiteral(R"({"Image":"busybox","Cmd":["sh","-c","exit 7"],"HostConfig":{"AutoRemove":true}})");
        int end[2];
        QCOMPARE(::pipe2(end, O_CLOEXEC), 0);
        const auto endTo = [&end](bool start) {
            return QVariantMap{{QStringLiteral("exit"), QVariant::fromValue(QDBusUnixFileDescriptor(end[1]))},
                               {QStringLiteral("start"), start}};
        };
        QCOMPARE(create(exits7, endTo(false)), QStringLiteral("org.berth.Error.InvalidArgument"));
        QFile file(m_engine.path() + QStringLiteral("/exit-file"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(create(exits7,
                        {{QStringLiteral("exit"), QVariant::fromValue(QDBusUnixFileDescriptor(file.handle()))},
                         {QStringLiteral("start"), true}}),
                 QStringLiteral("org.berth.Error.InvalidArgument")); // a file could block the engine's thread
        QCOMPARE(berth({QStringLiteral("ps"), QStringLiteral("-aq")}).out, names);

        QCOMPARE(create(exits7, endTo(true)), QString());
        ::close(end[1]);
        const QJsonObject told = QJsonDocument::fromJson(readAll(end[0])).object();
        QCOMPARE(told.value(u"StatusCode").toInt(-1), 7);
        QCOMPARE(told.value(u"Error").toString(), QString());
        // Told once it was removed, as docker run --rm waits for.
        QCOMPARE(berth({QStringLiteral("ps"), QStringLiteral("-aq")}).out, names);

        // The engine killed while `run` waits: nothing comes on the pipe, and the CLI asks
        // the engine that adopted the container instead.
        QProcess run;
        run.setProcessEnvironment(m_engine.environment());
        run.start(IsolatedEngine::binary(QStringLiteral("berth")),
                  {QStringLiteral("run"), QStringLiteral("--name"), QStringLiteral("outlives"), QStringLiteral("busybox"),
                   QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo up; sleep 3; exit 5")});
        QVERIFY(run.waitForReadyRead(10000));
        ::kill(pid_t(m_engine.helperPid()), SIGKILL);
        QVERIFY(!m_engine.stopHelper());
        QVERIFY2(m_engine.startHelper(), qPrintable(m_engine.errorString()));
        QVERIFY(run.waitForFinished(15000));
        QCOMPARE(run.exitCode(), 5);
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("outlives")}).exitCode, 0);
    }

    void signalsToTheClientReachTheContainer()
    {
        // docker's --sig-proxy: SIGTERM to an attached `run` goes to the container, whose trap
        // answers; the client ends with the container's exit code instead of dying.
        QProcess client;
        client.setProcessEnvironment(m_engine.environment());
        client.start(IsolatedEngine::binary(QStringLiteral("berth")),
                     {QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("busybox"), QStringLiteral("sh"),
                      QStringLiteral("-c"),
                      QStringLiteral("trap 'echo got-term; exit 7' TERM; echo ready; while true; do sleep 0.1; done")});
        QVERIFY(client.waitForStarted());
        QByteArray output;
        QTRY_VERIFY2((output += client.readAllStandardOutput()).contains("ready"), client.readAllStandardError().constData());
        ::kill(pid_t(client.processId()), SIGTERM);
        QVERIFY(client.waitForFinished(15000));
        QCOMPARE(client.exitStatus(), QProcess::NormalExit);
        QCOMPARE(client.exitCode(), 7);
        QVERIFY((output + client.readAllStandardOutput()).contains("got-term"));
        const ProcessResult off = berth({QStringLiteral("run"), QStringLiteral("--sig-proxy=maybe"), QStringLiteral("busybox")});
        QCOMPARE(off.exitCode, 125);
        QVERIFY2(off.err.contains(u"--sig-proxy"), qPrintable(off.err));
    }

    void detachKeysLeaveTheContainerRunning()
    {
        const QString id = berth({QStringLiteral("run"), QStringLiteral("-di"), QStringLiteral("busybox"), QStringLiteral("sh")})
                               .out.trimmed();
        // ctrl-a then d: what comes before reaches the container, the keys do not.
        const ProcessResult attach
            = berth({QStringLiteral("attach"), QStringLiteral("--detach-keys"), QStringLiteral("ctrl-a,d"), id},
                    "echo before-$((1+1))\n\x01"
                    "d");
        QCOMPARE(attach.exitCode, 0);
        QVERIFY2(attach.err.contains(u"read escape sequence"), qPrintable(attach.err));
        QTRY_VERIFY(berth({QStringLiteral("logs"), id}).out == u"before-2\n");
        QCOMPARE(inspect(id).value(u"State").toObject().value(u"Status").toString(), QStringLiteral("running"));
        // A partial sequence is input after all.
        const ProcessResult partial = berth({QStringLiteral("exec"), QStringLiteral("-i"), QStringLiteral("--detach-keys"),
                                             QStringLiteral("ctrl-x,q"), id, QStringLiteral("cat")},
                                            "a\x18"
                                            "b\n");
        QCOMPARE(partial.exitCode, 0);
        QCOMPARE(partial.out,
                 QStringLiteral("a\x18"
                                "b\n"));
        const ProcessResult bad
            = berth({QStringLiteral("attach"), QStringLiteral("--detach-keys"), QStringLiteral("ctrl-foo"), id});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains(u"Invalid detach keys (ctrl-foo) provided"), qPrintable(bad.err));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), id}).exitCode, 0);
    }

    void initForwardsSignals()
    {
        // Debian's tini-static as pid 1: the command runs under it and its exit code comes back.
        const ProcessResult run
            = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--init"), QStringLiteral("busybox"),
                     QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("tr '\\0' ' ' < /proc/1/cmdline; exit 3")});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.out.startsWith(u"/sbin/docker-init -- sh -c"), qPrintable(run.out));
        // sleep as pid 1 would ignore SIGTERM and be killed (137); under init it gets it (143).
        const QString id = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--init"),
                                  QStringLiteral("busybox"), QStringLiteral("sleep"), QStringLiteral("1000")})
                               .out.trimmed();
        QCOMPARE(berth({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("30"), id}).exitCode, 0);
        QCOMPARE(inspect(id).value(u"State").toObject().value(u"ExitCode").toInt(), 143);
        QCOMPARE(berth({QStringLiteral("rm"), id}).exitCode, 0);
    }

    void pruneTakesDockersFilters()
    {
        const auto create = [&](const QStringList &flags) {
            return berth(QStringList{QStringLiteral("create")} + flags
                         + QStringList{QStringLiteral("busybox"), QStringLiteral("true")})
                .out.trimmed();
        };
        const QString keep = create({QStringLiteral("-l"), QStringLiteral("keep=yes")});
        const QString plain = create({});
        const auto prune = [&](const QString &filter) {
            return berth(
                {QStringLiteral("container"), QStringLiteral("prune"), QStringLiteral("-f"), QStringLiteral("--filter"), filter});
        };
        // Made within the last hour: none is older than it.
        QVERIFY(!prune(QStringLiteral("until=1h")).out.contains(plain));
        QVERIFY(!prune(QStringLiteral("label=keep=no")).out.contains(keep));
        const ProcessResult unlabelled = prune(QStringLiteral("label!=keep"));
        QVERIFY2(unlabelled.out.contains(plain) && !unlabelled.out.contains(keep), qPrintable(unlabelled.out));
        QVERIFY(prune(QStringLiteral("label=keep=yes")).out.contains(keep));
        const ProcessResult bad = prune(QStringLiteral("status=exited"));
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(u"invalid filter \"status\""), qPrintable(bad.err));
    }

    void systemDfCountsContainers()
    {
        // What earlier cases left stopped goes first, through docker's prune.
        const ProcessResult prune = berth({QStringLiteral("container"), QStringLiteral("prune"), QStringLiteral("-f")});
        QCOMPARE(prune.exitCode, 0);
        QVERIFY2(prune.out.contains(u"Total reclaimed space:"), qPrintable(prune.out));
        QCOMPARE(berth({QStringLiteral("ps"), QStringLiteral("-aq")}).out,
                 berth({QStringLiteral("ps"), QStringLiteral("-q")}).out);
        const QString running
            = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("busybox"), QStringLiteral("sh"),
                     QStringLiteral("-c"), QStringLiteral("head -c 3000 /dev/zero > /a; exec sleep 1000")})
                  .out.trimmed();
        const QString stopped = berth({QStringLiteral("create"), QStringLiteral("busybox")}).out.trimmed();
        QVERIFY(QTest::qWaitFor(
            [&] {
                return berth(
                           {QStringLiteral("exec"), running, QStringLiteral("test"), QStringLiteral("-f"), QStringLiteral("/a")})
                           .exitCode
                    == 0;
            },
            5000));
        const ProcessResult df = berth({QStringLiteral("system"), QStringLiteral("df")});
        QCOMPARE(df.exitCode, 0);
        // busybox is in use now: none of its 1.98MB can be reclaimed.
        QVERIFY2(QRegularExpression(QStringLiteral("\\nImages +1 +1 +1\\.98MB +0B \\(0%\\)\\n")).match(df.out).hasMatch(),
                 qPrintable(df.out));
        QVERIFY2(QRegularExpression(QStringLiteral("\\nContainers +2 +1 +3kB +0B \\(0%\\)\\n")).match(df.out).hasMatch(),
                 qPrintable(df.out));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), running, stopped}).exitCode, 0);
    }

    void diffListsWhatTheContainerChanged()
    {
        const QString id = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("-v"), QStringLiteral("/vol"),
                                  QStringLiteral("busybox"), QStringLiteral("sh"), QStringLiteral("-c"),
                                  QStringLiteral("echo x > /newfile; echo 'u:x:5:5::/:/bin/sh' >> /etc/passwd; rm /bin/true; "
                                                 "mkdir -p /newdir/sub; touch /ready; sleep 1000")})
                               .out.trimmed();
        QTRY_VERIFY(berth({QStringLiteral("diff"), id}).out.contains(u"A /ready"));
        // As docker: parents of changes as C, and nothing of what the engine mounts.
        QCOMPARE(berth({QStringLiteral("diff"), id}).out,
                 QStringLiteral("C /bin\nD /bin/true\nC /etc\nC /etc/passwd\nA /newdir\nA /newdir/sub\nA /newfile\nA /ready\n"));
        const QString fresh = berth({QStringLiteral("create"), QStringLiteral("busybox")}).out.trimmed();
        QCOMPARE(berth({QStringLiteral("diff"), fresh}).out, QString());
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("-v"), id, fresh}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("diff"), QStringLiteral("no-such-container")}).exitCode, 1);
    }

    void topAndStatsOfARunningContainer()
    {
        const QString id = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"),
                                  QStringLiteral("watched"), QStringLiteral("-m"), QStringLiteral("64m"),
                                  QStringLiteral("busybox"), QStringLiteral("sleep"), QStringLiteral("1000")})
                               .out.trimmed();
        const ProcessResult top = berth({QStringLiteral("top"), QStringLiteral("watched")});
        QCOMPARE(top.exitCode, 0);
        QVERIFY2(top.out.startsWith(u"UID   PID"), qPrintable(top.out));
        const int pid = inspect(id).value(u"State").toObject().value(u"Pid").toInt();
        QVERIFY2(QRegularExpression(QStringLiteral("\\n0 +%1 .* sleep 1000\\n").arg(pid)).match(top.out).hasMatch(),
                 qPrintable(top.out));

        const ProcessResult stats = berth({QStringLiteral("stats"), QStringLiteral("--no-stream"), QStringLiteral("watched")});
        QCOMPARE(stats.exitCode, 0);
        QVERIFY2(stats.out.contains(u"MEM USAGE / LIMIT"), qPrintable(stats.out));
        QVERIFY2(QRegularExpression(QStringLiteral("%1 +watched +[0-9.]+% +[0-9.]+[KM]iB / 64\\.00MiB +[0-9.]+% +[0-9.]+[kMG]?B "
                                                   "/ [0-9.]+[kMG]?B +[0-9.]+[kMG]?B / [0-9.]+[kMG]?B +1\\n")
                                        .arg(id.left(12)))
                     .match(stats.out)
                     .hasMatch(),
                 qPrintable(stats.out));
        // A stopped container: left out, unless -a asks for all (then in zeros, as docker).
        const QString ended = berth({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("resting"),
                                     QStringLiteral("busybox"), QStringLiteral("true")})
                                  .out.trimmed();
        const QStringList noStream{QStringLiteral("stats"), QStringLiteral("--no-stream"), QStringLiteral("--format"),
                                   QStringLiteral("{{.Name}} {{.CPUPerc}} {{.PIDs}}")};
        const QString running = berth(noStream).out;
        QVERIFY2(running.contains(u"watched ") && !running.contains(u"resting"), qPrintable(running));
        const QString all = berth(noStream + QStringList{QStringLiteral("-a")}).out;
        QVERIFY2(all.contains(u"watched ") && all.contains(u"resting 0.00% 0\n"), qPrintable(all));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), id, ended}).exitCode, 0);
        const ProcessResult stopped = berth({QStringLiteral("top"), id});
        QVERIFY(stopped.exitCode != 0);
    }

    void aContainerCannotDriveTheEngine()
    {
        // The host's own berth CLI, run inside a container (chroot into the host's root, bound
        // in), reaches the bus socket but is refused: the caller's process is in a container.
        const ProcessResult run
            = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-v"), QStringLiteral("/:/host"),
                     QStringLiteral("-e"), QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS=") + m_engine.busAddress(),
                     QStringLiteral("-e"), QStringLiteral("LC_ALL=C.UTF-8"), QStringLiteral("busybox"), QStringLiteral("chroot"),
                     QStringLiteral("/host"), IsolatedEngine::binary(QStringLiteral("berth")), QStringLiteral("info")});
        QVERIFY2(run.err.contains(u"calls from inside a Berth container are refused"), qPrintable(run.err + run.out));
        QVERIFY(run.exitCode != 0);
        QCOMPARE(berth({QStringLiteral("info")}).exitCode, 0); // the same call from the host works
    }

    void containersOutliveAKilledHelper()
    {
        const QString sleeper
            = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("busybox"), QStringLiteral("sh"),
                     QStringLiteral("-c"), QStringLiteral("echo before; exec sleep 1000")})
                  .out.trimmed();
        const QString bouncer
            = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--restart=always"), QStringLiteral("busybox"),
                     QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("sleep 2; exit 1")})
                  .out.trimmed();
        const QString failing
            = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--restart=on-failure:3"),
                     QStringLiteral("busybox"), QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("sleep 2; exit 1")})
                  .out.trimmed();
        // Stopped by hand: unless-stopped keeps it stopped, also when the engine starts again.
        const QString stopped = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--restart=unless-stopped"),
                                       QStringLiteral("busybox"), QStringLiteral("sleep"), QStringLiteral("1000")})
                                    .out.trimmed();
        QCOMPARE(berth({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("0"), stopped}).exitCode, 0);
        const int pid = inspect(sleeper).value(u"State").toObject().value(u"Pid").toInt();
        QVERIFY(pid > 1);
        ::kill(pid_t(m_engine.helperPid()), SIGKILL);
        QVERIFY(!m_engine.stopHelper()); // it did not exit cleanly: it was killed
        QTest::qWait(2500); // the bouncer exits while no helper runs
        QCOMPARE(::kill(pid, 0), 0);
        QVERIFY2(m_engine.startHelper(), qPrintable(m_engine.errorString()));

        QCOMPARE(state(sleeper), QStringLiteral("running"));
        QCOMPARE(inspect(sleeper).value(u"State").toObject().value(u"Pid").toInt(), pid);
        QCOMPARE(berth({QStringLiteral("logs"), sleeper}).out, QStringLiteral("before\n"));
        QVERIFY(QTest::qWaitFor([&] { return inspect(bouncer).value(u"RestartCount").toInt() >= 1; }, 10000));
        QVERIFY(QTest::qWaitFor([&] { return inspect(failing).value(u"RestartCount").toInt() >= 1; }, 10000));
        QCOMPARE(state(stopped), QStringLiteral("exited"));
        QCOMPARE(inspect(stopped).value(u"RestartCount").toInt(), 0);
        // The adopted container is stopped as any other.
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), sleeper, bouncer, failing, stopped}).exitCode, 0);
        QVERIFY(QTest::qWaitFor([&] { return ::kill(pid, 0) != 0; }, 5000)); // the adopted monitor reaped it
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !berth({QStringLiteral("ps"), QStringLiteral("-aq")}).out.contains(sleeper.left(12));
            },
            5000));
    }

    void aRestartPendingWhileTheHelperIsAwayHappensOnce()
    {
        const QString bouncer
            = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--restart=always"), QStringLiteral("busybox"),
                     QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 3")})
                  .out.trimmed();
        // After six quick exits the back-off is 3.2 s: the helper is killed within it.
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QJsonObject container = inspect(bouncer);
                return container.value(u"RestartCount").toInt() == 6
                    && container.value(u"State").toObject().value(u"Status").toString() == u"restarting";
            },
            15000));
        ::kill(pid_t(m_engine.helperPid()), SIGKILL);
        QVERIFY(!m_engine.stopHelper());
        const QDateTime killed = QDateTime::currentDateTimeUtc();
        QVERIFY2(m_engine.startHelper(), qPrintable(m_engine.errorString()));

        // The restarted helper starts it at once, without counting a death of its own.
        const auto startedAt = [&] {
            return QDateTime::fromString(inspect(bouncer).value(u"State").toObject().value(u"StartedAt").toString(),
                                         Qt::ISODateWithMs);
        };
        QVERIFY(QTest::qWaitFor([&] { return startedAt() > killed; }, 2500));
        const QJsonObject container = inspect(bouncer);
        QVERIFY(container.value(u"RestartCount").toInt() <= 7);
        QCOMPARE(container.value(u"State").toObject().value(u"Error").toString(), QString());
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), bouncer}).exitCode, 0);
    }

private:
    IsolatedEngine m_engine;
};

QTEST_GUILESS_MAIN(TestContainers)
#include "tst_containers.moc"
