// Volumes against an isolated engine: a named volume keeps its data across containers, is
// mounted read-only on request, is refused removal while used; -v /path and the image's
// VOLUMEs get anonymous volumes that rm -v removes; bad volume requests create nothing.

#include "isolatedengine.h"
#include "tarbuilder.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <sys/stat.h>

using namespace berth::test;

class TestVolumes : public QObject
{
    Q_OBJECT

    ProcessResult berth(const QStringList &arguments, const QByteArray &input = {}) const
    {
        return m_engine.berth(arguments, input);
    }

    QStringList volumeNames() const
    {
        return berth({QStringLiteral("volume"), QStringLiteral("ls"), QStringLiteral("-q")}).out.split(u'\n', Qt::SkipEmptyParts);
    }

private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        QVERIFY2(m_engine.start(), qPrintable(m_engine.errorString()));
    }

    void cleanupTestCase() { m_engine.stop(); }

    void aNamedVolumeKeepsItsData()
    {
        QCOMPARE(berth({QStringLiteral("volume"), QStringLiteral("create"), QStringLiteral("--label"), QStringLiteral("app=test"),
                        QStringLiteral("kept")})
                     .out,
                 QStringLiteral("kept\n"));
        QCOMPARE(berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-v"), QStringLiteral("kept:/data"),
                        QStringLiteral("busybox"), QStringLiteral("sh"), QStringLiteral("-c"),
                        QStringLiteral("echo written > /data/file")})
                     .exitCode,
                 0);
        const ProcessResult read = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-v"),
                                          QStringLiteral("kept:/data:ro"), QStringLiteral("busybox"), QStringLiteral("sh"),
                                          QStringLiteral("-c"), QStringLiteral("cat /data/file; touch /data/other")});
        QCOMPARE(read.out, QStringLiteral("written\n"));
        QVERIFY2(read.err.contains(u"Read-only file system"), qPrintable(read.err));
        const QJsonObject inspected
            = QJsonDocument::fromJson(
                  berth({QStringLiteral("volume"), QStringLiteral("inspect"), QStringLiteral("kept")}).out.toUtf8())
                  .array()
                  .first()
                  .toObject();
        QCOMPARE(inspected.value(u"Labels").toObject().value(u"app").toString(), QStringLiteral("test"));
        QVERIFY(inspected.value(u"Mountpoint").toString().startsWith(m_engine.dataRoot()));
        // A volume named by a container that does not exist yet is made for it.
        QCOMPARE(berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-v"), QStringLiteral("made-by-run:/m"),
                        QStringLiteral("busybox"), QStringLiteral("true")})
                     .exitCode,
                 0);
        QVERIFY(volumeNames().contains(QStringLiteral("made-by-run")));
        // `inspect` finds volumes too; `system df` counts them (8 bytes in "kept", unused).
        const ProcessResult any = berth({QStringLiteral("inspect"), QStringLiteral("kept")});
        QCOMPARE(QJsonDocument::fromJson(any.out.toUtf8()).array().first().toObject().value(u"Driver").toString(),
                 QStringLiteral("local"));
        QVERIFY(berth({QStringLiteral("inspect"), QStringLiteral("--type"), QStringLiteral("network"), QStringLiteral("kept")})
                    .exitCode
                != 0);
        const ProcessResult df = berth({QStringLiteral("system"), QStringLiteral("df")});
        QVERIFY2(QRegularExpression(QStringLiteral("\\nLocal Volumes +2 +0 +8B +8B \\(100%\\)\\n")).match(df.out).hasMatch(),
                 qPrintable(df.out));
    }

    void filtersPickVolumes()
    {
        const auto listed = [this](const QStringList &filters) {
            QStringList arguments{QStringLiteral("volume"), QStringLiteral("ls"), QStringLiteral("-q")};
            for (const QString &filter : filters)
                arguments << QStringLiteral("-f") << filter;
            return berth(arguments).out.split(u'\n', Qt::SkipEmptyParts);
        };
        QCOMPARE(listed({QStringLiteral("label=app=test")}), QStringList{QStringLiteral("kept")});
        QCOMPARE(listed({QStringLiteral("label=app")}), QStringList{QStringLiteral("kept")});
        QCOMPARE(listed({QStringLiteral("label=app=other")}), QStringList{});
        QCOMPARE(listed({QStringLiteral("name=by-run")}), QStringList{QStringLiteral("made-by-run")});
        // One key's values are alternatives; different keys must all match.
        QCOMPARE(listed({QStringLiteral("name=kept"), QStringLiteral("name=by-run")}).size(), 2);
        QCOMPARE(listed({QStringLiteral("name=kept"), QStringLiteral("driver=local"), QStringLiteral("dangling=true")}),
                 QStringList{QStringLiteral("kept")});
        QCOMPARE(listed({QStringLiteral("dangling=false")}), QStringList{});
        QCOMPARE(
            berth({QStringLiteral("volume"), QStringLiteral("ls"), QStringLiteral("-f"), QStringLiteral("colour=red")}).exitCode,
            125);
    }

    void aVolumeInUseIsKept()
    {
        const QString id = berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("user"),
                                  QStringLiteral("-v"), QStringLiteral("kept:/data"), QStringLiteral("busybox"),
                                  QStringLiteral("sleep"), QStringLiteral("1000")})
                               .out.trimmed();
        const ProcessResult refused = berth({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("kept")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"remove kept: volume is in use - [user]"), qPrintable(refused.err));
        const ProcessResult pruned
            = berth({QStringLiteral("volume"), QStringLiteral("prune"), QStringLiteral("-a"), QStringLiteral("-f")});
        QVERIFY2(!pruned.out.contains(u"kept"), qPrintable(pruned.out));
        QVERIFY(volumeNames().contains(QStringLiteral("kept")));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-f"), id}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("kept")}).exitCode, 0);
        QVERIFY(!volumeNames().contains(QStringLiteral("kept")));
    }

    void anonymousVolumesGoWithRmV()
    {
        const QStringList before = volumeNames();
        const QString id = berth({QStringLiteral("create"), QStringLiteral("-v"), QStringLiteral("/scratch"),
                                  QStringLiteral("busybox"), QStringLiteral("true")})
                               .out.trimmed();
        const QJsonArray mounts = QJsonDocument::fromJson(berth({QStringLiteral("inspect"), id}).out.toUtf8())
                                      .array()
                                      .first()
                                      .toObject()
                                      .value(u"Mounts")
                                      .toArray();
        QCOMPARE(mounts.size(), 1);
        const QString anonymous = mounts.first()[u"Name"].toString();
        QCOMPARE(anonymous.size(), 64);
        QCOMPARE(mounts.first()[u"Destination"].toString(), QStringLiteral("/scratch"));
        QVERIFY(volumeNames().contains(anonymous));
        QCOMPARE(berth({QStringLiteral("rm"), QStringLiteral("-v"), id}).exitCode, 0);
        QCOMPARE(volumeNames(), before);
        // --rm takes them too, as docker's does.
        QCOMPARE(berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-v"), QStringLiteral("/tmpdata"),
                        QStringLiteral("busybox"), QStringLiteral("true")})
                     .exitCode,
                 0);
        QTRY_COMPARE(volumeNames(), before);
    }

    void aNewVolumeGetsTheImagesContent()
    {
        // An image with a tree at /data: a file with two links, a symlink, an owner and a mode.
        const QByteArray rootfs = TarBuilder()
                                      .dir("data", 0750, 1234, 1234)
                                      .file("data/first", "linked\n", 0640, 1234, 1234)
                                      .hardlink("data/second", "data/first")
                                      .symlink("data/link", "/etc/passwd")
                                      .dir("data/sub")
                                      .file("data/sub/deep", "deep\n")
                                      .finish();
        QCOMPARE(berth({QStringLiteral("import"), QStringLiteral("-"), QStringLiteral("withdata:1")}, rootfs).exitCode, 0);
        // The image has no program: the start fails, after the volume was filled.
        berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-v"), QStringLiteral("filled:/data"),
               QStringLiteral("withdata:1"), QStringLiteral("/nothing")});
        const QString data = m_engine.dataRoot() + QStringLiteral("/volumes/filled/_data");
        struct stat first
        {
        }, second{}, root{};
        QCOMPARE(::stat(QFile::encodeName(data + QStringLiteral("/first")).constData(), &first), 0);
        QCOMPARE(::stat(QFile::encodeName(data + QStringLiteral("/second")).constData(), &second), 0);
        QCOMPARE(first.st_ino, second.st_ino);
        QCOMPARE(first.st_uid, uid_t(1234));
        QCOMPARE(first.st_mode & 07777, mode_t(0640));
        QCOMPARE(QFile::symLinkTarget(data + QStringLiteral("/link")).isEmpty(), false);
        QCOMPARE(QFileInfo(data + QStringLiteral("/link")).isSymLink(), true);
        QCOMPARE(QFile(data + QStringLiteral("/sub/deep")).exists(), true);
        QCOMPARE(::stat(QFile::encodeName(data).constData(), &root), 0);
        QCOMPARE(root.st_mode & 07777, mode_t(0750));
        QCOMPARE(root.st_uid, uid_t(1234));
        // Not empty any more: a second mount copies nothing over what the volume holds.
        QFile::remove(data + QStringLiteral("/sub/deep"));
        berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-v"), QStringLiteral("filled:/data"),
               QStringLiteral("withdata:1"), QStringLiteral("/nothing")});
        QVERIFY(!QFile::exists(data + QStringLiteral("/sub/deep")));
        QCOMPARE(berth({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("filled")}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("rmi"), QStringLiteral("withdata:1")}).exitCode, 0);
    }

    void mountAndTmpfsFlags()
    {
        const ProcessResult mounted
            = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("--mount"),
                     QStringLiteral("type=volume,source=by-mount,target=/v"), QStringLiteral("--mount"),
                     QStringLiteral("type=bind,source=%1,target=/h,readonly").arg(m_engine.path()), QStringLiteral("--mount"),
                     QStringLiteral("type=tmpfs,target=/t,tmpfs-size=1m"), QStringLiteral("--tmpfs"),
                     QStringLiteral("/scratch:size=2m"), QStringLiteral("busybox"), QStringLiteral("sh"), QStringLiteral("-c"),
                     QStringLiteral("echo in > /v/f && grep -E ' /(h|t|scratch) ' /proc/mounts && touch /h/x")});
        QVERIFY2(mounted.out.contains(u"tmpfs /t tmpfs rw,nosuid,nodev,noexec,relatime,size=1024k"), qPrintable(mounted.out));
        QVERIFY2(mounted.out.contains(u"tmpfs /scratch tmpfs rw,nosuid,nodev,noexec,relatime,size=2048k"),
                 qPrintable(mounted.out));
        QVERIFY2(QRegularExpression(QStringLiteral(" /h \\S+ ro,")).match(mounted.out).hasMatch(), qPrintable(mounted.out));
        QVERIFY2(mounted.err.contains(u"Read-only file system"), qPrintable(mounted.err));
        QVERIFY(volumeNames().contains(QStringLiteral("by-mount")));
        for (const auto &[flag, value, message] :
             {std::tuple{"--mount", "type=weird,target=/x", "invalid mount type \"weird\""},
              std::tuple{"--mount", "type=bind,source=relative,target=/x", "source must be an absolute path"},
              std::tuple{"--mount", "type=volume,source=v", "target is required"},
              std::tuple{"--tmpfs", "/x:size=abc", "invalid tmpfs mount"}}) {
            const ProcessResult refused = berth({QStringLiteral("run"), QStringLiteral("--rm"), QLatin1StringView(flag),
                                                 QLatin1StringView(value), QStringLiteral("busybox"), QStringLiteral("true")});
            QCOMPARE(refused.exitCode, 125);
            QVERIFY2(refused.err.contains(QLatin1StringView(message)), qPrintable(refused.err));
        }
    }

    void badRequestsCreateNothing()
    {
        const QStringList before = volumeNames();
        for (const auto &[spec, message] :
             {std::pair{"bad/name:/data", "invalid volume specification"},
              std::pair{"name:relative", "invalid volume specification"}, std::pair{"vol:/a/../b", "\"..\" is not allowed"},
              std::pair{"/does/not/exist/here:/x", "bind source path does not exist"}}) {
            const ProcessResult refused = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-v"),
                                                 QLatin1StringView(spec), QStringLiteral("busybox"), QStringLiteral("true")});
            QVERIFY(refused.exitCode != 0);
            QVERIFY2(refused.err.contains(QLatin1StringView(message)), qPrintable(refused.err));
        }
        const ProcessResult twice
            = berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("-v"), QStringLiteral("one:/d"),
                     QStringLiteral("-v"), QStringLiteral("two:/d"), QStringLiteral("busybox"), QStringLiteral("true")});
        QVERIFY2(twice.err.contains(u"Duplicate mount point: /d"), qPrintable(twice.err));
        const ProcessResult name = berth({QStringLiteral("volume"), QStringLiteral("create"), QStringLiteral("-x")});
        QVERIFY(name.exitCode != 0);
        QCOMPARE(volumeNames(), before);
        const ProcessResult missing = berth({QStringLiteral("volume"), QStringLiteral("rm"), QStringLiteral("nothing-here")});
        QVERIFY2(missing.err.contains(u"no such volume"), qPrintable(missing.err));
    }

private:
    IsolatedEngine m_engine;
};

QTEST_GUILESS_MAIN(TestVolumes)
#include "tst_volumes.moc"
