// The grammars a container's options are checked against, written out character by character
// (common/asciitext.h): sizes, --cpuset-cpus, --tmpfs options and names, each accepted and
// refused as docker does, ASCII only.

#include "container/containerconfig.h"
#include "container/units.h"

#include <QTest>

using namespace berth;

class TestContainerRules : public QObject
{
    Q_OBJECT

    static Result<void> validated(const std::function<void(ContainerSpec &)> &change)
    {
        ContainerSpec spec;
        spec.config.image = QStringLiteral("busybox");
        change(spec);
        return spec.validate(2);
    }

private Q_SLOTS:
    void readsSizes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("bytes");
        QTest::newRow("bytes") << QStringLiteral("512") << qint64(512);
        QTest::newRow("k") << QStringLiteral("4k") << qint64(4096);
        QTest::newRow("MB") << QStringLiteral("64MB") << qint64(64) * 1024 * 1024;
        QTest::newRow("GiB") << QStringLiteral("1GiB") << (qint64(1) << 30);
        QTest::newRow("fraction") << QStringLiteral("1.5g") << qint64(3) * 512 * 1024 * 1024;
        QTest::newRow("spaces") << QStringLiteral(" 2 m ") << qint64(2) * 1024 * 1024;
        QTest::newRow("b alone") << QStringLiteral("100b") << qint64(100);
    }

    void readsSizes()
    {
        QFETCH(QString, text);
        QFETCH(qint64, bytes);
        const auto parsed = parseBytes(text);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message()));
        QCOMPARE(*parsed, bytes);
    }

    void refusesSizes_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *text : {"", "12q", "m", "1.", ".5m", "-1", "1e3", "1 m b", "1mbb", "1xb", "99999999999p"})
            QTest::newRow(text) << QString::fromLatin1(text);
        QTest::newRow("Arabic-Indic digits") << QStringLiteral("\u0661\u0662m");
    }

    void refusesSizes()
    {
        QFETCH(QString, text);
        const auto parsed = parseBytes(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind(), ErrorKind::InvalidArgument);
        QVERIFY2(parsed.error().message().contains(u"invalid size"), qPrintable(parsed.error().message()));
    }

    void checksCpusets()
    {
        for (const char *list : {"0", "0-1", "0,1", "0-1,3,5-7"})
            QVERIFY2(validated([&](ContainerSpec &s) { s.host.cpusetCpus = QString::fromLatin1(list); }).ok(), list);
        for (const char *list : {"a", "0-", "-1", "0--1", "0,", ",0", "0-1-2", "0 1"}) {
            const auto valid = validated([&](ContainerSpec &s) { s.host.cpusetCpus = QString::fromLatin1(list); });
            QVERIFY2(!valid.ok() && valid.error().message().contains(u"cpuset"), list);
        }
    }

    void checksTmpfsOptions()
    {
        for (const char *options : {"", "size=64m", "size=100,mode=1777", "ro,noexec,nosuid,nodev", "rw,exec,mode=755"})
            QVERIFY2(
                validated([&](ContainerSpec &s) { s.host.tmpfs[QStringLiteral("/run")] = QString::fromLatin1(options); }).ok(),
                options);
        for (const char *options : {"size=", "size=m", "size=64x", "mode=8", "mode=17777", "mode=75", "uid=0", "ro,,rw", ",ro"}) {
            const auto valid
                = validated([&](ContainerSpec &s) { s.host.tmpfs[QStringLiteral("/run")] = QString::fromLatin1(options); });
            QVERIFY2(!valid.ok() && valid.error().message().contains(u"tmpfs"), options);
        }
    }

    void checksNames()
    {
        for (const char *name : {"web", "/web", "a1", "my_app.v2-x"})
            QVERIFY2(isValidContainerName(QString::fromLatin1(name)), name);
        for (const char *name : {"", "a", "/", "-web", "_web", ".web", "web app", "web/x", "//web"})
            QVERIFY2(!isValidContainerName(QString::fromLatin1(name)), name);
        QVERIFY(!isValidContainerName(QStringLiteral("caf\u00e9")));
        QVERIFY(isValidContainerName(QString(255, u'a')));
        QVERIFY(!isValidContainerName(QString(256, u'a')));
        const auto volume = validated([](ContainerSpec &s) { s.host.binds = {QStringLiteral("-data:/data")}; });
        QVERIFY(!volume.ok() && volume.error().message().contains(u"volume specification"));
        QVERIFY(validated([](ContainerSpec &s) { s.host.binds = {QStringLiteral("data.1:/data:ro")}; }).ok());
    }
};

QTEST_GUILESS_MAIN(TestContainerRules)
#include "tst_containerrules.moc"
