// The helper on a private system bus with the real polkitd: its answers, its strict options,
// settings reload with events, and a clean exit on SIGTERM.

#include "engine.h"
#include "isolatedengine.h"
#include "systemproxy.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace berth;
using namespace berth::test;

namespace {

// Waits for a call made through the generated proxy and tells whether it succeeded.
template<typename... T> bool succeeded(QDBusPendingReply<T...> reply)
{
    reply.waitForFinished();
    return reply.isValid();
}

} // namespace

class TestEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        QVERIFY2(m_engine.startAsSystemBus(), qPrintable(m_engine.errorString()));
        m_system = std::make_unique<SystemProxy>(engine::kService, engine::kSystemPath, engine::bus());
    }

    void cleanupTestCase() { m_engine.stop(); }

    void versionAnswers()
    {
        const QDBusReply<QVariantMap> reply = m_system->Version({});
        QVERIFY2(reply.isValid(), qPrintable(reply.error().message()));
        QCOMPARE(reply.value().value(QStringLiteral("Version")).toString(), QStringLiteral(BERTH_VERSION));
        QCOMPARE(reply.value().value(QStringLiteral("ApiVersion")).toString(), engine::kApiVersion);
        QVERIFY(!reply.value().value(QStringLiteral("KernelVersion")).toString().isEmpty());
    }

    void infoDescribesThisEngine()
    {
        const QDBusReply<QVariantMap> reply = m_system->Info({});
        QVERIFY2(reply.isValid(), qPrintable(reply.error().message()));
        const QVariantMap info = reply.value();
        QCOMPARE(info.value(QStringLiteral("DataRoot")).toString(), m_engine.dataRoot());
        QCOMPARE(info.value(QStringLiteral("RunRoot")).toString(), m_engine.runRoot());
        QCOMPARE(info.value(QStringLiteral("SettingsFile")).toString(), m_engine.settingsFile());
        QVERIFY(QStringList({QStringLiteral("1"), QStringLiteral("2")})
                    .contains(info.value(QStringLiteral("CgroupVersion")).toString()));
        QVERIFY(!info.value(QStringLiteral("CgroupControllers")).toStringList().isEmpty());
        QVERIFY(info.value(QStringLiteral("CPUs")).toInt() > 0);
        QVERIFY(info.value(QStringLiteral("MemTotal")).toULongLong() > 0);
        QCOMPARE(info.value(QStringLiteral("Containers")).toUInt(), 0u);
        QCOMPARE(info.value(QStringLiteral("AuthorizationBackend")).toString(), QStringLiteral("polkit"));
        QCOMPARE(info.value(QStringLiteral("PolkitAvailable")).toBool(), true);
    }

    void unknownOptionIsRefusedByName()
    {
        const QDBusReply<QVariantMap> reply = m_system->Info({{QStringLiteral("verbose"), true}});
        QVERIFY(!reply.isValid());
        QCOMPARE(reply.error().name(), QStringLiteral("org.berth.Error.InvalidArgument"));
        QVERIFY2(reply.error().message().contains(u"\"verbose\""), qPrintable(reply.error().message()));
    }

    void wrongArgumentsAreRefused()
    {
        // A caller may send anything; the helper answers and stays up.
        QDBusMessage call = QDBusMessage::createMethodCall(engine::kService, engine::kSystemPath, engine::kSystemInterface,
                                                           QStringLiteral("Info"));
        call << QStringLiteral("not a map");
        const QDBusMessage reply = engine::bus().call(call);
        QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
        QVERIFY(succeeded(m_system->Version({})));
    }

    void propertiesAreNotExposed()
    {
        QDBusMessage call = QDBusMessage::createMethodCall(
            engine::kService, engine::kSystemPath, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("GetAll"));
        call << engine::kSystemInterface;
        const QDBusMessage reply = engine::bus().call(call);
        QVERIFY(reply.type() == QDBusMessage::ErrorMessage || reply.arguments().value(0).toMap().isEmpty());
    }

    void reloadAppliesSettingsAndSendsEvent()
    {
        QSignalSpy events(m_system.get(), &SystemProxy::Event);
        QVERIFY(succeeded(m_system->SubscribeEvents({})));
        writeSettings(R"({"debug": true, "max-event-subscribers": 10})");
        const QDBusReply<QVariantMap> reply = m_system->ReloadSettings({});
        QVERIFY2(reply.isValid(), qPrintable(reply.error().message()));
        QCOMPARE(reply.value().value(QStringLiteral("debug")).toBool(), true);
        QCOMPARE(reply.value().value(QStringLiteral("max-event-subscribers")).toInt(), 10);
        QTRY_COMPARE(events.size(), 1);
        QCOMPARE(events.at(0).at(0).toString(), QStringLiteral("engine"));
        QCOMPARE(events.at(0).at(1).toString(), QStringLiteral("reload"));
        QCOMPARE(m_system->Info({}).value().value(QStringLiteral("Debug")).toBool(), true);

        QVERIFY(succeeded(m_system->UnsubscribeEvents({})));
        writeSettings(R"({"debug": false})");
        QVERIFY(succeeded(m_system->ReloadSettings({})));
        QTest::qWait(200);
        QCOMPARE(events.size(), 1); // unsubscribed: no second event
    }

    void invalidSettingsChangeNothing()
    {
        writeSettings(R"({"debug": true, "max-event-subscriber": 3})");
        const QDBusReply<QVariantMap> reply = m_system->ReloadSettings({});
        QVERIFY(!reply.isValid());
        QCOMPARE(reply.error().name(), QStringLiteral("org.berth.Error.InvalidArgument"));
        QVERIFY2(reply.error().message().contains(u"\"max-event-subscriber\""), qPrintable(reply.error().message()));
        QCOMPARE(m_system->Info({}).value().value(QStringLiteral("Debug")).toBool(), false);
        writeSettings("{}");
    }

    void secondHelperRefusesToStart()
    {
        QProcess second;
        second.setProcessEnvironment(m_engine.environment());
        second.start(IsolatedEngine::binary(QStringLiteral("berth-helper")),
                     {QStringLiteral("--data-root"), m_engine.dataRoot(), QStringLiteral("--run-root"), m_engine.runRoot(),
                      QStringLiteral("--config"), m_engine.settingsFile()});
        QVERIFY(second.waitForFinished(10000));
        QCOMPARE(second.exitCode(), 1);
        QVERIFY2(second.readAllStandardError().contains("another berth-helper"), "the second helper must say why it stops");
        QVERIFY(succeeded(m_system->Version({})));
    }

    void sigtermStopsCleanlyAndReleasesTheName()
    {
        QVERIFY(m_engine.stopHelper());
        QVERIFY(!engine::bus().interface()->isServiceRegistered(engine::kService).value());
        QVERIFY2(m_engine.startHelper(), qPrintable(m_engine.errorString()));
        QVERIFY(succeeded(m_system->Version({})));
    }

private:
    void writeSettings(const QByteArray &json)
    {
        QFile file(m_engine.settingsFile());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(json);
    }

    IsolatedEngine m_engine;
    std::unique_ptr<SystemProxy> m_system;
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
