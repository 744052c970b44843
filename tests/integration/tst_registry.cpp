// Pulling from a real Distribution registry (Debian's docker-registry) on 127.0.0.1, filled
// by skopeo from `berth save` archives and by `berth push`: a pull downloads only the layers the
// store lacks and the image runs; by digest too; login, TLS, search; a download broken off is
// resumed (through a RegistryProxy that cuts it); an unknown tag, a corrupted or missing blob, a
// download that keeps breaking, a manifest of another media type or over 4 MiB each end in a
// clear error with no image registered and no blob left behind.

#include "isolatedengine.h"
#include "localregistry.h"
#include "registryproxy.h"
#include "tokenservice.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace berth::test;

namespace {

int countFiles(const QString &directory)
{
    int count = 0;
    for (QDirIterator it(directory, QDir::Files, QDirIterator::Subdirectories); it.hasNext(); it.next())
        ++count;
    return count;
}

} // namespace

class TestRegistry : public QObject
{
    Q_OBJECT

    ProcessResult berth(const QStringList &arguments, const QByteArray &input = {}) const
    {
        // The person's docker config lives in the test's directory.
        QProcessEnvironment env = m_engine.environment();
        env.insert(QStringLiteral("DOCKER_CONFIG"), m_work.filePath(QStringLiteral("docker")));
        return runProcess(IsolatedEngine::binary(QStringLiteral("berth")), arguments, env, input);
    }

    QString name(const QString &repository) const { return m_registry.name(repository); }

    // engine.json: the registries' CA certificates are looked for in the test's directory;
    // Docker Hub's mirrors are one where nothing answers and the local registry; `extra` adds
    // keys ("\"key\": value, ...").
    void writeSettings(const QString &extra = {}) const
    {
        QFile settings(m_engine.settingsFile());
        QVERIFY(settings.open(QIODevice::WriteOnly));
        settings.write(QStringLiteral("{%1\"cgroup-parent\": \"%2\", \"bridge\": \"%3\", \"registry-certs-dir\": \"%4\", "
                                      "\"registry-mirrors\": [\"http://127.0.0.1:%5\", \"http://%6\"]}\n")
                           .arg(extra.isEmpty() ? QString() : extra + QStringLiteral(", "), m_engine.cgroupParent(),
                                m_engine.bridge(), m_work.filePath(QStringLiteral("certs.d")))
                           .arg(m_deadMirror)
                           .arg(m_registry.host())
                           .toUtf8());
    }

    // The same, applied to the running engine.
    void reloadSettings(const QString &extra = {}) const
    {
        writeSettings(extra);
        const ProcessResult reloaded = berth({QStringLiteral("system"), QStringLiteral("reload")});
        QVERIFY2(reloaded.exitCode == 0, qPrintable(reloaded.err));
    }

    // podman with a storage of its own, so the host's stays untouched.
    ProcessResult podman(const QStringList &arguments) const
    {
        return runProcess(QStringLiteral("podman"),
                          podmanStorage(m_work.path()) + QStringList{QStringLiteral("--storage-driver"), QStringLiteral("vfs")}
                              + arguments);
    }

    // An image of the engine's, pushed to the registry with skopeo.
    void push(const QString &image, const QString &repository)
    {
        const QString archive = m_work.filePath(QStringLiteral("push.tar"));
        QFile::remove(archive);
        QCOMPARE(berth({QStringLiteral("save"), QStringLiteral("-o"), archive, image}).exitCode, 0);
        const ProcessResult copied
            = runProcess(QStringLiteral("skopeo"),
                         {QStringLiteral("copy"), QStringLiteral("--quiet"), QStringLiteral("--dest-tls-verify=false"),
                          QStringLiteral("docker-archive:") + archive, QStringLiteral("docker://") + name(repository)});
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
    }

    // The registry's file holding a blob.
    QString blobFile(const QString &digest) const
    {
        const QString hex = digest.section(u':', 1);
        return m_registry.storage() + QStringLiteral("/docker/registry/v2/blobs/sha256/%1/%2/data").arg(hex.left(2), hex);
    }

    QString imageIds() const { return berth({QStringLiteral("images"), QStringLiteral("-q"), QStringLiteral("--no-trunc")}).out; }

    // What a failed pull must leave as it was: the images, blobs and layers.
    QStringList storeState() const
    {
        return {imageIds(), QString::number(countFiles(m_engine.dataRoot() + QStringLiteral("/blobs/sha256"))),
                QDir(m_engine.dataRoot() + QStringLiteral("/layers")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).join(u',')};
    }

    // Whether the engine has a file whose path contains `name` mapped.
    bool helperMaps(const QString &name) const
    {
        QFile maps(QStringLiteral("/proc/%1/maps").arg(m_engine.helperPid()));
        return maps.open(QIODevice::ReadOnly) && QString::fromUtf8(maps.readAll()).contains(name);
    }

