// The `berth` command line against an isolated engine, and without one.

#include "isolatedengine.h"

#include <QDBusInterface>
#include <QDBusReply>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QTest>

using namespace berth::test;

namespace {

ProcessResult runBerth(const QStringList &arguments, const QProcessEnvironment &env)
{
    return runProcess(IsolatedEngine::binary(QStringLiteral("berth")), arguments, env);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        QVERIFY2(m_engine.start(), qPrintable(m_engine.errorString()));
    }

    void cleanupTestCase() { m_engine.stop(); }

    void versionShowsClientAndEngine()
    {
        const ProcessResult run = runBerth({QStringLiteral("version")}, m_engine.environment());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Client:") && run.out.contains(u"Server: Berth Engine"), qPrintable(run.out));
        QCOMPARE(run.out.count(QRegularExpression(QStringLiteral("\\n Version: +" BERTH_VERSION "\\n"))), 2);
        QVERIFY(run.err.isEmpty());
    }

    void versionAsJson()
    {
        const ProcessResult run
            = runBerth({QStringLiteral("version"), QStringLiteral("--format"), QStringLiteral("json")}, m_engine.environment());
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(json.value(u"Server").toObject().value(u"Version").toString(), QStringLiteral(BERTH_VERSION));
        QCOMPARE(json.value(u"Client").toObject().value(u"ApiVersion").toString(), QStringLiteral("1.0"));
    }

    void infoShowsTheEngineFacts()
    {
        const ProcessResult run = runBerth({QStringLiteral("info")}, m_engine.environment());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Data Root:") && run.out.contains(m_engine.dataRoot()), qPrintable(run.out));
        for (const char *label : {"Containers:", "Running:", "Images:", "Storage Driver:", "Cgroup Version:",
                                  "Cgroup Controllers:", "Kernel Version:", "Operating System:", "CPUs:", "Total Memory:"})
            QVERIFY2(run.out.contains(QLatin1StringView(label)), label);
    }

    void infoAsJsonIsTheEnginesMap()
    {
        const ProcessResult run
            = runBerth({QStringLiteral("info"), QStringLiteral("-f"), QStringLiteral("{{json .}}")}, m_engine.environment());
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(json.value(u"DataRoot").toString(), m_engine.dataRoot());
        QVERIFY(json.value(u"CgroupControllers").isArray());
    }

