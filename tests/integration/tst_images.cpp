// Local images through the engine and the CLI: the built-in busybox image, inspect, history,
// tag and rmi with docker's semantics, prune, filters, and refusals.

#include "engine.h"
#include "imagesproxy.h"
#include "isolatedengine.h"

#include <QDBusReply>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace berth;
using namespace berth::test;

class TestImages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        QVERIFY2(m_engine.startAsSystemBus(), qPrintable(m_engine.errorString()));
        m_images = std::make_unique<ImagesProxy>(engine::kService, engine::kImagesPath, engine::bus());
    }

    void cleanupTestCase() { m_engine.stop(); }

    void builtinBusyboxIsListed()
    {
        const ProcessResult run = m_engine.berth({QStringLiteral("images")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(
            QRegularExpression(QStringLiteral("\\nbusybox +latest +[0-9a-f]{12} +.+ago +[0-9.]+MB\\n")).match(run.out).hasMatch(),
            qPrintable(run.out));
        QVERIFY(run.out.startsWith(u"REPOSITORY   TAG      IMAGE ID       CREATED"));
    }

    void builtinImageIsARealOciImage()
    {
        const ProcessResult run = m_engine.berth({QStringLiteral("image"), QStringLiteral("inspect"), QStringLiteral("busybox")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject image = QJsonDocument::fromJson(run.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(image.value(u"RepoTags").toArray().at(0).toString(), QStringLiteral("busybox:latest"));
        QCOMPARE(image.value(u"Config").toObject().value(u"Cmd").toArray().at(0).toString(), QStringLiteral("sh"));
        QVERIFY(image.value(u"Config").toObject().value(u"Env").toArray().at(0).toString().startsWith(u"PATH="));
        QCOMPARE(image.value(u"Os").toString(), QStringLiteral("linux"));
        QCOMPARE(image.value(u"RootFS").toObject().value(u"Layers").toArray().size(), 1);
        // Its one layer holds busybox, its applets and a minimal passwd and group.
        const QString diff = layerDiffOf(image);
        QVERIFY(QFileInfo(diff + QStringLiteral("/bin/busybox")).isExecutable());
        QCOMPARE(QFile::symLinkTarget(diff + QStringLiteral("/bin/sh")), QStringLiteral("/bin/busybox"));
        QVERIFY(QFile(diff + QStringLiteral("/etc/passwd")).size() > 0);
        QVERIFY(QFile(diff + QStringLiteral("/etc/group")).size() > 0);
        QCOMPARE(QFileInfo(diff + QStringLiteral("/tmp")).permissions() & QFile::WriteOther, QFile::WriteOther);
    }

    void historyShowsHowItWasMade()
    {
        const ProcessResult run
            = m_engine.berth({QStringLiteral("history"), QStringLiteral("--no-trunc"), QStringLiteral("busybox")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"from the host's busybox-static package"), qPrintable(run.out));
        QVERIFY(run.out.contains(u"sha256:"));
    }

    void layerChangesListTheBuiltinFiles()
    {
        const QList<QVariantMap> images = QDBusReply<QList<QVariantMap>>(m_images->ListImages({})).value();
        QVERIFY(!images.isEmpty());
        const QVariantMap layer = engine::demarshal(images.first().value(QStringLiteral("Layers"))).toList().value(0).toMap();
        QDBusReply<QVariantMap> reply = m_images->LayerChanges(layer.value(QStringLiteral("ChainId")).toString(), {});
        QVERIFY2(reply.isValid(), qPrintable(reply.error().message()));
        const QVariantMap result = reply.value();
        QVERIFY(result.value(QStringLiteral("AddedBytes")).toULongLong() > 1000000);
        bool sawBusybox = false;
        for (const QVariant &item : engine::demarshal(result.value(QStringLiteral("Changes"))).toList()) {
            const QVariantMap change = item.toMap();
            if (change.value(QStringLiteral("Path")).toString() == u"bin/busybox") {
                sawBusybox = true;
                QCOMPARE(change.value(QStringLiteral("Change")).toString(), QStringLiteral("A"));
            }
        }
        QVERIFY(sawBusybox);
        QDBusReply<QVariantMap> bad = m_images->LayerChanges(QStringLiteral("../../etc"), {});
        QCOMPARE(bad.error().name(), QStringLiteral("org.berth.Error.InvalidArgument"));
        QDBusReply<QVariantMap> missing = m_images->LayerChanges(QStringLiteral("sha256:") + QString(64, u'0'), {});
        QCOMPARE(missing.error().name(), QStringLiteral("org.berth.Error.NotFound"));
    }

    void tagThenRmiUntagsBeforeDeleting()
    {
        QCOMPARE(m_engine.berth({QStringLiteral("tag"), QStringLiteral("busybox"), QStringLiteral("localhost:5000/me/tool:1.0")})
                     .exitCode,
                 0);
        const ProcessResult listed = m_engine.berth({QStringLiteral("images")});
        QVERIFY2(listed.out.contains(QRegularExpression(QStringLiteral("localhost:5000/me/tool +1.0 "))), qPrintable(listed.out));

        const ProcessResult byId = m_engine.berth({QStringLiteral("rmi"), imageId().mid(7, 12)});
        QCOMPARE(byId.exitCode, 1);
        QVERIFY2(byId.err.contains(u"must be forced"), qPrintable(byId.err));

        const ProcessResult untag = m_engine.berth({QStringLiteral("rmi"), QStringLiteral("localhost:5000/me/tool:1.0")});
        QCOMPARE(untag.exitCode, 0);
        QCOMPARE(untag.out, QStringLiteral("Untagged: localhost:5000/me/tool:1.0\n"));
        QVERIFY(m_engine.berth({QStringLiteral("images"), QStringLiteral("-q")}).out.startsWith(imageId().mid(7, 12)));
    }

    void filtersSelectImages()
    {
        QCOMPARE(m_engine.berth({QStringLiteral("tag"), QStringLiteral("busybox"), QStringLiteral("other:2")}).exitCode, 0);
        const ProcessResult byReference
            = m_engine.berth({QStringLiteral("images"), QStringLiteral("--filter"), QStringLiteral("reference=oth*")});
        QVERIFY(byReference.out.contains(u"other "));
        QVERIFY(!byReference.out.contains(u"busybox"));
        const ProcessResult dangling = m_engine.berth(
            {QStringLiteral("images"), QStringLiteral("-f"), QStringLiteral("dangling=true"), QStringLiteral("-q")});
        QCOMPARE(dangling.out, QString());
        const ProcessResult bad = m_engine.berth({QStringLiteral("images"), QStringLiteral("-f"), QStringLiteral("color=blue")});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains(u"invalid filter \"color\""));
        QCOMPARE(m_engine.berth({QStringLiteral("rmi"), QStringLiteral("other:2")}).exitCode, 0);
    }

    void badNamesAreClearErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("inspect missing") << QStringList{QStringLiteral("image"), QStringLiteral("inspect"),
                                                        QStringLiteral("nope")}
                                         << QStringLiteral("No such image: nope:latest");
        QTest::newRow("rmi missing") << QStringList{QStringLiteral("rmi"), QStringLiteral("nope")}
                                     << QStringLiteral("No such image");
        QTest::newRow("tag uppercase") << QStringList{QStringLiteral("tag"), QStringLiteral("busybox"), QStringLiteral("Bad")}
                                       << QStringLiteral("must be lowercase");
        QTest::newRow("tag digest") << QStringList{QStringLiteral("tag"), QStringLiteral("busybox"),
                                                   QStringLiteral("a@sha256:") + QString(64, u'a')}
                                    << QStringLiteral("digest");
        QTest::newRow("history missing") << QStringList{QStringLiteral("history"), QStringLiteral("x/y:z")}
                                         << QStringLiteral("No such image");
    }

    void badNamesAreClearErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const ProcessResult run = m_engine.berth(arguments);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
    }

    void hostileNamesOverTheBus()
    {
        for (const QString &name : {QStringLiteral("../../etc/passwd"), QStringLiteral("a\nb"), QString(10000, u'a'),
                                    QStringLiteral("sha256:../../x"), QString::fromUtf8("\xc3\x28")}) {
            QDBusReply<QString> reply = m_images->InspectImage(name, {});
            QVERIFY(!reply.isValid());
            QCOMPARE(reply.error().name(), QStringLiteral("org.berth.Error.NotFound"));
            QDBusReply<void> tagged = m_images->TagImage(QStringLiteral("busybox"), name, {});
            QCOMPARE(tagged.error().name(), QStringLiteral("org.berth.Error.InvalidArgument"));
        }
        QVERIFY(QDBusReply<QList<QVariantMap>>(m_images->ListImages({})).isValid());
    }

    void imagesSurviveARestart()
    {
        QCOMPARE(m_engine.berth({QStringLiteral("tag"), QStringLiteral("busybox"), QStringLiteral("kept:1")}).exitCode, 0);
        QVERIFY(m_engine.stopHelper());
        QVERIFY2(m_engine.startHelper(), qPrintable(m_engine.errorString()));
        const ProcessResult run = m_engine.berth({QStringLiteral("images")});
        QVERIFY(run.out.contains(u"kept "));
        QVERIFY(run.out.contains(u"busybox "));
        QCOMPARE(m_engine.berth({QStringLiteral("rmi"), QStringLiteral("kept:1")}).exitCode, 0);
    }

    void removingTheLastTagDeletesImageAndLayers()
    {
        const QString layers = m_engine.dataRoot() + QStringLiteral("/layers");
        QCOMPARE(QDir(layers).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);
        const ProcessResult run = m_engine.berth({QStringLiteral("rmi"), QStringLiteral("busybox")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"Untagged: busybox:latest"));
        QVERIFY(run.out.contains(QStringLiteral("Deleted: ") + imageIdBefore()));
        QCOMPARE(QDir(layers).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 0);
        // Moved aside at once, its files deleted in the background, soon.
        QVERIFY(QTest::qWaitFor(
            [&] { return QDir(layers).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty(); }, 5000));
        QCOMPARE(QDir(m_engine.dataRoot() + QStringLiteral("/blobs/sha256")).entryList(QDir::Files).size(), 0);
        QCOMPARE(m_engine.berth({QStringLiteral("images"), QStringLiteral("-q")}).out, QString());
        // The next start makes it again, with the same id: its files take the binary's time.
        QVERIFY(m_engine.stopHelper());
        QVERIFY2(m_engine.startHelper(), qPrintable(m_engine.errorString()));
        QCOMPARE(imageId(), imageIdBefore());
    }

    void pruneAllRemovesUnusedImages()
    {
        const ProcessResult run
            = m_engine.berth({QStringLiteral("image"), QStringLiteral("prune"), QStringLiteral("-a"), QStringLiteral("-f")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Deleted Images:") && run.out.contains(u"Total reclaimed space: "), qPrintable(run.out));
        QCOMPARE(m_engine.berth({QStringLiteral("images"), QStringLiteral("-q")}).out, QString());
    }

private:
    QString imageId()
    {
        const ProcessResult run = m_engine.berth(
            {QStringLiteral("images"), QStringLiteral("-q"), QStringLiteral("--no-trunc"), QStringLiteral("busybox")});
        if (m_firstId.isEmpty())
            m_firstId = run.out.trimmed();
        return run.out.trimmed();
    }

    QString imageIdBefore()
    {
        if (m_firstId.isEmpty())
            imageId();
        return m_firstId;
    }

    QString layerDiffOf(const QJsonObject &image)
    {
        const QString diffId = image.value(u"RootFS").toObject().value(u"Layers").toArray().at(0).toString();
        return m_engine.dataRoot() + QStringLiteral("/layers/") + diffId.mid(7) + QStringLiteral("/diff");
    }

    IsolatedEngine m_engine;
    std::unique_ptr<ImagesProxy> m_images;
    QString m_firstId;
};

QTEST_GUILESS_MAIN(TestImages)
#include "tst_images.moc"
