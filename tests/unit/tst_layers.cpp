// Layer unpacking and the layer store, with hostile layers: every entry must land inside the
// layer directory or be refused, and a refused layer leaves nothing in the store.

#include "isolatedengine.h"
#include "layers/layerchanges.h"
#include "layers/layerstore.h"
#include "layers/layerunpacker.h"
#include "system/uniquefd.h"
#include "tarbuilder.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>

using namespace berth;
using namespace berth::test;

namespace {

// The bytes as a file descriptor, as a blob would arrive.
UniqueFd asFd(const QByteArray &bytes)
{
    UniqueFd fd(::memfd_create("layer", MFD_CLOEXEC));
    if (::write(fd.get(), bytes.constData(), size_t(bytes.size())) != bytes.size())
        return {};
    ::lseek(fd.get(), 0, SEEK_SET);
    return fd;
}

struct stat statOf(const QString &path)
{
    struct stat st
    {
    };
    ::lstat(QFile::encodeName(path).constData(), &st);
    return st;
}

QByteArray xattr(const QString &path, const char *name)
{
    char value[64];
    const ssize_t n = ::lgetxattr(QFile::encodeName(path).constData(), name, value, sizeof value);
    return n < 0 ? QByteArray() : QByteArray(value, n);
}

} // namespace

