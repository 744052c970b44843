// `cp`, `export` and browsing against an isolated engine: docker's path rules both ways, on
// running and stopped containers, into volumes; and the hostile cases: symlinks in the container
// that point at host paths (absolute and relative), ".." climbing, tar streams with hostile
// entries, read-only destinations, odd names, and a 2 GB file that must stream.  After each
// hostile case the host outside the container is checked to be unchanged.

#include "files/passedcontent.h"
#include "isolatedengine.h"
#include "tarbuilder.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDBusUnixFileDescriptor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace berth::test;

namespace {

QString path(const QTemporaryDir &dir, const QString &name)
{
    return dir.filePath(name);
}

bool writeFile(const QString &name, const QByteArray &content)
{
    QFile file(name);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray readFile(const QString &name)
{
    QFile file(name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

qint64 peakResidentKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

} // namespace

class TestFiles : public QObject
{
    Q_OBJECT

    ProcessResult berth(const QStringList &arguments, const QByteArray &input = {}) const
    {
        return m_engine.berth(arguments, input);
    }

    // Through a shell, for binary streams on stdout or stdin.
    ProcessResult shell(const QString &command) const
    {
        QProcessEnvironment env = m_engine.environment();
        env.insert(QStringLiteral("BERTH"), IsolatedEngine::binary(QStringLiteral("berth")));
        return runProcess(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command}, env, {}, 600000);
    }

    QString inContainer(const QString &container, const QString &command) const
    {
        return berth({QStringLiteral("exec"), container, QStringLiteral("sh"), QStringLiteral("-c"), command}).out;
    }

    QString runDetached(const QStringList &arguments) const
    {
        return berth(QStringList{QStringLiteral("run"), QStringLiteral("-d")} + arguments).out.trimmed();
    }

    QDBusMessage callFiles(const QString &method, const QVariantList &arguments) const
    {
        auto bus = QDBusConnection::connectToBus(m_engine.busAddress(), QStringLiteral("tst_files"));
        QDBusMessage call
            = QDBusMessage::createMethodCall(QStringLiteral("org.berth.Engine1"), QStringLiteral("/org/berth/Engine1/files"),
                                             QStringLiteral("org.berth.Engine1.Files"), method);
        call.setArguments(arguments);
        return bus.call(call, QDBus::Block, 60000);
    }

    // CopyToContainer into web:/tmp as the CLI calls it, with a socket; `tar` goes into the
    // socket, each descriptor of `passed` with one byte of it.  The job's status when it ends.
    QVariantMap copyInBySocket(const QByteArray &tar, const QList<int> &passed) const
    {
        int ends[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0)
            return {};
        const berth::UniqueFd ours(ends[0]), theirs(ends[1]);
        const QDBusMessage reply = callFiles(QStringLiteral("CopyToContainer"),
                                             {QStringLiteral("web"), QByteArray("/tmp"),
                                              QVariant::fromValue(QDBusUnixFileDescriptor(theirs.get())), QVariantMap{}});
        if (reply.type() != QDBusMessage::ReplyMessage)
            return {{QStringLiteral("ErrorMessage"), reply.errorMessage()}};
        qsizetype sent = 0;
        for (int fd : passed) {
            if (!berth::sendWithDescriptor(ours.get(), tar.constData() + sent, 1, fd))
                return {};
            ++sent;
        }
        ::send(ours.get(), tar.constData() + sent, size_t(tar.size() - sent), MSG_NOSIGNAL);
        ::shutdown(ours.get(), SHUT_WR);
        const QString job = qvariant_cast<QDBusObjectPath>(reply.arguments().value(0)).path();
        auto bus = QDBusConnection::connectToBus(m_engine.busAddress(), QStringLiteral("tst_files"));
        QVariantMap status;
        (void)QTest::qWaitFor(
            [&] {
                QDBusMessage ask
                    = QDBusMessage::createMethodCall(QStringLiteral("org.berth.Engine1"), job,
                                                     QStringLiteral("org.berth.Engine1.Job"), QStringLiteral("GetStatus"));
                ask.setArguments({QVariantMap{}});
                status = qdbus_cast<QVariantMap>(bus.call(ask).arguments().value(0));
                const QString state = status.value(QStringLiteral("State")).toString();
                return state == u"succeeded" || state == u"failed" || state == u"cancelled";
            },
            30000);
        return status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        QVERIFY2(m_engine.start(), qPrintable(m_engine.errorString()));
        QVERIFY(m_host.isValid());
        ::chmod(QFile::encodeName(m_host.path()).constData(), 0755);
        QVERIFY(writeFile(path(m_host, QStringLiteral("victim")), "host file\n"));
        m_web = runDetached({QStringLiteral("--name"), QStringLiteral("web"), QStringLiteral("busybox"), QStringLiteral("sleep"),
                             QStringLiteral("1000")});
        QCOMPARE(m_web.size(), 64);
        QCOMPARE(berth({QStringLiteral("exec"), QStringLiteral("web"), QStringLiteral("mkdir"), QStringLiteral("/opt")}).exitCode,
                 0);
    }

    void cleanupTestCase()
    {
        // The host file the hostile cases aimed at is as it was, and nothing appeared beside it.
        QCOMPARE(readFile(path(m_host, QStringLiteral("victim"))), QByteArray("host file\n"));
        QCOMPARE(QDir(m_host.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList{QStringLiteral("victim")});
        m_engine.stop();
        // Names that are not UTF-8 defeat QTemporaryDir's removal.
        runProcess(QStringLiteral("rm"), {QStringLiteral("-rf"), m_engine.path()});
    }

    void theDocumentedExampleWorksLikeDocker()
    {
        QTemporaryDir local;
        const QString script = path(local, QStringLiteral("docker_install.sh"));
        QVERIFY(writeFile(script, "#!/bin/sh\necho installed\n"));
        QVERIFY(QFile::setPermissions(script,
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                          | QFile::ReadOther | QFile::ExeOther));
        const ProcessResult in = berth({QStringLiteral("cp"), script, QStringLiteral("web:/opt")});
        QVERIFY2(in.exitCode == 0, qPrintable(in.err));
        QCOMPARE(berth({QStringLiteral("exec"), QStringLiteral("web"), QStringLiteral("ls"), QStringLiteral("/opt")}).out,
                 QStringLiteral("docker_install.sh\n"));
        // Owned by the container's root, mode kept.
        QCOMPARE(inContainer(QStringLiteral("web"), QStringLiteral("stat -c '%u:%g %a' /opt/docker_install.sh")),
                 QStringLiteral("0:0 755\n"));
        const QString back = path(local, QStringLiteral("1.sh"));
        const ProcessResult out = berth({QStringLiteral("cp"), QStringLiteral("web:/opt/docker_install.sh"), back});
        QVERIFY2(out.exitCode == 0, qPrintable(out.err));
        QCOMPARE(readFile(back), readFile(script));
        QVERIFY(QFileInfo(back).isExecutable());
    }

    void directoriesFollowDockersRules()
    {
        QTemporaryDir local;
        QVERIFY(QDir(local.path()).mkpath(QStringLiteral("site/css")));
        QVERIFY(writeFile(path(local, QStringLiteral("site/index.html")), "<h1>hi</h1>\n"));
        QVERIFY(writeFile(path(local, QStringLiteral("site/css/a.css")), "body{}\n"));
        const QString site = path(local, QStringLiteral("site"));
        // A directory to a path that does not exist: created with the contents.
        QCOMPARE(berth({QStringLiteral("cp"), site, QStringLiteral("web:/srv")}).exitCode, 0);
        QCOMPARE(inContainer(QStringLiteral("web"), QStringLiteral("cd /srv && find . | sort")),
                 QStringLiteral(".\n./css\n./css/a.css\n./index.html\n"));
        // To a directory that exists: inside it, by its own name; with "/." its contents.
        QCOMPARE(berth({QStringLiteral("cp"), site, QStringLiteral("web:/opt")}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("cp"), site + QStringLiteral("/."), QStringLiteral("web:/tmp")}).exitCode, 0);
        QCOMPARE(inContainer(QStringLiteral("web"), QStringLiteral("cat /opt/site/css/a.css /tmp/index.html")),
                 QStringLiteral("body{}\n<h1>hi</h1>\n"));
        // A directory onto a file, and a file into a directory that does not exist: refused.
        const ProcessResult ontoFile = berth({QStringLiteral("cp"), site, QStringLiteral("web:/tmp/index.html")});
        QCOMPARE(ontoFile.exitCode, 1);
        QVERIFY2(ontoFile.err.contains(u"cannot copy a directory to a file"), qPrintable(ontoFile.err));
        const ProcessResult noDirectory
            = berth({QStringLiteral("cp"), path(local, QStringLiteral("site/index.html")), QStringLiteral("web:/nowhere/")});
        QCOMPARE(noDirectory.exitCode, 1);
        QVERIFY2(noDirectory.err.contains(u"no such directory"), qPrintable(noDirectory.err));
        // Out again, the same three ways.
        QCOMPARE(berth({QStringLiteral("cp"), QStringLiteral("web:/srv"), path(local, QStringLiteral("fresh"))}).exitCode, 0);
        QCOMPARE(readFile(path(local, QStringLiteral("fresh/css/a.css"))), QByteArray("body{}\n"));
        QCOMPARE(berth({QStringLiteral("cp"), QStringLiteral("web:/srv"), path(local, QStringLiteral("fresh"))}).exitCode, 0);
        QCOMPARE(readFile(path(local, QStringLiteral("fresh/srv/index.html"))), QByteArray("<h1>hi</h1>\n"));
        QVERIFY(QDir(local.path()).mkdir(QStringLiteral("flat")));
        QCOMPARE(berth({QStringLiteral("cp"), QStringLiteral("web:/srv/."), path(local, QStringLiteral("flat"))}).exitCode, 0);
        QCOMPARE(QDir(path(local, QStringLiteral("flat"))).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
                 (QStringList{QStringLiteral("css"), QStringLiteral("index.html")}));
        // Sources that do not exist, in docker's words.
        const ProcessResult missing = berth({QStringLiteral("cp"), QStringLiteral("web:/nope"), local.path()});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(u"Could not find the file /nope in container web"), qPrintable(missing.err));
        const ProcessResult missingHere
            = berth({QStringLiteral("cp"), path(local, QStringLiteral("nope")), QStringLiteral("web:/tmp")});
        QCOMPARE(missingHere.exitCode, 1);
        QVERIFY2(missingHere.err.contains(u"no such file or directory", Qt::CaseInsensitive), qPrintable(missingHere.err));
        QCOMPARE(berth({QStringLiteral("cp"), QStringLiteral("a"), QStringLiteral("b")}).exitCode, 125);
    }

    void stoppedContainersAndVolumes()
    {
        QTemporaryDir local;
        QVERIFY(writeFile(path(local, QStringLiteral("conf")), "setting=1\n"));
        const QString id = berth({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("later"),
                                  QStringLiteral("-v"), QStringLiteral("filesdata:/data"), QStringLiteral("busybox"),
                                  QStringLiteral("sleep"), QStringLiteral("1000")})
                               .out.trimmed();
        QCOMPARE(id.size(), 64);
        // Into the container's layer and into its volume, before it ever ran.
        QCOMPARE(
            berth({QStringLiteral("cp"), path(local, QStringLiteral("conf")), QStringLiteral("later:/etc/app.conf")}).exitCode,
            0);
        QCOMPARE(berth({QStringLiteral("cp"), path(local, QStringLiteral("conf")), QStringLiteral("later:/data/")}).exitCode, 0);
        QCOMPARE(
            berth({QStringLiteral("cp"), QStringLiteral("later:/etc/app.conf"), path(local, QStringLiteral("back"))}).exitCode,
            0);
        QCOMPARE(readFile(path(local, QStringLiteral("back"))), QByteArray("setting=1\n"));
        QCOMPARE(berth({QStringLiteral("start"), QStringLiteral("later")}).exitCode, 0);
        QCOMPARE(inContainer(QStringLiteral("later"), QStringLiteral("cat /etc/app.conf /data/conf")),
                 QStringLiteral("setting=1\nsetting=1\n"));
        // A mount point is neither replaced nor removed: the container keeps its volume.
        const ProcessResult ontoMount
            = berth({QStringLiteral("cp"), path(local, QStringLiteral("conf")), QStringLiteral("later:/etc/hostname")});
        QCOMPARE(ontoMount.exitCode, 1);
        QVERIFY2(ontoMount.err.contains(u"mount point"), qPrintable(ontoMount.err));
        QCOMPARE(
            callFiles(QStringLiteral("RemovePath"), {QStringLiteral("later"), QByteArray("/data"), QVariantMap{}}).errorName(),
            QStringLiteral("org.berth.Error.Conflict"));
        QCOMPARE(inContainer(QStringLiteral("later"), QStringLiteral("cat /data/conf")), QStringLiteral("setting=1\n"));
        // Running, its volume is seen as the container sees it.
        QCOMPARE(inContainer(QStringLiteral("later"), QStringLiteral("echo fresh > /data/new")), QString());
        QCOMPARE(berth({QStringLiteral("cp"), QStringLiteral("later:/data/new"), path(local, QStringLiteral("new"))}).exitCode,
                 0);
        QCOMPARE(readFile(path(local, QStringLiteral("new"))), QByteArray("fresh\n"));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("later")}).exitCode, 0);
    }

    void symlinksInTheContainerCannotReachTheHost()
    {
        const QString hostDir = m_host.path();
        // Absolute and relative links to the host's directory, as a hostile container makes them.
        inContainer(QStringLiteral("web"),
                    QStringLiteral("mkdir -p %1 && ln -s %1 /abs && ln -s ../../../../../../..%1 /tmp/rel && "
                                   "ln -s %1/victim /victimlink")
                        .arg(hostDir));
        QTemporaryDir local;
        QVERIFY(writeFile(path(local, QStringLiteral("victim")), "container file\n"));
        for (const QString &target :
             {QStringLiteral("web:/abs/"), QStringLiteral("web:/tmp/rel/"), QStringLiteral("web:/victimlink")}) {
            const ProcessResult copied = berth({QStringLiteral("cp"), path(local, QStringLiteral("victim")), target});
            QVERIFY2(copied.exitCode == 0 || copied.exitCode == 1, qPrintable(copied.err));
            QCOMPARE(readFile(path(m_host, QStringLiteral("victim"))), QByteArray("host file\n"));
        }
        // What the links name is the container's own path.
        QCOMPARE(inContainer(QStringLiteral("web"), QStringLiteral("cat %1/victim").arg(hostDir)),
                 QStringLiteral("container file\n"));
        // Reading through them reads the container, never the host.
        const ProcessResult out = berth(
            {QStringLiteral("cp"), QStringLiteral("-L"), QStringLiteral("web:/victimlink"), path(local, QStringLiteral("read"))});
        QVERIFY2(out.exitCode == 0, qPrintable(out.err));
        QCOMPARE(readFile(path(local, QStringLiteral("read"))), QByteArray("container file\n"));
        // ".." stops at the container's root.
        QCOMPARE(
            berth({QStringLiteral("cp"), QStringLiteral("web:/../../../../etc/passwd"), path(local, QStringLiteral("passwd"))})
                .exitCode,
            0);
        QCOMPARE(readFile(path(local, QStringLiteral("passwd"))),
                 inContainer(QStringLiteral("web"), QStringLiteral("cat /etc/passwd")).toUtf8());
    }

    void hostileTarStreamsAreRefusedOrContained()
    {
        const QString marker = QStringLiteral("berth-files-%1").arg(::getpid());
        // ".." in an entry: refused, nothing written.
        const ProcessResult climbing = berth({QStringLiteral("cp"), QStringLiteral("-"), QStringLiteral("web:/tmp")},
                                             TarBuilder().file("../../../../" + marker.toUtf8(), "x").finish());
        QCOMPARE(climbing.exitCode, 1);
        QVERIFY2(climbing.err.contains(u"climbs out"), qPrintable(climbing.err));
        // An absolute name, a link to "/" written through, a hard link to a file outside, a
        // device node: all land inside /tmp of the container, or are refused.
        const QByteArray tar = TarBuilder()
                                   .file("/" + marker.toUtf8(), "absolute")
                                   .symlink("root", "/")
                                   .file("root/etc/" + marker.toUtf8(), "through the link")
                                   .symlink("up", "../../../../..")
                                   .file("up/" + marker.toUtf8() + "-up", "through a climbing link")
                                   .charDevice("null2", 1, 3)
                                   .finish();
        const ProcessResult contained = berth({QStringLiteral("cp"), QStringLiteral("-"), QStringLiteral("web:/tmp")}, tar);
        QVERIFY2(contained.exitCode == 0, qPrintable(contained.err));
        QCOMPARE(inContainer(QStringLiteral("web"),
                             QStringLiteral("cat /tmp/%1 /tmp/etc/%1 /tmp/%1-up; ls /tmp/null2 2>&1 | wc -l; "
                                            "ls /etc/%1 2>/dev/null | wc -l")
                                 .arg(marker)),
                 QStringLiteral("absolutethrough the linkthrough a climbing link1\n0\n"));
        const ProcessResult hardlink = berth({QStringLiteral("cp"), QStringLiteral("-"), QStringLiteral("web:/tmp")},
                                             TarBuilder().hardlink("hl", "../../etc/passwd").finish());
        QCOMPARE(hardlink.exitCode, 1);
        for (const QString &hostPath :
             {QStringLiteral("/") + marker, QStringLiteral("/etc/") + marker, QStringLiteral("/tmp/") + marker,
              m_engine.dataRoot() + u'/' + marker, QStringLiteral("/") + marker + QStringLiteral("-up")})
            QVERIFY2(!QFileInfo::exists(hostPath), qPrintable(hostPath));
        // A stream that is not a tar at all, and one cut short.
        QCOMPARE(berth({QStringLiteral("cp"), QStringLiteral("-"), QStringLiteral("web:/tmp")}, "not a tar stream").exitCode, 1);
        QCOMPARE(berth({QStringLiteral("cp"), QStringLiteral("-"), QStringLiteral("web:/tmp")},
                       TarBuilder().file("cut-short", QByteArray(100000, 'x')).finish().left(3000))
                     .exitCode,
                 1);
        QCOMPARE(inContainer(QStringLiteral("web"), QStringLiteral("ls /tmp/cut-short 2>/dev/null | wc -l")),
                 QStringLiteral("0\n"));
        // The engine is still there.
        QCOMPARE(berth({QStringLiteral("exec"), QStringLiteral("web"), QStringLiteral("true")}).exitCode, 0);
    }

    // Large files' content may come beside the stream (files/passedcontent.h); what comes is
    // checked before a byte of it is used.
    void contentPassedBesideTheStreamIsChecked()
    {
        QTemporaryDir local;
        const QString source = path(local, QStringLiteral("source"));
        QVERIFY(writeFile(source, "passed!"));
        const berth::UniqueFd file(::open(QFile::encodeName(source).constData(), O_RDONLY | O_CLOEXEC));
        const berth::UniqueFd directory(::open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        const berth::UniqueFd kernelFile(::open("/proc/self/status", O_RDONLY | O_CLOEXEC));
        const auto marked = [](const QByteArray &name, const QByteArray &size) {
            return TarBuilder().file(name, {}, 0644, 0, 0, {{berth::kPassedSizeAttribute, size}}).finish();
        };
        const auto failure = [](const QVariantMap &status) {
            return status.value(QStringLiteral("ErrorName")).toString() + u' '
                + status.value(QStringLiteral("ErrorMessage")).toString();
        };

        // The file itself, as the CLI passes it: copied.
        QVariantMap status = copyInBySocket(marked("passed-ok", "7"), {file.get()});
        QVERIFY2(status.value(QStringLiteral("State")).toString() == u"succeeded", qPrintable(failure(status)));
        QCOMPARE(inContainer(QStringLiteral("web"), QStringLiteral("cat /tmp/passed-ok")), QStringLiteral("passed!"));

        struct Refusal
        {
            const char *name;
            QByteArray tar;
            QList<int> passed;
            QString says;
        };
        const QList<Refusal> refusals = {
            {"passed-none", marked("passed-none", "7"), {}, QStringLiteral("none came")},
            {"passed-dir", marked("passed-dir", "7"), {directory.get()}, QStringLiteral("is not a file")},
            {"passed-short", marked("passed-short", "100"), {file.get()}, QStringLiteral("ended after 7 of 100 bytes")},
            {"passed-proc", marked("passed-proc", "0"), {kernelFile.get()}, QStringLiteral("the kernel's own")},
            {"passed-bad", marked("passed-bad", "-5"), {file.get()}, QStringLiteral("wrongly")},
            {"passed-many", TarBuilder().file("passed-many", "x").finish(), QList<int>(70, file.get()),
             QStringLiteral("more descriptors came")},
        };
        for (const Refusal &refusal : refusals) {
            status = copyInBySocket(refusal.tar, refusal.passed);
            QVERIFY2(status.value(QStringLiteral("ErrorName")).toString() == u"org.berth.Error.InvalidArgument"
                         && status.value(QStringLiteral("ErrorMessage")).toString().contains(refusal.says),
                     qPrintable(QStringLiteral("%1: %2").arg(QLatin1StringView(refusal.name), failure(status))));
        }
        // From a plain stream (stdin of `cp -`) nothing passed can come.
        const ProcessResult piped
            = berth({QStringLiteral("cp"), QStringLiteral("-"), QStringLiteral("web:/tmp")}, marked("passed-piped", "7"));
        QCOMPARE(piped.exitCode, 1);
        QVERIFY2(piped.err.contains(u"not taken here"), qPrintable(piped.err));
        // A refused entry leaves no file; the engine is still there.
        QCOMPARE(inContainer(
                     QStringLiteral("web"),
                     QStringLiteral("cat /tmp/passed-none /tmp/passed-dir /tmp/passed-short /tmp/passed-bad "
                                    "/tmp/passed-proc /tmp/passed-piped 2>/dev/null; ls /tmp/passed-many 2>/dev/null | wc -l")),
                 QStringLiteral("0\n"));
    }

    // Coming out with passContent, the engine hands over the container's own files; only from a
    // sealed copy of its mounts, so the descriptor reads and does nothing else: no write, no
    // chmod, and no exec (a setuid root binary in the container run on the host).
    void handedOutFilesCanOnlyBeRead()
    {
        int ends[2];
        QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) == 0);
        const berth::UniqueFd ours(ends[0]), theirs(ends[1]);
        const QDBusMessage reply = callFiles(QStringLiteral("CopyFromContainer"),
                                             {QStringLiteral("web"), QByteArray("/bin/busybox"),
                                              QVariant::fromValue(QDBusUnixFileDescriptor(theirs.get())),
                                              QVariantMap{{QStringLiteral("passContent"), true}}});
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
        // The header of busybox (more than 1 MiB) comes with its descriptor.
        char header[4096];
        alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))];
        iovec part{header, sizeof header};
        msghdr message{};
        message.msg_iov = &part;
        message.msg_iovlen = 1;
        message.msg_control = control;
        message.msg_controllen = sizeof control;
        QVERIFY(::recvmsg(ours.get(), &message, MSG_CMSG_CLOEXEC) > 0);
        const cmsghdr *passed = CMSG_FIRSTHDR(&message);
        QVERIFY2(passed && passed->cmsg_type == SCM_RIGHTS, "no descriptor came with the header");
        int fd = -1;
        std::memcpy(&fd, CMSG_DATA(passed), sizeof fd);
        const berth::UniqueFd file(fd);

        char magic[4] = {};
        QCOMPARE(::pread(file.get(), magic, 4, 0), ssize_t(4));
        QCOMPARE(QByteArray(magic, 4),
                 QByteArray("\x7f"
                            "ELF"));
        QCOMPARE(::fchmod(file.get(), 04755), -1);
        QCOMPARE(errno, EROFS);
        const QByteArray again = "/proc/self/fd/" + QByteArray::number(file.get());
        QCOMPARE(::open(again.constData(), O_WRONLY | O_CLOEXEC), -1);
        const pid_t child = ::fork();
        if (child == 0) {
            char *const argv[] = {const_cast<char *>("true"), nullptr};
            char *const envp[] = {nullptr};
            ::syscall(SYS_execveat, file.get(), "", argv, envp, AT_EMPTY_PATH);
            ::_exit(errno == EACCES ? 42 : 43);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 42, "the handed-out file could be executed");
    }

    void readOnlyDestinationsAreRefused()
    {
        QTemporaryDir local;
        QVERIFY(writeFile(path(local, QStringLiteral("f")), "f\n"));
        const QString readOnly
            = runDetached({QStringLiteral("--read-only"), QStringLiteral("-v"), QStringLiteral("rovolume:/ro:ro"),
                           QStringLiteral("busybox"), QStringLiteral("sleep"), QStringLiteral("1000")});
        QCOMPARE(readOnly.size(), 64);
        for (const QString &target : {readOnly + QStringLiteral(":/etc"), readOnly + QStringLiteral(":/ro")}) {
            const ProcessResult refused = berth({QStringLiteral("cp"), path(local, QStringLiteral("f")), target});
            QCOMPARE(refused.exitCode, 1);
            QVERIFY2(refused.err.contains(u"read-only"), qPrintable(refused.err));
        }
        QCOMPARE(berth({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("0"), readOnly}).exitCode, 0);
        // Stopped, the same.
        const ProcessResult stopped
            = berth({QStringLiteral("cp"), path(local, QStringLiteral("f")), readOnly + QStringLiteral(":/ro")});
        QCOMPARE(stopped.exitCode, 1);
        QVERIFY2(stopped.err.contains(u"read-only"), qPrintable(stopped.err));
        QCOMPARE(berth({QStringLiteral("rm"), readOnly}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("rovolume")}).exitCode, 0);
    }

    void oddNamesSurviveBothWays()
    {
        // A newline and a byte that is not UTF-8, made in the container and copied out.
        inContainer(QStringLiteral("web"),
                    QStringLiteral("mkdir /odd && printf 1 > \"/odd/two$(printf '\\nlines')\" && "
                                   "printf 2 > /odd/$(printf 'bad\\377name')"));
        QTemporaryDir local;
        QCOMPARE(berth({QStringLiteral("cp"), QStringLiteral("web:/odd"), path(local, QStringLiteral("odd"))}).exitCode, 0);
        QCOMPARE(readFile(path(local, QStringLiteral("odd")) + QStringLiteral("/two\nlines")), QByteArray("1"));
        const QByteArray badName = QFile::encodeName(path(local, QStringLiteral("odd"))) + "/bad\377name";
        QFile bad(QFile::decodeName(badName));
        struct stat st
        {
        };
        QCOMPARE(::stat(badName.constData(), &st), 0);
        QCOMPARE(qint64(st.st_size), qint64(1));
        // And back in, under another name.
        QCOMPARE(berth({QStringLiteral("cp"), path(local, QStringLiteral("odd")), QStringLiteral("web:/odd2")}).exitCode, 0);
        QCOMPARE(inContainer(QStringLiteral("web"), QStringLiteral("cat /odd2/two*lines; cat /odd2/bad*name")),
                 QStringLiteral("12"));
        runProcess(QStringLiteral("rm"), {QStringLiteral("-rf"), local.path()});
    }

    void browsingListsAndStats()
    {
        const QDBusMessage listed
            = callFiles(QStringLiteral("ListDirectory"), {QStringLiteral("web"), QByteArray("/etc"), QVariantMap{}});
        QVERIFY2(listed.type() == QDBusMessage::ReplyMessage, qPrintable(listed.errorMessage()));
        QStringList names;
        const QDBusArgument entries = listed.arguments().value(0).value<QDBusArgument>();
        QList<QVariantMap> rows;
        entries >> rows;
        for (const QVariantMap &row : std::as_const(rows))
            names << QString::fromUtf8(row.value(QStringLiteral("Name")).toByteArray());
        QVERIFY2(names.contains(QStringLiteral("passwd")) && names.contains(QStringLiteral("hostname")),
                 qPrintable(names.join(u' ')));
        QCOMPARE(listed.arguments().value(1).toBool(), false);
        inContainer(QStringLiteral("web"), QStringLiteral("ln -s ../etc/passwd /browselink"));
        const QDBusMessage link
            = callFiles(QStringLiteral("StatPath"), {QStringLiteral("web"), QByteArray("/browselink"), QVariantMap{}});
        QVERIFY2(link.type() == QDBusMessage::ReplyMessage, qPrintable(link.errorMessage()));
        const QVariantMap info = qdbus_cast<QVariantMap>(link.arguments().value(0));
        QVERIFY(S_ISLNK(info.value(QStringLiteral("Mode")).toUInt()));
        QCOMPARE(info.value(QStringLiteral("LinkTarget")).toByteArray(), QByteArray("../etc/passwd"));
        QCOMPARE(info.value(QStringLiteral("Name")).toByteArray(), QByteArray("browselink"));
        const QDBusMessage notDirectory
            = callFiles(QStringLiteral("ListDirectory"), {QStringLiteral("web"), QByteArray("/etc/passwd"), QVariantMap{}});
        QCOMPARE(notDirectory.errorName(), QStringLiteral("org.berth.Error.InvalidArgument"));
        // A new directory, then a tree removed whose link points at the host: the link goes, the
        // host's file stays (checked at the end).
        QCOMPARE(callFiles(QStringLiteral("MakeDirectory"), {QStringLiteral("web"), QByteArray("/made"), QVariantMap{}}).type(),
                 QDBusMessage::ReplyMessage);
        QCOMPARE(
            callFiles(QStringLiteral("MakeDirectory"), {QStringLiteral("web"), QByteArray("/made"), QVariantMap{}}).errorName(),
            QStringLiteral("org.berth.Error.Conflict"));
        inContainer(
            QStringLiteral("web"),
            QStringLiteral("mkdir -p /made/deep/er && ln -s %1 /made/deep/host && echo x > /made/deep/er/f").arg(m_host.path()));
        const QDBusMessage removed
            = callFiles(QStringLiteral("RemovePath"), {QStringLiteral("web"), QByteArray("/made"), QVariantMap{}});
        QVERIFY2(removed.type() == QDBusMessage::ReplyMessage, qPrintable(removed.errorMessage()));
        QCOMPARE(inContainer(QStringLiteral("web"), QStringLiteral("ls -d /made 2>&1")),
                 QStringLiteral("ls: /made: No such file or directory\n"));
        QCOMPARE(callFiles(QStringLiteral("RemovePath"), {QStringLiteral("web"), QByteArray("/"), QVariantMap{}}).errorName(),
                 QStringLiteral("org.berth.Error.InvalidArgument"));
        QCOMPARE(callFiles(QStringLiteral("RemovePath"), {QStringLiteral("web"), QByteArray("/etc/hostname"), QVariantMap{}})
                     .errorName(),
                 QStringLiteral("org.berth.Error.Conflict")); // a bind mount
        const QDBusMessage badOption = callFiles(QStringLiteral("StatPath"),
                                                 {QStringLiteral("web"), QByteArray("/"), QVariantMap{{QStringLiteral("x"), 1}}});
        QCOMPARE(badOption.errorName(), QStringLiteral("org.berth.Error.InvalidArgument"));
    }

    void streamsMayGoToDevNull()
    {
        // A character device is a stream like a pipe: `> /dev/null` works as it does with docker.
        const ProcessResult copied = shell(QStringLiteral("\"$BERTH\" cp web:/etc/passwd - > /dev/null"));
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
        const ProcessResult exported = shell(QStringLiteral("\"$BERTH\" export web > /dev/null"));
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    }

    void exportThenImportRoundTrips()
    {
        QTemporaryDir local;
        const QString tar = path(local, QStringLiteral("web.tar"));
        const ProcessResult exported = berth({QStringLiteral("export"), QStringLiteral("-o"), tar, QStringLiteral("web")});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        // Its own files only: the container's changes, not /proc or a volume.
        const ProcessResult listing = runProcess(QStringLiteral("tar"), {QStringLiteral("tf"), tar});
        QVERIFY2(listing.out.contains(u"./opt/docker_install.sh\n"), qPrintable(listing.out.left(2000)));
        QVERIFY(!listing.out.contains(u"./proc/self"));
        const ProcessResult imported = berth({QStringLiteral("import"), tar, QStringLiteral("exported:1")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const ProcessResult ran = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("exported:1"),
                                         QStringLiteral("cat"), QStringLiteral("/srv/index.html")});
        QCOMPARE(ran.out, QStringLiteral("<h1>hi</h1>\n"));
        QCOMPARE(berth({QStringLiteral("export"), QStringLiteral("nosuch")}).exitCode, 1);
    }

    void commitThenRunShowsTheChange()
    {
        const QString id = runDetached({QStringLiteral("--name"), QStringLiteral("committer"), QStringLiteral("busybox"),
                                        QStringLiteral("sleep"), QStringLiteral("1000")});
        QCOMPARE(id.size(), 64);
        // A file added, one deleted (a whiteout), a directory replaced (opaque).
        inContainer(QStringLiteral("committer"),
                    QStringLiteral("echo made > /made && rm /bin/vi && rm -rf /sbin && mkdir /sbin && "
                                   "echo only > /sbin/only"));
        const ProcessResult committed
            = berth({QStringLiteral("commit"), QStringLiteral("-a"), QStringLiteral("Tester <t@example.org>"),
                     QStringLiteral("-m"), QStringLiteral("the change"), QStringLiteral("-c"),
                     QStringLiteral("ENV COMMITTED=yes"), QStringLiteral("committer"), QStringLiteral("committed:1")});
        QVERIFY2(committed.exitCode == 0, qPrintable(committed.err));
        QVERIFY2(committed.out.startsWith(u"sha256:"), qPrintable(committed.out));
        const ProcessResult ran
            = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("committed:1"), QStringLiteral("sh"),
                     QStringLiteral("-c"), QStringLiteral("cat /made; ls /bin/vi 2>&1; ls /sbin; echo $COMMITTED")});
        QCOMPARE(ran.out, QStringLiteral("made\nls: /bin/vi: No such file or directory\nonly\nyes\n"));
        // The new layer holds the change, not the mount points the engine made for its /etc files.
        QTemporaryDir saved;
        const QString archive = path(saved, QStringLiteral("committed.tar"));
        QCOMPARE(berth({QStringLiteral("save"), QStringLiteral("-o"), archive, QStringLiteral("committed:1")}).exitCode, 0);
        const ProcessResult manifest
            = runProcess(QStringLiteral("tar"), {QStringLiteral("-xOf"), archive, QStringLiteral("manifest.json")});
        const QString topLayer = QJsonDocument::fromJson(manifest.out.toUtf8())
                                     .array()
                                     .first()
                                     .toObject()
                                     .value(u"Layers")
                                     .toArray()
                                     .last()
                                     .toString();
        QVERIFY(!topLayer.isEmpty());
        const ProcessResult entries = runProcess(
            QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("tar -xOf '%1' '%2' | tar -t").arg(archive, topLayer)});
        QVERIFY2(entries.out.contains(u"made\n"), qPrintable(entries.out));
        QVERIFY2(!entries.out.contains(u"hostname") && !entries.out.contains(u"resolv.conf"), qPrintable(entries.out));
        // The container's command became the image's, and it runs on, not left paused.
        const QJsonObject image
            = QJsonDocument::fromJson(
                  berth({QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("committed:1")}).out.toUtf8())
                  .array()
                  .first()
                  .toObject();
        QCOMPARE(image.value(u"Config").toObject().value(u"Cmd").toArray(),
                 (QJsonArray{QStringLiteral("sleep"), QStringLiteral("1000")}));
        QCOMPARE(image.value(u"Author").toString(), QStringLiteral("Tester <t@example.org>"));
        QVERIFY2(berth({QStringLiteral("history"), QStringLiteral("committed:1")}).out.contains(u"the change"), "the message");
        QCOMPARE(berth({QStringLiteral("ps"), QStringLiteral("--filter"), QStringLiteral("status=running"), QStringLiteral("-q"),
                        QStringLiteral("--filter"), QStringLiteral("name=committer")})
                     .out.trimmed(),
                 id.left(12));
        QCOMPARE(berth({QStringLiteral("commit"), QStringLiteral("nosuch")}).exitCode, 1);
        QCOMPARE(berth({QStringLiteral("commit"), QStringLiteral("-c"), QStringLiteral("BOGUS x"), QStringLiteral("committer")})
                     .exitCode,
                 1);
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), QStringLiteral("committer")}).exitCode, 0);
    }

    void aTwoGigabyteFileStreams()
    {
        QTemporaryDir local;
        const QString big = path(local, QStringLiteral("big"));
        {
            QFile file(big);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.resize(qint64(2) << 30));
            QVERIFY(file.seek((qint64(2) << 30) - 5));
            QCOMPARE(file.write("tail\n"), qint64(5));
        }
        const qint64 before = peakResidentKiB(m_engine.helperPid());
        QCOMPARE(berth({QStringLiteral("cp"), big, QStringLiteral("web:/tmp/big")}).exitCode, 0);
        QCOMPARE(inContainer(QStringLiteral("web"), QStringLiteral("stat -c %s /tmp/big; tail -c 5 /tmp/big")),
                 QStringLiteral("2147483648\ntail\n"));
        QVERIFY(QFile::remove(big));
        QCOMPARE(berth({QStringLiteral("cp"), QStringLiteral("web:/tmp/big"), big}).exitCode, 0);
        QCOMPARE(QFileInfo(big).size(), qint64(2) << 30);
        const qint64 after = peakResidentKiB(m_engine.helperPid());
        // Streamed: the helper's peak memory grew by far less than the file.
        QVERIFY2(after - before < 64 * 1024, qPrintable(QStringLiteral("%1 KiB -> %2 KiB").arg(before).arg(after)));
        inContainer(QStringLiteral("web"), QStringLiteral("rm /tmp/big"));
    }

private:
    IsolatedEngine m_engine;
    QTemporaryDir m_host; // a host directory hostile containers aim at
    QString m_web;
};

QTEST_GUILESS_MAIN(TestFiles)
#include "tst_files.moc"