    // An image made from busybox by a shell command, committed as `target`.
    void commitImage(const QString &script, const QString &target)
    {
        QVERIFY2(m_engine.makeImage(QStringLiteral("busybox"), script, target), qPrintable(m_engine.errorString()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        QVERIFY2(m_registry.start(), qPrintable(m_registry.errorString()));
        m_deadMirror = LocalRegistry::freePort();
        writeSettings();
        QVERIFY2(m_engine.start(), qPrintable(m_engine.errorString()));
        // An image with a layer of its own on top of the built-in busybox.
        commitImage(QStringLiteral("echo pulled > /greeting"), QStringLiteral("app:1"));
        // Registries are a module of their own, loaded at the first registry call
        // (helper/registry/registry.h): until then the engine maps no Qt Network.
        QVERIFY(!helperMaps(QStringLiteral("berth-registry.so")));
        QVERIFY(!helperMaps(QStringLiteral("libQt6Network")));
        push(QStringLiteral("app:1"), QStringLiteral("test/app:1")); // by skopeo
        QCOMPARE(berth({QStringLiteral("rmi"), QStringLiteral("app:1")}).exitCode, 0);
    }

    void cleanupTestCase()
    {
        m_registry.stop();
        m_secured.stop();
        m_tls.stop();
        m_engine.stop();
    }

    void aPullDownloadsWhatIsMissingAndRuns()
    {
        const ProcessResult pulled = berth({QStringLiteral("pull"), name(QStringLiteral("test/app:1"))});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
        QVERIFY2(pulled.out.contains(QStringLiteral("Status: Downloaded newer image for ") + name(QStringLiteral("test/app:1"))),
                 qPrintable(pulled.out));
        QVERIFY(helperMaps(QStringLiteral("berth-registry.so")));
        QVERIFY(pulled.out.endsWith(name(QStringLiteral("test/app:1")) + u'\n'));
        const ProcessResult ran = berth({QStringLiteral("run"), QStringLiteral("--rm"), name(QStringLiteral("test/app:1")),
                                         QStringLiteral("cat"), QStringLiteral("/greeting")});
        QCOMPARE(ran.out, QStringLiteral("pulled\n"));
        // By the digest the pull printed.
        const QString digest = QRegularExpression(QStringLiteral("Digest: (sha256:[0-9a-f]{64})")).match(pulled.out).captured(1);
        QVERIFY(!digest.isEmpty());
        const ProcessResult pinned
            = berth({QStringLiteral("pull"), QStringLiteral("-q"), name(QStringLiteral("test/app")) + u'@' + digest});
        QVERIFY2(pinned.exitCode == 0, qPrintable(pinned.err));
        QCOMPARE(pinned.out.trimmed(), name(QStringLiteral("test/app")) + u'@' + digest);
        // A platform the image is not for is refused; this machine's is what it is.
        const ProcessResult foreign = berth({QStringLiteral("pull"), QStringLiteral("--platform"), QStringLiteral("linux/s390x"),
                                             name(QStringLiteral("test/app:1"))});
        QCOMPARE(foreign.exitCode, 1);
        QVERIFY2(foreign.err.contains(u"does not match the platform linux/s390x"), qPrintable(foreign.err));
        QCOMPARE(berth({QStringLiteral("pull"), QStringLiteral("--platform"), QStringLiteral("bogus"),
                        name(QStringLiteral("test/app:1"))})
                     .exitCode,
                 1);
        QCOMPARE(berth({QStringLiteral("rmi"), name(QStringLiteral("test/app:1"))}).exitCode, 0);
    }

    void aPushThenPullRoundTrips()
    {
        const QString target = name(QStringLiteral("test/pushed:2"));
        commitImage(QStringLiteral("echo pushed > /pushed"), target);
        const ProcessResult pushed = berth({QStringLiteral("push"), target});
        QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.err));
        const QRegularExpressionMatch line
            = QRegularExpression(QStringLiteral("\\n2: digest: (sha256:[0-9a-f]{64}) size: \\d+\\n$")).match(pushed.out);
        QVERIFY2(line.hasMatch(), qPrintable(pushed.out));
        // skopeo, another client, finds it under that digest.
        const ProcessResult inspected
            = runProcess(QStringLiteral("skopeo"),
                         {QStringLiteral("inspect"), QStringLiteral("--tls-verify=false"), QStringLiteral("docker://") + target});
        QVERIFY2(inspected.exitCode == 0, qPrintable(inspected.err));
        QCOMPARE(QJsonDocument::fromJson(inspected.out.toUtf8()).object().value(u"Digest").toString(), line.captured(1));
        // Lines with the blobs' states, as docker writes them when not on a terminal: two layers
        // and the config.
        QCOMPARE(pushed.out.count(QRegularExpression(QStringLiteral("\n[0-9a-f]{12}: Pushed\n"))), 3);
        // Pushed again: every blob is there already.
        QCOMPARE(berth({QStringLiteral("push"), QStringLiteral("-q"), target}).out, target + u'\n');
        // To another repository of the registry: the layers are mounted from this one, not sent.
        // The first candidate by name was never pushed, so its mount fails; the next one's works.
        const QString other = name(QStringLiteral("test/other:2"));
        const QString neverPushed = name(QStringLiteral("test/aaa-never:2"));
        for (const QString &tag : {other, neverPushed})
            QCOMPARE(berth({QStringLiteral("tag"), target, tag}).exitCode, 0);
        const ProcessResult mounted = berth({QStringLiteral("push"), other});
        QVERIFY2(mounted.exitCode == 0, qPrintable(mounted.err));
        QVERIFY2(mounted.out.count(QStringLiteral(": Mounted from test/pushed")) == 2, qPrintable(mounted.out));
        QVERIFY2(mounted.out.count(QStringLiteral(": Pushed\n")) == 1, qPrintable(mounted.out)); // the config
        for (const QString &tag : {other, neverPushed})
            QCOMPARE(berth({QStringLiteral("rmi"), tag}).exitCode, 0);
        // And back: removed here, pulled, run.
        QCOMPARE(berth({QStringLiteral("rmi"), target}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("pull"), QStringLiteral("-q"), target}).exitCode, 0);
        QCOMPARE(
            berth({QStringLiteral("run"), QStringLiteral("--rm"), target, QStringLiteral("cat"), QStringLiteral("/pushed")}).out,
            QStringLiteral("pushed\n"));
        const ProcessResult absent = berth({QStringLiteral("push"), name(QStringLiteral("test/absent:1"))});
        QCOMPARE(absent.exitCode, 1);
        QVERIFY2(absent.err.contains(u"does not exist locally"), qPrintable(absent.err));
    }

    void allTagsArePushedAndPulled()
    {
        const QString repository = name(QStringLiteral("test/many"));
        for (const char *tag : {"a", "b"})
            QCOMPARE(
                berth({QStringLiteral("tag"), QStringLiteral("busybox"), repository + u':' + QLatin1StringView(tag)}).exitCode,
                0);
        const ProcessResult pushed = berth({QStringLiteral("push"), QStringLiteral("-a"), repository});
        QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.err));
        QVERIFY2(pushed.out.contains(u"\na: digest: sha256:") && pushed.out.contains(u"\nb: digest: sha256:"),
                 qPrintable(pushed.out));
        QCOMPARE(berth({QStringLiteral("rmi"), repository + QStringLiteral(":a"), repository + QStringLiteral(":b")}).exitCode,
                 0);
        const ProcessResult pulled = berth({QStringLiteral("pull"), QStringLiteral("--all-tags"), repository});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
        QVERIFY2(pulled.out.startsWith(QStringLiteral("a: Pulling from ")) && pulled.out.contains(u"\nb: Pulling from "),
                 qPrintable(pulled.out));
        QVERIFY(pulled.out.endsWith(u'\n' + repository + u'\n'));
        const QString listed = berth({QStringLiteral("images"), repository}).out;
        QVERIFY2(listed.contains(QRegularExpression(u"\n"_qs + QRegularExpression::escape(repository) + u" +a "_qs))
                     && listed.contains(QRegularExpression(u"\n"_qs + QRegularExpression::escape(repository) + u" +b "_qs)),
                 qPrintable(listed));
        // A tag and -a do not go together.
        const ProcessResult both = berth({QStringLiteral("pull"), QStringLiteral("-a"), repository + QStringLiteral(":a")});
        QVERIFY(both.exitCode != 0);
        QVERIFY2(both.err.contains(u"tag can't be used with --all-tags/-a"), qPrintable(both.err));
        QCOMPARE(berth({QStringLiteral("rmi"), repository + QStringLiteral(":a"), repository + QStringLiteral(":b")}).exitCode,
                 0);
    }

    void podmanPullsWhatBerthPushedWithTheSameDigests()
    {
        const QString target = name(QStringLiteral("test/pushed:2"));
        const ProcessResult pushed = berth({QStringLiteral("push"), target});
        QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.err));
        const QString digest = QRegularExpression(QStringLiteral("digest: (sha256:[0-9a-f]{64})")).match(pushed.out).captured(1);
        QVERIFY(!digest.isEmpty());
        const ProcessResult pulled
            = podman({QStringLiteral("pull"), QStringLiteral("-q"), QStringLiteral("--tls-verify=false"), target});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
        const ProcessResult inspected = podman({QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("--format"),
                                                QStringLiteral("{{.Digest}} {{.Id}}"), target});
        QVERIFY2(inspected.exitCode == 0, qPrintable(inspected.err));
        // The same manifest digest, and the same image id (its config's digest).
        const QString id
            = QJsonDocument::fromJson(berth({QStringLiteral("image"), QStringLiteral("inspect"), target}).out.toUtf8())
                  .array()
                  .at(0)
                  .toObject()
                  .value(u"Id")
                  .toString();
        QCOMPARE(inspected.out.trimmed(), digest + u' ' + id.section(u':', 1));
    }

    void aManifestListIsResolvedToThePlatform()
    {
        // A list made by podman: test/app:1 for this machine, test/pushed:2 listed as arm64.
        const QString list = name(QStringLiteral("test/multi:1"));
        QCOMPARE(podman({QStringLiteral("manifest"), QStringLiteral("create"), QStringLiteral("multi")}).exitCode, 0);
        for (const auto &[architecture, image] : {std::pair{QStringLiteral("amd64"), QStringLiteral("test/app:1")},
                                                  std::pair{QStringLiteral("arm64"), QStringLiteral("test/pushed:2")}}) {
            const ProcessResult added
                = podman({QStringLiteral("manifest"), QStringLiteral("add"), QStringLiteral("--tls-verify=false"),
                          QStringLiteral("--os"), QStringLiteral("linux"), QStringLiteral("--arch"), architecture,
                          QStringLiteral("multi"), QStringLiteral("docker://") + name(image)});
            QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        }
        const ProcessResult pushed
            = podman({QStringLiteral("manifest"), QStringLiteral("push"), QStringLiteral("--all"),
                      QStringLiteral("--tls-verify=false"), QStringLiteral("multi"), QStringLiteral("docker://") + list});
        QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.err));
        // This machine's, then the other one asked for by --platform.
        QCOMPARE(berth({QStringLiteral("pull"), QStringLiteral("-q"), list}).exitCode, 0);
        QCOMPARE(
            berth({QStringLiteral("run"), QStringLiteral("--rm"), list, QStringLiteral("cat"), QStringLiteral("/greeting")}).out,
            QStringLiteral("pulled\n"));
        const ProcessResult other = berth(
            {QStringLiteral("pull"), QStringLiteral("-q"), QStringLiteral("--platform"), QStringLiteral("linux/arm64"), list});
        QVERIFY2(other.exitCode == 0, qPrintable(other.err));
        QCOMPARE(
            berth({QStringLiteral("run"), QStringLiteral("--rm"), list, QStringLiteral("cat"), QStringLiteral("/pushed")}).out,
            QStringLiteral("pushed\n"));
        const ProcessResult missing
            = berth({QStringLiteral("pull"), QStringLiteral("--platform"), QStringLiteral("linux/riscv64"), list});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(u"no image for linux/riscv64 in the manifest list"), qPrintable(missing.err));
        QCOMPARE(berth({QStringLiteral("rmi"), list}).exitCode, 0);
    }

    void credentialsFromLoginReachARegistryThatWantsThem()
    {
        QVERIFY2(m_secured.start(m_secured.basicAuthConfig(QStringLiteral("tester"), QStringLiteral("s3cret"))),
                 qPrintable(m_secured.errorString()));
        const QString server = m_secured.host();
        const QString target = server + QStringLiteral("/team/box:1");
        QCOMPARE(berth({QStringLiteral("tag"), QStringLiteral("busybox"), target}).exitCode, 0);
        // Without credentials: refused, saying how to log in.
        const ProcessResult anonymous = berth({QStringLiteral("push"), target});
        QCOMPARE(anonymous.exitCode, 1);
        QVERIFY2(anonymous.err.contains(QStringLiteral("berth login ") + server), qPrintable(anonymous.err));
        // A wrong password is refused and stored nowhere.
        const ProcessResult wrong = berth(
            {QStringLiteral("login"), QStringLiteral("-u"), QStringLiteral("tester"), QStringLiteral("--password-stdin"), server},
            "wrong\n");
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY(!QFile::exists(m_work.filePath(QStringLiteral("docker/config.json"))));
        const ProcessResult login = berth(
            {QStringLiteral("login"), QStringLiteral("-u"), QStringLiteral("tester"), QStringLiteral("--password-stdin"), server},
            "s3cret\n");
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        QCOMPARE(login.out, QStringLiteral("Login Succeeded\n"));
        QFile config(m_work.filePath(QStringLiteral("docker/config.json")));
        QCOMPARE(config.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        QVERIFY(config.open(QIODevice::ReadOnly));
        QVERIFY(config.readAll().contains(QByteArray("tester:s3cret").toBase64()));
        // With them: push, remove, pull, run.
        const ProcessResult pushed = berth({QStringLiteral("push"), QStringLiteral("-q"), target});
        QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.err));
        QCOMPARE(berth({QStringLiteral("rmi"), target}).exitCode, 0);
        const ProcessResult pulled = berth({QStringLiteral("pull"), QStringLiteral("-q"), target});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
        QCOMPARE(berth({QStringLiteral("run"), QStringLiteral("--rm"), target, QStringLiteral("echo"), QStringLiteral("in")}).out,
                 QStringLiteral("in\n"));
        QCOMPARE(berth({QStringLiteral("logout"), server}).out,
                 QStringLiteral("Removing login credentials for %1\n").arg(server));
        QCOMPARE(berth({QStringLiteral("logout"), server}).out, QStringLiteral("Not logged in to %1\n").arg(server));
        QCOMPARE(berth({QStringLiteral("pull"), target}).exitCode, 1);
    }

    void bearerTokensFromTheRegistrysTokenService()
    {
        TokenService tokens(m_work.path(), QStringLiteral("tester"), QStringLiteral("t0ken"));
        QVERIFY2(tokens.start(), qPrintable(tokens.errorString()));
        QVERIFY(tokens.grant(QStringLiteral("team/tok"), {QStringLiteral("pull"), QStringLiteral("push")}));
        LocalRegistry registry(m_work.path(), QStringLiteral("bearer"));
        QVERIFY2(registry.start(tokens.registryConfig()), qPrintable(registry.errorString()));
        const QString target = registry.name(QStringLiteral("team/tok:1"));
        QCOMPARE(berth({QStringLiteral("tag"), QStringLiteral("busybox"), target}).exitCode, 0);
        // Without credentials the token service gives none: refused, saying how to log in.
        const ProcessResult anonymous = berth({QStringLiteral("push"), target});
        QCOMPARE(anonymous.exitCode, 1);
        QVERIFY2(anonymous.err.contains(QStringLiteral("berth login ") + registry.host()), qPrintable(anonymous.err));
        QCOMPARE(tokens.tokensGiven(), 0);
        const ProcessResult login = berth({QStringLiteral("login"), QStringLiteral("-u"), QStringLiteral("tester"),
                                           QStringLiteral("--password-stdin"), registry.host()},
                                          "t0ken\n");
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        // With a token for the repository: push, remove, pull, run.
        const ProcessResult pushed = berth({QStringLiteral("push"), QStringLiteral("-q"), target});
        QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.err));
        QVERIFY(tokens.tokensGiven() >= 2); // the login's and the push's
        QCOMPARE(berth({QStringLiteral("rmi"), target}).exitCode, 0);
        const ProcessResult pulled = berth({QStringLiteral("pull"), QStringLiteral("-q"), target});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
        QCOMPARE(
            berth({QStringLiteral("run"), QStringLiteral("--rm"), target, QStringLiteral("echo"), QStringLiteral("token")}).out,
            QStringLiteral("token\n"));
        // A token that does not grant the repository asked for is refused by the registry.
        const QString other = registry.name(QStringLiteral("team/other:1"));
        QCOMPARE(berth({QStringLiteral("tag"), QStringLiteral("busybox"), other}).exitCode, 0);
        const ProcessResult denied = berth({QStringLiteral("push"), other});
        QCOMPARE(denied.exitCode, 1);
        QVERIFY2(denied.err.contains(u"does not allow it to tester"), qPrintable(denied.err));
        QCOMPARE(berth({QStringLiteral("rmi"), target, other}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("logout"), registry.host()}).exitCode, 0);
    }

    void tlsIsVerifiedAgainstTheRegistrysCa()
    {
        // A CA of the test's own and a certificate for 127.0.0.1 signed by it.
        const auto openssl = [this](const QStringList &arguments) {
            const ProcessResult run = runProcess(QStringLiteral("openssl"), arguments);
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        };
        const auto file = [this](const QString &name) { return m_work.filePath(name); };
        openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                 QStringLiteral("-nodes"), QStringLiteral("-keyout"), file(QStringLiteral("ca.key")), QStringLiteral("-out"),
                 file(QStringLiteral("ca.crt")), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                 QStringLiteral("/CN=berth test CA")});
        openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                 QStringLiteral("-keyout"), file(QStringLiteral("server.key")), QStringLiteral("-out"),
                 file(QStringLiteral("server.csr")), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
        QFile extensions(file(QStringLiteral("san.ext")));
        QVERIFY(extensions.open(QIODevice::WriteOnly));
        extensions.write("subjectAltName=IP:127.0.0.1\n");
        extensions.close();
        openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), file(QStringLiteral("server.csr")),
                 QStringLiteral("-CA"), file(QStringLiteral("ca.crt")), QStringLiteral("-CAkey"), file(QStringLiteral("ca.key")),
                 QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), file(QStringLiteral("server.crt")),
                 QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), extensions.fileName()});
        // TLS and Basic authentication together.
        QVERIFY2(m_tls.start(QStringLiteral("  tls:\n    certificate: %1\n    key: %2\n")
                                 .arg(file(QStringLiteral("server.crt")), file(QStringLiteral("server.key")))
                             + m_tls.basicAuthConfig(QStringLiteral("tester"), QStringLiteral("s3cret"))),
                 qPrintable(m_tls.errorString()));
        const QString target = m_tls.name(QStringLiteral("tls/box:1"));
        QCOMPARE(berth({QStringLiteral("tag"), QStringLiteral("busybox"), target}).exitCode, 0);
        const auto login = [&] {
            return berth({QStringLiteral("login"), QStringLiteral("-u"), QStringLiteral("tester"),
                          QStringLiteral("--password-stdin"), m_tls.host()},
                         "s3cret\n");
        };
        // Not trusted yet: refused, saying where the CA goes; never sent over plain HTTP instead.
        const ProcessResult untrusted = login();
        QCOMPARE(untrusted.exitCode, 1);
        QVERIFY2(untrusted.err.contains(u"not trusted"), qPrintable(untrusted.err));
        // Listed in insecure-registries: its certificate goes unchecked.
        reloadSettings(QStringLiteral("\"insecure-registries\": [\"%1\"]").arg(m_tls.host()));
        const ProcessResult insecure = login();
        QVERIFY2(insecure.exitCode == 0, qPrintable(insecure.err));
        const ProcessResult pushedInsecure = berth({QStringLiteral("push"), QStringLiteral("-q"), target});
        QVERIFY2(pushedInsecure.exitCode == 0, qPrintable(pushedInsecure.err));
        // No longer listed: refused again.
        reloadSettings();
        const ProcessResult refused = berth({QStringLiteral("push"), target});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"not trusted"), qPrintable(refused.err));
        // Its CA where docker keeps such certificates: trusted.
        QVERIFY(QDir().mkpath(file(QStringLiteral("certs.d/") + m_tls.host())));
        QVERIFY(QFile::copy(file(QStringLiteral("ca.crt")),
                            file(QStringLiteral("certs.d/") + m_tls.host() + QStringLiteral("/ca.crt"))));
        const ProcessResult pushed = berth({QStringLiteral("push"), QStringLiteral("-q"), target});
        QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.err));
        QCOMPARE(berth({QStringLiteral("rmi"), target}).exitCode, 0);
        const ProcessResult pulled = berth({QStringLiteral("pull"), QStringLiteral("-q"), target});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
        QCOMPARE(berth({QStringLiteral("logout"), m_tls.host()}).exitCode, 0);
    }

    void downloadsAtOnceAreAsManyAsTheSettingSays()
    {
        // Two layers of their own, each held back by the proxy so that parallel ones overlap.
        const QString image = QStringLiteral("test/two:1");
        commitImage(QStringLiteral("echo one > /one"), QStringLiteral("two:0"));
        QVERIFY2(m_engine.makeImage(QStringLiteral("two:0"), QStringLiteral("echo two > /two"), name(image)),
                 qPrintable(m_engine.errorString()));
        QCOMPARE(berth({QStringLiteral("push"), QStringLiteral("-q"), name(image)}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("rmi"), QStringLiteral("two:0")}).exitCode, 0);
        const auto pullThrough = [&](const QString &setting) {
            QCOMPARE(berth({QStringLiteral("rmi"), name(image)}).exitCode, 0);
            reloadSettings(setting);
            RegistryProxy proxy(m_registry.host());
            QVERIFY2(proxy.start(), qPrintable(proxy.errorString()));
            proxy.delayBlobs(300);
            const ProcessResult pulled = berth({QStringLiteral("pull"), QStringLiteral("-q"), proxy.name(image)});
            QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
            QCOMPARE(berth({QStringLiteral("tag"), proxy.name(image), name(image)}).exitCode, 0);
            QCOMPARE(berth({QStringLiteral("rmi"), proxy.name(image)}).exitCode, 0);
            m_mostConcurrent = proxy.mostConcurrentBlobs();
        };
        pullThrough(QStringLiteral("\"max-concurrent-downloads\": 1"));
        QCOMPARE(m_mostConcurrent, 1);
        pullThrough({}); // docker's default, 3
        QCOMPARE(m_mostConcurrent, 2);
        QCOMPARE(berth({QStringLiteral("rmi"), name(image)}).exitCode, 0);
    }

    void searchListsTheCatalogWithTags()
    {
        // By now the registry holds test/app, test/pushed and others.
        const ProcessResult found = berth({QStringLiteral("search"), m_registry.host() + QStringLiteral("/push")});
        QVERIFY2(found.exitCode == 0, qPrintable(found.err));
        QVERIFY2(QRegularExpression(QStringLiteral("\\n%1/test/pushed +2\\n").arg(QRegularExpression::escape(m_registry.host())))
                     .match(found.out)
                     .hasMatch(),
                 qPrintable(found.out));
        QVERIFY(!found.out.contains(u"test/app"));
        const ProcessResult json = berth({QStringLiteral("search"), QStringLiteral("--format"), QStringLiteral("json"),
                                          m_registry.host() + QStringLiteral("/test")});
        QVERIFY2(json.out.contains(QStringLiteral("\"Name\":\"%1/test/app\"").arg(m_registry.host())), qPrintable(json.out));
        QCOMPARE(berth({QStringLiteral("search"), QStringLiteral("busybox")}).exitCode, 1);
    }

    void aCancelledPullLeavesNothing()
    {
        // A layer large enough that the pull is still running when it is cancelled.
        const QString target = name(QStringLiteral("test/large:1"));
        commitImage(QStringLiteral("dd if=/dev/urandom of=/large bs=1M count=160 2>/dev/null"), target);
        QCOMPARE(berth({QStringLiteral("push"), QStringLiteral("-q"), target}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("rmi"), target}).exitCode, 0);
        const QStringList before = storeState();

        auto bus = QDBusConnection::connectToBus(m_engine.busAddress(), QStringLiteral("tst_registry"));
        QDBusMessage pull
            = QDBusMessage::createMethodCall(QStringLiteral("org.berth.Engine1"), QStringLiteral("/org/berth/Engine1/images"),
                                             QStringLiteral("org.berth.Engine1.Images"), QStringLiteral("PullImage"));
        pull << target << QVariantMap{};
        const QDBusMessage started = bus.call(pull);
        QVERIFY2(started.type() == QDBusMessage::ReplyMessage, qPrintable(started.errorMessage()));
        const QString job = qvariant_cast<QDBusObjectPath>(started.arguments().value(0)).path();
        const auto call = [&](const QString &method) {
            QDBusMessage message = QDBusMessage::createMethodCall(QStringLiteral("org.berth.Engine1"), job,
                                                                  QStringLiteral("org.berth.Engine1.Job"), method);
            message << QVariantMap{};
            return bus.call(message);
        };
        QCOMPARE(call(QStringLiteral("Cancel")).type(), QDBusMessage::ReplyMessage);
        QString state;
        const QStringList ended{QStringLiteral("succeeded"), QStringLiteral("failed"), QStringLiteral("cancelled")};
        QTRY_VERIFY_WITH_TIMEOUT(
            ended.contains(state = qdbus_cast<QVariantMap>(call(QStringLiteral("GetStatus")).arguments().value(0))
                                       .value(QStringLiteral("State"))
                                       .toString()),
            30000);
        QCOMPARE(state, QStringLiteral("cancelled"));
        // As before the pull: no image, no blob, no layer added.
        QCOMPARE(storeState(), before);
        // Whole, it was pushed in 16 MiB chunks, the registry checking the digest at the end.
        const ProcessResult pulled = berth({QStringLiteral("pull"), QStringLiteral("-q"), target});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
        QCOMPARE(berth({QStringLiteral("run"), QStringLiteral("--rm"), target, QStringLiteral("sh"), QStringLiteral("-c"),
                        QStringLiteral("wc -c < /large")})
                     .out.trimmed(),
                 QStringLiteral("167772160"));
        QCOMPARE(berth({QStringLiteral("rmi"), target}).exitCode, 0);
    }

    void anUnknownTagIsNotFound()
    {
        const QString before = imageIds();
        const ProcessResult missing = berth({QStringLiteral("pull"), name(QStringLiteral("test/app:nope"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(u"404"), qPrintable(missing.err));
        QCOMPARE(imageIds(), before);
        // Nothing listens here: a clear error too.
        const ProcessResult unreachable
            = berth({QStringLiteral("pull"), QStringLiteral("127.0.0.1:%1/x:1").arg(LocalRegistry::freePort())});
        QCOMPARE(unreachable.exitCode, 1);
        QVERIFY2(unreachable.err.contains(u"cannot reach the registry"), qPrintable(unreachable.err));
    }

    void aCorruptOrMissingBlobLeavesNothing()
    {
        // The pushed image's own layer, found in the registry's storage by its manifest.
        push(QStringLiteral("busybox"), QStringLiteral("test/base:1"));
        commitImage(QStringLiteral("echo other > /other"), QStringLiteral("bad:1"));
        push(QStringLiteral("bad:1"), QStringLiteral("test/bad:1"));
        QCOMPARE(berth({QStringLiteral("rmi"), QStringLiteral("bad:1")}).exitCode, 0);
        // skopeo compresses the layer on the way: its blob is named in the registry's manifest.
        const ProcessResult manifest
            = runProcess(QStringLiteral("skopeo"),
                         {QStringLiteral("inspect"), QStringLiteral("--raw"), QStringLiteral("--tls-verify=false"),
                          QStringLiteral("docker://") + name(QStringLiteral("test/bad:1"))});
        QCOMPARE(manifest.exitCode, 0);
        const QString layer = QJsonDocument::fromJson(manifest.out.toUtf8())
                                  .object()
                                  .value(u"layers")
                                  .toArray()
                                  .last()
                                  .toObject()
                                  .value(u"digest")
                                  .toString();
        QVERIFY(layer.startsWith(u"sha256:"));
        QFile blob(blobFile(layer));
        QVERIFY2(blob.exists(), qPrintable(blob.fileName()));
        const QStringList before = storeState();

        QVERIFY(blob.open(QIODevice::ReadWrite));
        QByteArray bytes = blob.readAll();
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0xff);
        QVERIFY(blob.seek(0));
        QCOMPARE(blob.write(bytes), bytes.size());
        blob.close();
        const ProcessResult corrupt = berth({QStringLiteral("pull"), name(QStringLiteral("test/bad:1"))});
        QCOMPARE(corrupt.exitCode, 1);
        QVERIFY2(corrupt.err.contains(u"digest", Qt::CaseInsensitive), qPrintable(corrupt.err));

        QVERIFY(QFile::remove(blob.fileName()));
        const ProcessResult missing = berth({QStringLiteral("pull"), name(QStringLiteral("test/bad:1"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(!missing.err.isEmpty(), "an error is printed");

        QCOMPARE(storeState(), before);
        // The engine pulls on afterwards.
        QCOMPARE(berth({QStringLiteral("pull"), QStringLiteral("-q"), name(QStringLiteral("test/base:1"))}).exitCode, 0);
    }

    void aBrokenDownloadIsResumed()
    {
        const QString image = QStringLiteral("test/resumed:1");
        commitImage(QStringLiteral("dd if=/dev/urandom of=/data bs=1M count=4 2>/dev/null"), name(image));
        QCOMPARE(berth({QStringLiteral("push"), QStringLiteral("-q"), name(image)}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("rmi"), name(image)}).exitCode, 0);
        RegistryProxy proxy(m_registry.host());
        QVERIFY2(proxy.start(), qPrintable(proxy.errorString()));
        // Cut off twice: each time asked for again from where it broke off.
        proxy.breakBlobs(256 * 1024, 2);
        const ProcessResult pulled = berth({QStringLiteral("pull"), QStringLiteral("-q"), proxy.name(image)});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
        QCOMPARE(proxy.rangeRequests(), 2);
        QCOMPARE(berth({QStringLiteral("run"), QStringLiteral("--rm"), proxy.name(image), QStringLiteral("sh"),
                        QStringLiteral("-c"), QStringLiteral("wc -c < /data")})
                     .out.trimmed(),
                 QStringLiteral("4194304"));
        QCOMPARE(berth({QStringLiteral("rmi"), proxy.name(image)}).exitCode, 0);
        // Cut off every time: five attempts, then a clear error and nothing kept.
        const QStringList before = storeState();
        proxy.breakBlobs(256 * 1024, 1000);
        const ProcessResult broken = berth({QStringLiteral("pull"), proxy.name(image)});
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.err.contains(u"after 5 attempts") && broken.err.contains(u"broke off"), qPrintable(broken.err));
        QCOMPARE(storeState(), before);
    }

    void dockerHubNamesComeFromItsMirrors()
    {
        commitImage(QStringLiteral("echo mirrored > /m"), name(QStringLiteral("library/mirrored:1")));
        QCOMPARE(berth({QStringLiteral("push"), QStringLiteral("-q"), name(QStringLiteral("library/mirrored:1"))}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("rmi"), name(QStringLiteral("library/mirrored:1"))}).exitCode, 0);
        // The first mirror does not answer; the second has it.
        const ProcessResult pulled = berth({QStringLiteral("pull"), QStringLiteral("mirrored:1")});
        QVERIFY2(pulled.exitCode == 0, qPrintable(pulled.err));
        QVERIFY2(pulled.out.endsWith(QStringLiteral("docker.io/library/mirrored:1\n")), qPrintable(pulled.out));
        QCOMPARE(berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("mirrored:1"), QStringLiteral("cat"),
                        QStringLiteral("/m")})
                     .out,
                 QStringLiteral("mirrored\n"));
        QCOMPARE(berth({QStringLiteral("rmi"), QStringLiteral("mirrored:1")}).exitCode, 0);
    }

    void hostileManifestsAreRefused()
    {
        RegistryProxy proxy(m_registry.host());
        QVERIFY2(proxy.start(), qPrintable(proxy.errorString()));
        const QString image = proxy.name(QStringLiteral("test/app:1"));
        const QStringList before = storeState();
        // A media type Berth does not pull (docker's old signed schema 1).
        proxy.answerManifests(R"({"schemaVersion":1,"name":"test/app","tag":"1","fsLayers":[],"history":[]})",
                              "application/vnd.docker.distribution.manifest.v1+prettyjws");
        const ProcessResult old = berth({QStringLiteral("pull"), image});
        QCOMPARE(old.exitCode, 1);
        QVERIFY2(old.err.contains(u"media type \"application/vnd.docker.distribution.manifest.v1+prettyjws\""),
                 qPrintable(old.err));
        // A manifest over 4 MiB: read no further than that.
        proxy.answerManifests(
            R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","annotations":{"a":")"
                + QByteArray(5 * 1024 * 1024, 'a') + R"("}})",
            "application/vnd.oci.image.manifest.v1+json");
        const ProcessResult huge = berth({QStringLiteral("pull"), image});
        QCOMPARE(huge.exitCode, 1);
        QVERIFY2(huge.err.contains(u"larger than 4194304 bytes"), qPrintable(huge.err));
        QCOMPARE(storeState(), before);
    }

private:
    ContainersCacheGuard m_cacheGuard;
    IsolatedEngine m_engine;
    quint16 m_deadMirror = 0;
    int m_mostConcurrent = 0;
    QTemporaryDir m_work;
    LocalRegistry m_registry{m_work.path(), QStringLiteral("registry")};
    LocalRegistry m_secured{m_work.path(), QStringLiteral("secured")}; // htpasswd Basic authentication
    LocalRegistry m_tls{m_work.path(), QStringLiteral("tls")}; // TLS with a CA of the test's
};

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