class TestLayers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { BERTH_REQUIRE_ROOT(); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        // The layer goes into <tmp>/root; hostile entries aim at <tmp>/outside.
        QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("root")));
        m_root = m_dir->filePath(QStringLiteral("root"));
        m_outside = m_dir->filePath(QStringLiteral("outside"));
    }

    void unpacksFilesOwnersModesLinksAndTimes()
    {
        TarBuilder tar;
        tar.dir("etc", 0750, 0, 42)
            .file("etc/passwd", "root:x:0:0::/root:/bin/sh\n", 0640, 1000, 42, {{"user.note", "hi"}})
            .file("bin/tool", "#!/bin/sh\n", 04755)
            .symlink("bin/sh", "/bin/tool")
            .hardlink("bin/tool2", "bin/tool")
            .fifo("run/pipe");
        const QByteArray bytes = tar.finish();
        const auto result = unpack(bytes);
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message()));
        QCOMPARE(result->diffId, Digest::ofBytes(tar.uncompressed()));
        QCOMPARE(result->entries, 6);

        const struct stat passwd = statOf(m_root + QStringLiteral("/etc/passwd"));
        QCOMPARE(passwd.st_uid, 1000u);
        QCOMPARE(passwd.st_gid, 42u);
        QCOMPARE(passwd.st_mode & 07777, mode_t(0640));
        QCOMPARE(passwd.st_mtim.tv_sec, 1700000000);
        QCOMPARE(xattr(m_root + QStringLiteral("/etc/passwd"), "user.note"), QByteArray("hi"));
        QCOMPARE(statOf(m_root + QStringLiteral("/etc")).st_mode & 07777, mode_t(0750));
        QCOMPARE(statOf(m_root + QStringLiteral("/etc")).st_mtim.tv_sec, 1700000000);
        QCOMPARE(statOf(m_root + QStringLiteral("/bin/tool")).st_mode & 07777, mode_t(04755));
        QCOMPARE(QFile::symLinkTarget(m_root + QStringLiteral("/bin/sh")).isEmpty(), false);
        QCOMPARE(statOf(m_root + QStringLiteral("/bin/tool2")).st_ino, statOf(m_root + QStringLiteral("/bin/tool")).st_ino);
        QVERIFY(S_ISFIFO(statOf(m_root + QStringLiteral("/run/pipe")).st_mode));
    }

    void decompressesGzipAndZstdInProcess()
    {
        for (auto compression : {TarBuilder::Compression::Gzip, TarBuilder::Compression::Zstd}) {
            init();
            TarBuilder tar(compression);
            tar.file("a", QByteArray(100000, 'x'));
            const QByteArray bytes = tar.finish();
            const auto result = unpack(bytes);
            QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message()));
            QCOMPARE(result->diffId, Digest::ofBytes(tar.uncompressed()));
            QCOMPARE(QFileInfo(m_root + QStringLiteral("/a")).size(), 100000);
        }
    }

    void whiteoutsBecomeOverlayForm()
    {
        const auto result = unpack(TarBuilder().file("etc/.wh.hosts", {}).dir("var").file("var/.wh..wh..opq", {}).finish());
        QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message()));
        const struct stat whiteout = statOf(m_root + QStringLiteral("/etc/hosts"));
        QVERIFY(S_ISCHR(whiteout.st_mode));
        QCOMPARE(whiteout.st_rdev, makedev(0, 0));
        QCOMPARE(xattr(m_root + QStringLiteral("/var"), "trusted.overlay.opaque"), QByteArray("y"));
        QVERIFY(!QFile::exists(m_root + QStringLiteral("/var/.wh..wh..opq")));
    }

    void refusesDotDot()
    {
        const auto result = unpack(TarBuilder().file("../outside/evil", "x").finish());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::InvalidArgument);
        QVERIFY2(result.error().message().contains(u".."), qPrintable(result.error().message()));
        QVERIFY(!QFile::exists(m_outside));
    }

    void containsAbsolutePaths()
    {
        const QByteArray target = QFile::encodeName(m_outside) + "/abs";
        const auto result = unpack(TarBuilder().file(target, "x").finish());
        QVERIFY(result.ok());
        QVERIFY(!QFile::exists(m_outside));
        QVERIFY(QFile::exists(m_root + m_outside + QStringLiteral("/abs")));
    }

    void symlinkThenWriteThroughItStaysInside()
    {
        // "escape" points at the real outside directory, absolutely and relatively.
        QVERIFY(QDir().mkpath(m_outside));
        const QByteArray absolute = QFile::encodeName(m_outside);
        const auto first = unpack(TarBuilder().symlink("escape", absolute).file("escape/evil", "x").finish());
        QVERIFY(!QFile::exists(m_outside + QStringLiteral("/evil")));
        if (first.ok())
            QVERIFY(QFile::exists(m_root + m_outside + QStringLiteral("/evil")));

        init();
        QVERIFY(QDir().mkpath(m_outside));
        const auto second
            = unpack(TarBuilder().symlink("up", "../../../../../..").file("up/" + absolute.mid(1) + "/evil", "x").finish());
        QVERIFY(!QFile::exists(m_outside + QStringLiteral("/evil")));
        Q_UNUSED(second);
    }

    void hardlinkOutsideIsRefused()
    {
        const auto relative = unpack(TarBuilder().hardlink("pw", "../../../../etc/passwd").finish());
        QVERIFY(!relative.ok());
        const auto absolute = unpack(TarBuilder().hardlink("pw", "/etc/passwd").finish());
        QVERIFY(!absolute.ok());
        QVERIFY2(absolute.error().message().contains(u"not in the layer"), qPrintable(absolute.error().message()));
        QVERIFY(!QFile::exists(m_root + QStringLiteral("/pw")));
        // A link to a symlink that points outside links the symlink, never the target.
        init();
        const auto viaSymlink = unpack(TarBuilder().symlink("s", "/etc/passwd").hardlink("pw", "s").finish());
        QVERIFY(viaSymlink.ok());
        QVERIFY(statOf(m_root + QStringLiteral("/pw")).st_ino != statOf(QStringLiteral("/etc/passwd")).st_ino);
    }

    void whiteoutNamingDotDotIsRefused()
    {
        for (const QByteArray &name : {QByteArray("a/.wh.."), QByteArray(".wh..."), QByteArray("a/.wh.")}) {
            init();
            const auto result = unpack(TarBuilder().file(name, {}).finish());
            QVERIFY2(!result.ok(), name.constData());
            QCOMPARE(result.error().kind(), ErrorKind::InvalidArgument);
        }
    }

    void deviceNodesAreSkipped()
    {
        const auto result = unpack(TarBuilder().charDevice("dev/mem", 1, 1).file("ok", "x").finish());
        QVERIFY(result.ok());
        QCOMPARE(result->skippedDevices, 1);
        QVERIFY(!QFile::exists(m_root + QStringLiteral("/dev/mem")));
        QVERIFY(QFile::exists(m_root + QStringLiteral("/ok")));
    }

    void forgedOverlayXattrsAreDropped()
    {
        const auto result = unpack(TarBuilder().file("f", "x", 0644, 0, 0, {{"trusted.overlay.redirect", "/etc"}}).finish());
        QVERIFY(result.ok());
        QVERIFY(xattr(m_root + QStringLiteral("/f"), "trusted.overlay.redirect").isEmpty());
    }

    void truncatedGzipIsAnError()
    {
        TarBuilder tar(TarBuilder::Compression::Gzip);
        const QByteArray bytes = tar.file("big", QByteArray(300000, 'y')).finish();
        const auto result = unpack(bytes.left(bytes.size() / 2));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind(), ErrorKind::InvalidArgument);
    }

    void limitsStopBombs()
    {
        const QByteArray many = TarBuilder().file("a", "1").file("b", "2").file("c", "3").file("d", "4").finish();
        const auto entries = unpack(many, UnpackLimits{qint64(1) << 30, 3, 4096});
        QVERIFY(!entries.ok());
        QCOMPARE(entries.error().kind(), ErrorKind::LimitExceeded);
        init();
        const auto bytes = unpack(TarBuilder().file("big", QByteArray(1 << 20, 'z')).finish(), UnpackLimits{100000, 10, 4096});
        QVERIFY(!bytes.ok());
        QCOMPARE(bytes.error().kind(), ErrorKind::LimitExceeded);
        init();
        const auto path = unpack(TarBuilder().file(QByteArray(300, 'p'), "x").finish(), UnpackLimits{qint64(1) << 30, 10, 200});
        QVERIFY(!path.ok());
    }

    void storeKeysByChainIdStoresOnceAndRefusesWrongDiffId()
    {
        LayerStore store(m_dir->path());
        QVERIFY(store.open().ok());
        TarBuilder base;
        const QByteArray baseTar = base.file("bin/sh", "x").finish();
        const Digest baseDiff = Digest::ofBytes(base.uncompressed());

        const auto wrong = store.add(asFd(baseTar).get(), std::nullopt, Digest::ofBytes("other"));
        QVERIFY(!wrong.ok());
        QVERIFY(wrong.error().message().contains(u"does not match"));
        QCOMPARE(QDir(m_dir->filePath(QStringLiteral("layers")))
                     .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                     .size(),
                 0);

        const auto first = store.add(asFd(baseTar).get(), std::nullopt, baseDiff);
        QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message()));
        QCOMPARE(first->chainId, baseDiff);
        const auto again = store.add(asFd(baseTar).get(), std::nullopt, baseDiff);
        QVERIFY(again.ok());
        QCOMPARE(store.list().size(), 1);

        TarBuilder top;
        const QByteArray topTar = top.file("app", "y").finish();
        const auto child = store.add(asFd(topTar).get(), first->chainId, std::nullopt);
        QVERIFY(child.ok());
        QCOMPARE(child->chainId, LayerStore::chainId(baseDiff, Digest::ofBytes(top.uncompressed())));
        QCOMPARE(*store.record(child->chainId)->parent, baseDiff);
        QVERIFY(QFile::exists(store.diffPath(child->chainId) + QStringLiteral("/app")));
        QVERIFY(store.remove(child->chainId).ok());
        QVERIFY(!store.contains(child->chainId));
    }

    void changesCompareWithLowerLayers()
    {
        LayerStore store(m_dir->path());
        QVERIFY(store.open().ok());
        const auto base
            = store.add(asFd(TarBuilder().file("etc/hosts", "a").file("etc/motd", "b").symlink("bin", "/usr/bin").finish()).get(),
                        std::nullopt, std::nullopt);
        QVERIFY(base.ok());
        // "bin/x" is new even though "bin" is a symlink to the host's /usr/bin in the lower layer.
        const auto top = store.add(
            asFd(TarBuilder().file("etc/hosts", "changed").file("etc/.wh.motd", {}).file("bin2/x", "12345").finish()).get(),
            base->chainId, std::nullopt);
        QVERIFY(top.ok());
        const auto changes = layerChanges(store, top->chainId);
        QVERIFY2(changes.ok(), changes.ok() ? "" : qPrintable(changes.error().message()));
        QHash<QString, LayerChange::Kind> kinds;
        for (const LayerChange &change : changes->changes)
            kinds.insert(change.path, change.kind);
        QCOMPARE(kinds.value(QStringLiteral("etc/hosts")), LayerChange::Kind::Changed);
        QCOMPARE(kinds.value(QStringLiteral("etc/motd")), LayerChange::Kind::Deleted);
        QCOMPARE(kinds.value(QStringLiteral("bin2/x")), LayerChange::Kind::Added);
        QCOMPARE(changes->addedBytes, quint64(7 + 5));
        QVERIFY(!changes->truncated);
        const auto limited = layerChanges(store, top->chainId, 1);
        QVERIFY(limited->truncated);
    }

private:
    Result<UnpackResult> unpack(const QByteArray &bytes, const UnpackLimits &limits = {})
    {
        const UniqueFd fd = asFd(bytes);
        return unpackLayer(fd.get(), m_root, limits);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_root;
    QString m_outside;
};

QTEST_GUILESS_MAIN(TestLayers)
#include "tst_layers.moc"
