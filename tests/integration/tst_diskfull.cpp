// A disk that fills up during a load or a pull: it fails with a clear error, nothing half-written
// stays, the engine keeps running, and the next load that fits succeeds.

#include "imagearchive.h"
#include "isolatedengine.h"
#include "localregistry.h"
#include "tarbuilder.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

using namespace berth::test;

namespace {

bool run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    return process.waitForFinished(30000) && process.exitCode() == 0;
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

} // namespace

class TestDiskFull : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        // 12 MiB: room for the built-in image (about 4 MiB) and a small load, not a big one.
        QVERIFY(QDir().mkpath(m_engine.dataRoot()));
        QVERIFY(run(QStringLiteral("mount"),
                    {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), QStringLiteral("size=12m"),
                     QStringLiteral("berth-test-full"), m_engine.dataRoot()}));
        m_mounted = true;
        QVERIFY2(m_engine.start(), qPrintable(m_engine.errorString()));
    }

    void cleanupTestCase()
    {
        m_engine.stop();
        if (m_mounted)
            run(QStringLiteral("umount"), {m_engine.dataRoot()});
    }

    void fullDiskFailsCleanly()
    {
        const QStringList before = snapshot();
        ImageArchive archive;
        archive.addImage({TarBuilder().file("big", randomBytes(10 * 1024 * 1024)).finish()}, {QStringLiteral("big:1")});
        const auto [code, out, err] = load(archive.dockerArchive());
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(u"No space left on device") || err.contains(u"disk is full"), qPrintable(err));
        QTRY_COMPARE(snapshot(), before);
        const auto [listed, images, listErr] = m_engine.berth({QStringLiteral("images"), QStringLiteral("-q")});
        QCOMPARE(listed, 0);
        QCOMPARE(images.count(u'\n'), 1);
    }

    void pullThatFillsTheDiskFailsCleanly()
    {
        // A 10 MiB layer in a registry whose storage is on another disk, put there by skopeo.
        QTemporaryDir work;
        LocalRegistry registry(work.path(), QStringLiteral("registry"));
        QVERIFY2(registry.start(), qPrintable(registry.errorString()));
        ImageArchive archive;
        archive.addImage({TarBuilder().file("big", randomBytes(10 * 1024 * 1024)).finish()}, {QStringLiteral("big:1")});
        QFile file(work.filePath(QStringLiteral("big.tar")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(archive.dockerArchive());
        file.close();
        const ProcessResult pushed
            = runProcess(QStringLiteral("skopeo"),
                         {QStringLiteral("copy"), QStringLiteral("--quiet"), QStringLiteral("--dest-tls-verify=false"),
                          QStringLiteral("docker-archive:") + file.fileName(),
                          QStringLiteral("docker://") + registry.name(QStringLiteral("big:1"))});
        QVERIFY2(pushed.exitCode == 0, qPrintable(pushed.err));

        const QStringList before = snapshot();
        const ProcessResult pulled = m_engine.berth({QStringLiteral("pull"), registry.name(QStringLiteral("big:1"))});
        QCOMPARE(pulled.exitCode, 1);
        QVERIFY2(pulled.err.contains(u"No space left on device") || pulled.err.contains(u"disk is full"), qPrintable(pulled.err));
        QTRY_COMPARE(snapshot(), before);
    }

    void nextLoadThatFitsSucceeds()
    {
        ImageArchive archive;
        archive.addImage({TarBuilder().file("small", randomBytes(512 * 1024)).finish()}, {QStringLiteral("small:1")});
        const auto [code, out, err] = load(archive.dockerArchive());
        QVERIFY2(code == 0, qPrintable(err));
        QCOMPARE(out, QStringLiteral("Loaded image: small:1\n"));
    }

private:
    // Compared with QTRY_COMPARE: a removed layer's files are deleted in the background.
    QStringList snapshot() const
    {
        QStringList entries;
        for (const QString &dir :
             {QStringLiteral("blobs/sha256"), QStringLiteral("blobs/ingest"), QStringLiteral("layers"), QStringLiteral("images")})
            for (const QString &name :
                 QDir(m_engine.dataRoot() + u'/' + dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
                entries << dir + u'/' + name;
        entries.sort();
        return entries;
    }

    ProcessResult load(const QByteArray &archive)
    {
        QTemporaryFile file; // outside the full disk
        if (!file.open() || file.write(archive) != archive.size() || !file.flush())
            return {};
        return m_engine.berth({QStringLiteral("load"), QStringLiteral("-i"), file.fileName()});
    }

    ContainersCacheGuard m_cacheGuard;
    IsolatedEngine m_engine;
    bool m_mounted = false;
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_diskfull.moc"
