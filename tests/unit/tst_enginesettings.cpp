#include "settings/dataroot.h"
#include "settings/enginesettings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace berth;

class TestEngineSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void missingFileMeansDefaults()
    {
        const auto settings = EngineSettings::load(QStringLiteral("/nonexistent/engine.json"));
        QVERIFY(settings.ok());
        QCOMPARE(settings->dataRoot, QStringLiteral("/var/lib/berth"));
        QCOMPARE(settings->runRoot, QStringLiteral("/run/berth"));
    }

    void parsesEveryKey()
    {
        const auto settings
            = EngineSettings::parse(R"({"data-root": "/srv/berth", "run-root": "/run/b", "debug": true,
            "max-concurrent-jobs-per-user": 3, "max-event-subscribers": 5, "bridge": "br-test", "bip": "10.9.0.1/24",
            "insecure-registries": ["reg.lan:5000"], "max-concurrent-downloads": 6, )"
                                    // moc reads "//" in a raw string as a comment
                                    "\"registry-mirrors\": [\"https://mirror.lan/\", \"http://127.0.0.1:5001\"]}");
        QVERIFY2(settings.ok(), settings.ok() ? "" : qPrintable(settings.error().message()));
        QCOMPARE(settings->dataRoot, QStringLiteral("/srv/berth"));
        QCOMPARE(settings->runRoot, QStringLiteral("/run/b"));
        QCOMPARE(settings->debug, true);
        QCOMPARE(settings->maxJobsPerUser, 3);
        QCOMPARE(settings->maxEventSubscribers, 5);
        QCOMPARE(settings->bridge, QStringLiteral("br-test"));
        QCOMPARE(settings->bip, QStringLiteral("10.9.0.1/24"));
        QCOMPARE(settings->insecureRegistries, QStringList{QStringLiteral("reg.lan:5000")});
        QCOMPARE(settings->maxConcurrentDownloads, 6);
        QCOMPARE(settings->registryMirrors,
                 (QStringList{QStringLiteral("https://mirror.lan"), QStringLiteral("http://127.0.0.1:5001")}));
        const auto logs = EngineSettings::parse(R"({"log-opts": {"max-size": "1m", "max-file": "2"}})");
        QVERIFY(logs.ok());
        QCOMPARE(logs->logMaxSize, 1024 * 1024);
        QCOMPARE(logs->logMaxFiles, 2);
    }

    void rejectsBadDocuments_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QByteArray("{") << QStringLiteral("not valid JSON");
        QTest::newRow("not an object") << QByteArray("[]") << QStringLiteral("JSON object");
        QTest::newRow("unknown key") << QByteArray(R"({"data_root": "/x"})") << QStringLiteral("\"data_root\"");
        QTest::newRow("wrong type") << QByteArray(R"({"debug": "yes"})") << QStringLiteral("\"debug\"");
        QTest::newRow("relative path") << QByteArray(R"({"data-root": "var/lib"})") << QStringLiteral("absolute");
        QTest::newRow("dot-dot path") << QByteArray(R"({"data-root": "/var/../etc"})") << QStringLiteral("..");
        QTest::newRow("zero jobs") << QByteArray(R"({"max-concurrent-jobs-per-user": 0})") << QStringLiteral("1 to");
        QTest::newRow("fraction") << QByteArray(R"({"max-event-subscribers": 1.5})") << QStringLiteral("whole number");
        QTest::newRow("long bridge") << QByteArray(R"({"bridge": "a-bridge-name-too-long"})") << QStringLiteral("1 to 15");
        QTest::newRow("bridge with slash") << QByteArray(R"({"bridge": "a/b"})") << QStringLiteral("\"bridge\"");
        QTest::newRow("mirror without scheme")
            << QByteArray(R"({"registry-mirrors": ["mirror.lan"]})") << QStringLiteral("https://mirror.example.com");
        QTest::newRow("mirror with a path") << QByteArray("{\"registry-mirrors\": [\"https://mirror.lan/v2/x\"]}")
                                            << QStringLiteral("\"https://mirror.lan/v2/x\"");
        QTest::newRow("mirror with credentials")
            << QByteArray("{\"registry-mirrors\": [\"https://u:p@mirror.lan\"]}") << QStringLiteral("registry-mirrors");
        QTest::newRow("bip without prefix") << QByteArray(R"({"bip": "172.30.0.1"})") << QStringLiteral("\"bip\"");
        QTest::newRow("bip octet over 255") << QByteArray(R"({"bip": "172.300.0.1/16"})") << QStringLiteral("\"bip\"");
        QTest::newRow("log-opts not an object") << QByteArray(R"({"log-opts": "20m"})") << QStringLiteral("\"log-opts\"");
        QTest::newRow("log-opts unknown") << QByteArray(R"({"log-opts": {"labels": "a"}})") << QStringLiteral("'labels'");
        QTest::newRow("log-opts max-file 0") << QByteArray(R"({"log-opts": {"max-file": "0"}})") << QStringLiteral("1 to 100");
        QTest::newRow("bip prefix over 30") << QByteArray(R"({"bip": "172.30.0.1/33"})") << QStringLiteral("\"bip\"");
    }

    void rejectsBadDocuments()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const auto settings = EngineSettings::parse(json);
        QVERIFY(!settings.ok());
        QCOMPARE(settings.error().kind(), ErrorKind::InvalidArgument);
        QVERIFY2(settings.error().message().contains(mentions), qPrintable(settings.error().message()));
    }

    void loadNamesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("engine.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"debug": 1})");
        file.close();
        const auto settings = EngineSettings::load(path);
        QVERIFY(!settings.ok());
        QVERIFY(settings.error().message().contains(path));
    }

    void dataRootIsPrivateAndVersioned()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("data"));
        const auto root = DataRoot::open(data, dir.filePath(QStringLiteral("run")));
        QVERIFY(root.ok());
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(data).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0700));
        QFile layout(data + QStringLiteral("/layout"));
        QVERIFY(layout.open(QIODevice::ReadOnly));
        QCOMPARE(layout.readAll(), QByteArray("1\n"));
        QCOMPARE(root->countRecords(QStringLiteral("containers")), 0u);
    }

    void refusesAFutureLayout()
    {
        QTemporaryDir dir;
        QFile layout(dir.filePath(QStringLiteral("layout")));
        QVERIFY(layout.open(QIODevice::WriteOnly));
        layout.write("2\n");
        layout.close();
        const auto root = DataRoot::open(dir.path(), dir.filePath(QStringLiteral("run")));
        QVERIFY(!root.ok());
        QCOMPARE(root.error().kind(), ErrorKind::NotSupported);
        QVERIFY(root.error().message().contains(u"layout version 2"));
    }
};

QTEST_GUILESS_MAIN(TestEngineSettings)
#include "tst_enginesettings.moc"