    void eventsStreamsUntilInterrupted()
    {
        QProcess events;
        events.setProcessEnvironment(m_engine.environment());
        events.start(IsolatedEngine::binary(QStringLiteral("berth")), {QStringLiteral("events")});
        QVERIFY(events.waitForStarted());
        // Reload until the subscription is in place and the event arrives.
        QDBusConnection bus = QDBusConnection::connectToBus(m_engine.busAddress(), QStringLiteral("cli-test"));
        QDBusInterface system(QStringLiteral("org.berth.Engine1"), QStringLiteral("/org/berth/Engine1"),
                              QStringLiteral("org.berth.Engine1.System"), bus);
        QByteArray printed;
        QVERIFY(QTest::qWaitFor(
            [&] {
                system.call(QStringLiteral("ReloadSettings"), QVariantMap{});
                events.waitForReadyRead(200);
                printed += events.readAllStandardOutput();
                return printed.contains("engine reload");
            },
            15000));
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z engine reload "))
                     .match(QString::fromUtf8(printed))
                     .hasMatch(),
                 printed.constData());
        events.terminate();
        QVERIFY(events.waitForFinished(5000));
        QCOMPARE(events.exitStatus(), QProcess::NormalExit);
        QCOMPARE(events.exitCode(), 0);
    }

    void eventsEndsWhenTheEngineStops()
    {
        QProcess events;
        events.setProcessEnvironment(m_engine.environment());
        events.start(IsolatedEngine::binary(QStringLiteral("berth")), {QStringLiteral("events")});
        QVERIFY(events.waitForStarted());
        QTest::qWait(500);
        QVERIFY(m_engine.stopHelper());
        QVERIFY(events.waitForFinished(5000));
        QCOMPARE(events.exitCode(), 1);
        QVERIFY(events.readAllStandardError().contains("engine stopped"));
        QVERIFY2(m_engine.startHelper(), qPrintable(m_engine.errorString()));
    }

    void helpOnEveryLevel_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("berth") << QStringList{QStringLiteral("--help")} << QStringLiteral("Usage:  berth COMMAND");
        QTest::newRow("no command") << QStringList{} << QStringLiteral("Commands:");
        QTest::newRow("version") << QStringList{QStringLiteral("version"), QStringLiteral("--help")}
                                 << QStringLiteral("--format");
        QTest::newRow("info") << QStringList{QStringLiteral("info"), QStringLiteral("-h")} << QStringLiteral("berth info");
        QTest::newRow("events") << QStringList{QStringLiteral("events"), QStringLiteral("--help")}
                                << QStringLiteral("berth events");
        QTest::newRow("system") << QStringList{QStringLiteral("system"), QStringLiteral("--help")} << QStringLiteral("reload");
        QTest::newRow("system reload") << QStringList{QStringLiteral("system"), QStringLiteral("reload"),
                                                      QStringLiteral("--help")}
                                       << QStringLiteral("berth system reload");
    }

    void helpOnEveryLevel()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const ProcessResult run = runBerth(arguments, m_engine.environment());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(mentions), qPrintable(run.out));
    }

    void speaksTheLocalesLanguage()
    {
        QProcessEnvironment env = m_engine.environment();
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("zh_CN.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("zh_CN"));
        const ProcessResult run = runBerth({QStringLiteral("info")}, env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("数据目录:")), qPrintable(run.out));
    }

    void usageErrorsExitLikeDocker()
    {
        const ProcessResult flag = runBerth({QStringLiteral("info"), QStringLiteral("--bogus")}, m_engine.environment());
        QCOMPARE(flag.exitCode, 125);
        QVERIFY2(flag.err.contains(u"bogus") && flag.err.contains(u"berth info --help"), qPrintable(flag.err));
        // A number flag given a word is refused, never read as 0 ("stop -t 0" kills at once).
        const ProcessResult number = runBerth(
            {QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("abc"), QStringLiteral("x")}, m_engine.environment());
        QCOMPARE(number.exitCode, 125);
        QVERIFY2(number.err.contains(u"invalid argument \"abc\" for \"-t, --time\" flag"), qPrintable(number.err));
        const ProcessResult command = runBerth({QStringLiteral("frobnicate")}, m_engine.environment());
        QCOMPARE(command.exitCode, 1);
        QVERIFY(command.err.contains(u"'frobnicate' is not a berth command"));
        const ProcessResult format
            = runBerth({QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("{{.Name")}, m_engine.environment());
        QCOMPARE(format.exitCode, 125);
        QVERIFY2(format.err.contains(u"unclosed action"), qPrintable(format.err));
        const ProcessResult failing = runBerth(
            {QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("{{.Name.Deeper}}")}, m_engine.environment());
        QCOMPARE(failing.exitCode, 125);
        QVERIFY2(failing.err.contains(u"can't evaluate field Deeper"), qPrintable(failing.err));
        const ProcessResult name = runBerth(
            {QStringLiteral("info"), QStringLiteral("--format"), QStringLiteral("{{.Name}} {{.CPUs}}")}, m_engine.environment());
        QCOMPARE(name.exitCode, 0);
        QCOMPARE(name.out.section(u' ', 0, 0), QSysInfo::machineHostName());
        QVERIFY2(name.out.section(u' ', 1).trimmed().toInt() > 0, qPrintable(name.out)); // a number, printed as Go prints it
    }

    void engineErrorExits125()
    {
        QFile settings(m_engine.settingsFile());
        QVERIFY(settings.open(QIODevice::WriteOnly | QIODevice::Truncate));
        settings.write("{\"debug\": 7}");
        settings.close();
        const ProcessResult run = runBerth({QStringLiteral("system"), QStringLiteral("reload")}, m_engine.environment());
        QCOMPARE(run.exitCode, 125);
        QVERIFY2(run.err.startsWith(u"Error response from engine: ") && run.err.contains(u"\"debug\""), qPrintable(run.err));
        QVERIFY(settings.remove());
    }

    void saysSoWhenNoEngineRuns()
    {
        QVERIFY(m_engine.stopHelper());
        const ProcessResult run = runBerth({QStringLiteral("info")}, m_engine.environment());
        QVERIFY2(m_engine.startHelper(), qPrintable(m_engine.errorString()));
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.startsWith(u"Cannot reach the Berth engine: nothing answers for org.berth.Engine1"),
                 qPrintable(run.err));
        QVERIFY(run.err.contains(u"systemctl start berth-helper"));
        QVERIFY(!run.err.contains(u"org.freedesktop.DBus.Error"));
        QVERIFY2(run.err.count(u'\n') == 2, qPrintable(run.err));
    }

    void saysSoWhenThereIsNoBus()
    {
        QProcessEnvironment env = m_engine.environment();
        env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"),
                   QStringLiteral("unix:path=") + m_engine.path() + QStringLiteral("/no-bus"));
        const ProcessResult run = runBerth({QStringLiteral("version")}, env);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains(u"Client:"));
        QVERIFY2(run.err.startsWith(u"Cannot reach the Berth engine: there is no system bus"), qPrintable(run.err));
        QVERIFY2(run.err.count(u'\n') == 2, qPrintable(run.err));
    }

private:
    IsolatedEngine m_engine;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
