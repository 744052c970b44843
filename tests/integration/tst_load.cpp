// `berth load` with real archives and hostile ones: every refusal leaves the store exactly
// as it was, with no half-registered image.

#include "engine.h"
#include "imagearchive.h"
#include "imagesproxy.h"
#include "isolatedengine.h"
#include "tarbuilder.h"

#include <QDBusReply>
#include <QDBusUnixFileDescriptor>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>
#include <QTest>

#include <fcntl.h>

using namespace berth;
using namespace berth::test;

namespace {

QByteArray helloLayer()
{
    return TarBuilder().dir("www").file("www/index.html", "<h1>hello</h1>\n").finish();
}

} // namespace

class TestLoad : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        QVERIFY2(m_engine.startAsSystemBus(), qPrintable(m_engine.errorString()));
        m_images = std::make_unique<ImagesProxy>(engine::kService, engine::kImagesPath, engine::bus());
        m_pristine = storeSnapshot();
    }

    void cleanupTestCase() { m_engine.stop(); }

    void loadsADockerArchive()
    {
        ImageArchive archive;
        archive.addImage({helloLayer()}, {QStringLiteral("hello:1")}, {QStringLiteral("httpd"), QStringLiteral("-f")});
        const ProcessResult run = load(archive.dockerArchive());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, QStringLiteral("Loaded image: hello:1\n"));
        const QJsonObject image = inspect(QStringLiteral("hello:1"));
        QCOMPARE(image.value(u"Config").toObject().value(u"Cmd").toArray().at(1).toString(), QStringLiteral("-f"));
        const QString diffId = image.value(u"RootFS").toObject().value(u"Layers").toArray().at(0).toString();
        QCOMPARE(diffId.toLatin1(), ImageArchive::digestOf(helloLayer()));
        QFile page(m_engine.dataRoot() + QStringLiteral("/layers/") + diffId.mid(7) + QStringLiteral("/diff/www/index.html"));
        QVERIFY(page.open(QIODevice::ReadOnly));
        QCOMPARE(page.readAll(), QByteArray("<h1>hello</h1>\n"));
        QCOMPARE(m_engine.berth({QStringLiteral("rmi"), QStringLiteral("hello:1")}).exitCode, 0);
        QTRY_COMPARE(storeSnapshot(), m_pristine);
    }

    void loadsGzippedArchivesFromStdin()
    {
        ImageArchive archive;
        archive.addImage({helloLayer()}, {QStringLiteral("zipped:1")});
        QProcess gzip;
        gzip.start(QStringLiteral("gzip"), {QStringLiteral("-c")});
        gzip.write(archive.dockerArchive());
        gzip.closeWriteChannel();
        QVERIFY(gzip.waitForFinished());
        const ProcessResult run = m_engine.berth({QStringLiteral("load")}, gzip.readAllStandardOutput());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out, QStringLiteral("Loaded image: zipped:1\n"));
        QCOMPARE(m_engine.berth({QStringLiteral("rmi"), QStringLiteral("zipped:1")}).exitCode, 0);
    }

    void loadsAnOciLayoutWithIdenticalDigests()
    {
        ImageArchive archive;
        const QByteArray base = TarBuilder().file("bin/tool", "x", 0755).finish();
        archive.addImage({base, helloLayer()}, {QStringLiteral("localhost:5000/oci/app:2")});
        archive.addImage({base}, {}); // shares the base; untagged
        const ProcessResult run = load(archive.ociLayout());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(u"Loaded image: localhost:5000/oci/app:2\n"));
        QVERIFY(run.out.contains(u"Loaded image ID: sha256:"));
        const QJsonArray layers
            = inspect(QStringLiteral("localhost:5000/oci/app:2")).value(u"RootFS").toObject().value(u"Layers").toArray();
        QCOMPARE(layers.at(0).toString().toLatin1(), ImageArchive::digestOf(base));
        QCOMPARE(layers.at(1).toString().toLatin1(), ImageArchive::digestOf(helloLayer()));
        // The shared base is stored once: busybox, the base, and the app's top layer.
        QCOMPARE(QDir(m_engine.dataRoot() + QStringLiteral("/layers")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 3);
        QCOMPARE(m_engine.berth({QStringLiteral("image"), QStringLiteral("prune"), QStringLiteral("-f")}).exitCode, 0);
        QCOMPARE(m_engine.berth({QStringLiteral("rmi"), QStringLiteral("localhost:5000/oci/app:2")}).exitCode, 0);
        QTRY_COMPARE(storeSnapshot(), m_pristine);
    }

    void hostileArchivesChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("archive");
        QTest::addColumn<QString>("mentions");

        ImageArchive climbing;
        climbing.addImage({TarBuilder().file("../../escape", "x").finish()}, {QStringLiteral("evil:1")});
        QTest::newRow("layer with ..") << climbing.dockerArchive() << QStringLiteral("climbs out of its tree");

        ImageArchive missing;
        missing.addImage({helloLayer()}, {QStringLiteral("evil:2")});
        QTest::newRow("manifest names a missing blob") << missing.ociLayout(true) << QStringLiteral("does not contain");
        QTest::newRow("blob digest mismatch") << missing.ociLayout(false, true) << QStringLiteral("does not match its digest");

        ImageArchive wrongDiff;
        wrongDiff.addImage({helloLayer()}, {QStringLiteral("evil:3")});
        wrongDiff.images()[0].config.replace(ImageArchive::digestOf(helloLayer()), "sha256:" + QByteArray(64, 'e'));
        QTest::newRow("diff id mismatch") << wrongDiff.dockerArchive() << QStringLiteral("does not match the image config");

        ImageArchive badTag;
        badTag.addImage({helloLayer()}, {QStringLiteral("Bad/Name:1")});
        QTest::newRow("invalid tag") << badTag.dockerArchive() << QStringLiteral("must be lowercase");

        QTest::newRow("huge manifest.json") << TarBuilder().file("manifest.json", QByteArray(100 * 1024 * 1024, ' ')).finish()
                                            << QStringLiteral("at most");
        QTest::newRow("climbing entry name") << TarBuilder().file("../manifest.json", "[]").finish() << QStringLiteral("climbs");
        QTest::newRow("device entry") << TarBuilder().charDevice("dev/mem", 1, 1).finish() << QStringLiteral("not a file");
        QTest::newRow("neither layout") << TarBuilder().file("hello", "x").finish() << QStringLiteral("neither a manifest.json");
        QTest::newRow("config not json")
            << TarBuilder().file("a.json", "{").file("manifest.json", "[{\"Config\":\"a.json\",\"Layers\":[]}]").finish()
            << QStringLiteral("not valid JSON");
        TarBuilder zipped(TarBuilder::Compression::Gzip);
        const QByteArray gz = zipped.file("big", QByteArray(400000, 'q')).finish();
        QTest::newRow("truncated gzip") << gz.left(gz.size() / 2) << QStringLiteral("cannot be read");
    }

    void hostileArchivesChangeNothing()
    {
        QFETCH(QByteArray, archive);
        QFETCH(QString, mentions);
        const ProcessResult run = load(archive);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
        QVERIFY(!QFile::exists(m_engine.path() + QStringLiteral("/escape")));
        QTRY_COMPARE(storeSnapshot(), m_pristine);
        QCOMPARE(m_engine.berth({QStringLiteral("images"), QStringLiteral("-q")}).out.count(u'\n'), 1); // busybox only
    }

    void saveThenLoadRoundTrips()
    {
        QCOMPARE(m_engine.berth({QStringLiteral("tag"), QStringLiteral("busybox"), QStringLiteral("second:1")}).exitCode, 0);
        const QString id = inspect(QStringLiteral("busybox")).value(u"Id").toString();
        QTemporaryFile archive;
        QVERIFY(archive.open());
        const ProcessResult save = m_engine.berth({QStringLiteral("save"), QStringLiteral("-o"), archive.fileName(),
                                                   QStringLiteral("busybox"), QStringLiteral("second:1")});
        QVERIFY2(save.exitCode == 0, qPrintable(save.err));
        // One image, two names, each blob once: config, manifest, layer.
        QProcess list;
        list.start(QStringLiteral("tar"), {QStringLiteral("-tf"), archive.fileName()});
        QVERIFY(list.waitForFinished());
        const QString entries = QString::fromUtf8(list.readAllStandardOutput());
        QCOMPARE(entries.count(u"blobs/sha256/"), 3);
        QVERIFY(entries.contains(u"manifest.json") && entries.contains(u"index.json") && entries.contains(u"oci-layout"));

        QCOMPARE(m_engine.berth({QStringLiteral("rmi"), QStringLiteral("-f"), id}).exitCode, 0);
        const ProcessResult load = m_engine.berth({QStringLiteral("load"), QStringLiteral("-i"), archive.fileName()});
        QVERIFY2(load.exitCode == 0, qPrintable(load.err));
        QVERIFY(load.out.contains(u"Loaded image: busybox:latest") && load.out.contains(u"Loaded image: second:1"));
        QCOMPARE(inspect(QStringLiteral("second:1")).value(u"Id").toString(), id);
        QCOMPARE(m_engine.berth({QStringLiteral("rmi"), QStringLiteral("second:1")}).exitCode, 0);
    }

    void saveRefusals()
    {
        const ProcessResult missing = m_engine.berth(
            {QStringLiteral("save"), QStringLiteral("-o"), m_engine.path() + QStringLiteral("/x.tar"), QStringLiteral("nope")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(u"No such image: nope:latest"));
        QVERIFY(!QFile::exists(m_engine.path() + QStringLiteral("/x.tar"))
                || QFileInfo(m_engine.path() + QStringLiteral("/x.tar")).size() == 0);
        QTemporaryFile file;
        QVERIFY(file.open());
        const int readOnly = ::open(QFile::encodeName(file.fileName()).constData(), O_RDONLY | O_CLOEXEC);
        QDBusReply<QDBusObjectPath> refused
            = m_images->SaveImages({QStringLiteral("busybox")}, QDBusUnixFileDescriptor(readOnly), {});
        ::close(readOnly);
        QCOMPARE(refused.error().name(), QStringLiteral("org.berth.Error.InvalidArgument"));
        QVERIFY(refused.error().message().contains(u"not open for writing"));
        QDBusReply<QDBusObjectPath> none = m_images->SaveImages({}, QDBusUnixFileDescriptor(1), {});
        QCOMPARE(none.error().name(), QStringLiteral("org.berth.Error.InvalidArgument"));
    }

    void importMakesAConfiguredImage()
    {
        QTemporaryFile rootfs;
        QVERIFY(rootfs.open());
        rootfs.write(TarBuilder().file("bin/app", "#!/bin/sh\necho hi\n", 0755).finish());
        rootfs.flush();
        const ProcessResult run = m_engine.berth(
            {QStringLiteral("import"), QStringLiteral("-c"), QStringLiteral("CMD [\"/bin/app\"]"), QStringLiteral("-c"),
             QStringLiteral("ENV MODE=test"), QStringLiteral("--change"), QStringLiteral("EXPOSE 8080"), QStringLiteral("-m"),
             QStringLiteral("from a test"), rootfs.fileName(), QStringLiteral("imported:1")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.startsWith(u"sha256:"));
        const QJsonObject image = inspect(QStringLiteral("imported:1"));
        QCOMPARE(image.value(u"Id").toString(), run.out.trimmed());
        const QJsonObject config = image.value(u"Config").toObject();
        QCOMPARE(config.value(u"Cmd").toArray().at(0).toString(), QStringLiteral("/bin/app"));
        QCOMPARE(config.value(u"Env").toArray().at(0).toString(), QStringLiteral("MODE=test"));
        QVERIFY(config.value(u"ExposedPorts").toObject().contains(u"8080/tcp"));
        QCOMPARE(image.value(u"Comment").toString(), QStringLiteral("from a test"));
        QCOMPARE(m_engine.berth({QStringLiteral("rmi"), QStringLiteral("imported:1")}).exitCode, 0);

        const ProcessResult badChange
            = m_engine.berth({QStringLiteral("import"), QStringLiteral("-c"), QStringLiteral("RUN true"), rootfs.fileName()});
        QCOMPARE(badChange.exitCode, 1);
        QVERIFY(badChange.err.contains(u"cannot be changed here"));
        const ProcessResult hostile
            = m_engine.berth({QStringLiteral("import"), QStringLiteral("-")}, TarBuilder().file("../x", "x").finish());
        QCOMPARE(hostile.exitCode, 1);
        QVERIFY2(hostile.err.contains(u"climbs out of its tree"), qPrintable(hostile.err));
        QTRY_COMPARE(storeSnapshot(), m_pristine);
    }

    void systemDfCountsSharedLayersOnce()
    {
        QCOMPARE(m_engine.berth({QStringLiteral("tag"), QStringLiteral("busybox"), QStringLiteral("alias:1")}).exitCode, 0);
        const ProcessResult run = m_engine.berth({QStringLiteral("system"), QStringLiteral("df")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(
            QRegularExpression(QStringLiteral("\\nImages +1 +0 +1\\.98MB +1\\.98MB \\(100%\\)\\n")).match(run.out).hasMatch(),
            qPrintable(run.out));
        QCOMPARE(m_engine.berth({QStringLiteral("rmi"), QStringLiteral("alias:1")}).exitCode, 0);
    }

    void onlyReadableStreamsAreAccepted()
    {
        const int writeOnly = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
        QDBusReply<QDBusObjectPath> refused = m_images->LoadImages(QDBusUnixFileDescriptor(writeOnly), {});
        ::close(writeOnly);
        QCOMPARE(refused.error().name(), QStringLiteral("org.berth.Error.InvalidArgument"));
        const int directory = ::open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        QDBusReply<QDBusObjectPath> dir = m_images->LoadImages(QDBusUnixFileDescriptor(directory), {});
        ::close(directory);
        QCOMPARE(dir.error().name(), QStringLiteral("org.berth.Error.InvalidArgument"));
        QVERIFY(dir.error().message().contains(u"a pipe, a socket or a character device"));
    }

private:
    // Names of everything in the data root's stores. Compared with QTRY_COMPARE: a removed
    // layer's files are deleted in the background after it is renamed aside.
    QStringList storeSnapshot() const
    {
        QStringList entries;
        for (const QString &dir :
             {QStringLiteral("blobs/sha256"), QStringLiteral("blobs/ingest"), QStringLiteral("layers"), QStringLiteral("images")})
            for (const QFileInfo &info :
                 QDir(m_engine.dataRoot() + u'/' + dir).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
                entries << dir + u'/' + info.fileName();
        entries.sort();
        return entries;
    }

    QJsonObject inspect(const QString &name)
    {
        const ProcessResult run = m_engine.berth({QStringLiteral("image"), QStringLiteral("inspect"), name});
        return QJsonDocument::fromJson(run.out.toUtf8()).array().at(0).toObject();
    }

    ProcessResult load(const QByteArray &archive)
    {
        QTemporaryFile file;
        if (!file.open() || file.write(archive) != archive.size() || !file.flush())
            return {};
        return m_engine.berth({QStringLiteral("load"), QStringLiteral("-i"), file.fileName()});
    }

    IsolatedEngine m_engine;
    std::unique_ptr<ImagesProxy> m_images;
    QStringList m_pristine;
};

QTEST_GUILESS_MAIN(TestLoad)
#include "tst_load.moc"
