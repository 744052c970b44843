// Interoperability with the real tools: an archive saved by Berth loads into podman and is
// read by skopeo; an OCI layout written by skopeo loads into Berth with identical digests.

#include "isolatedengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace berth::test;

namespace { } // namespace

class TestInterop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        for (const char *tool : {"skopeo", "podman"})
            QVERIFY2(!QStandardPaths::findExecutable(QLatin1StringView(tool)).isEmpty(),
                     qPrintable(QStringLiteral("%1 is missing; ./berth-dev installs it").arg(QLatin1StringView(tool))));
        QVERIFY2(m_engine.start(), qPrintable(m_engine.errorString()));
        m_archive = m_work.filePath(QStringLiteral("busybox.tar"));
        const ProcessResult save
            = m_engine.berth({QStringLiteral("save"), QStringLiteral("-o"), m_archive, QStringLiteral("busybox")});
        QVERIFY2(save.exitCode == 0, qPrintable(save.err));
        m_diffIds = inspect(QStringLiteral("busybox")).value(u"RootFS").toObject().value(u"Layers").toArray();
        m_imageId = inspect(QStringLiteral("busybox")).value(u"Id").toString();
    }

    void cleanupTestCase() { m_engine.stop(); }

    void skopeoReadsBerthsArchive()
    {
        const ProcessResult run
            = runProcess(QStringLiteral("skopeo"), {QStringLiteral("inspect"), QStringLiteral("docker-archive:") + m_archive});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject image = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(image.value(u"Os").toString(), QStringLiteral("linux"));
        QCOMPARE(image.value(u"Layers").toArray().size(), 1);
        const ProcessResult config
            = runProcess(QStringLiteral("skopeo"),
                         {QStringLiteral("inspect"), QStringLiteral("--config"), QStringLiteral("docker-archive:") + m_archive});
        QVERIFY2(config.exitCode == 0, qPrintable(config.err));
        QCOMPARE(QJsonDocument::fromJson(config.out.toUtf8()).object().value(u"rootfs").toObject().value(u"diff_ids").toArray(),
                 m_diffIds);
    }

    void podmanLoadsBerthsArchive()
    {
        const QStringList storage
            = podmanStorage(m_work.path()) + QStringList{QStringLiteral("--storage-driver"), QStringLiteral("vfs")};
        const ProcessResult load = runProcess(QStringLiteral("podman"),
                                              storage + QStringList{QStringLiteral("load"), QStringLiteral("-i"), m_archive});
        QVERIFY2(load.exitCode == 0, qPrintable(load.err));
        QVERIFY2(load.out.contains(u"busybox:latest"), qPrintable(load.out));
        const ProcessResult images = runProcess(QStringLiteral("podman"),
                                                storage
                                                    + QStringList{QStringLiteral("images"), QStringLiteral("--no-trunc"),
                                                                  QStringLiteral("--format"), QStringLiteral("{{.ID}}")});
        QVERIFY2(images.exitCode == 0, qPrintable(images.err));
        QVERIFY2(m_imageId.contains(images.out.trimmed().remove(QStringLiteral("sha256:"))), qPrintable(images.out));
    }

    void skopeoOciLayoutLoadsWithIdenticalDigests()
    {
        const QString layout = m_work.filePath(QStringLiteral("layout"));
        const ProcessResult copy = runProcess(QStringLiteral("skopeo"),
                                              {QStringLiteral("copy"), QStringLiteral("docker-archive:") + m_archive,
                                               QStringLiteral("oci:") + layout + QStringLiteral(":skopeo/busybox:copied")});
        QVERIFY2(copy.exitCode == 0, qPrintable(copy.err));
        const QString layoutTar = m_work.filePath(QStringLiteral("layout.tar"));
        QCOMPARE(runProcess(QStringLiteral("tar"),
                            {QStringLiteral("-C"), layout, QStringLiteral("-cf"), layoutTar, QStringLiteral(".")})
                     .exitCode,
                 0);
        QCOMPARE(m_engine.berth({QStringLiteral("rmi"), QStringLiteral("busybox")}).exitCode, 0);
        const ProcessResult load = m_engine.berth({QStringLiteral("load"), QStringLiteral("-i"), layoutTar});
        QVERIFY2(load.exitCode == 0, qPrintable(load.err));
        QCOMPARE(load.out, QStringLiteral("Loaded image: skopeo/busybox:copied\n"));
        // skopeo gzips the layer and rewrites the config (so the image id changes); the
        // layer content, named by its diff ID, is the same.
        const QJsonObject loaded = inspect(QStringLiteral("skopeo/busybox:copied"));
        QCOMPARE(loaded.value(u"RootFS").toObject().value(u"Layers").toArray(), m_diffIds);
    }

private:
    QJsonObject inspect(const QString &name)
    {
        return QJsonDocument::fromJson(m_engine.berth({QStringLiteral("image"), QStringLiteral("inspect"), name}).out.toUtf8())
            .array()
            .at(0)
            .toObject();
    }

    IsolatedEngine m_engine;
    QTemporaryDir m_work;
    QString m_archive;
    QJsonArray m_diffIds;
    QString m_imageId;
    ContainersCacheGuard m_cacheGuard;
};

QTEST_GUILESS_MAIN(TestInterop)
#include "tst_interop.moc"
