// Authorization with the real polkitd: root may do everything; a user of the group "berth"
// may observe but is refused managing methods; any other user is refused even observing,
// because there is no active session here to grant it.

#include "isolatedengine.h"

#include <QDBusInterface>
#include <QDBusReply>
#include <QFile>
#include <QTest>

using namespace berth::test;

namespace {

const QString kMember = QStringLiteral("berth-test");
const QString kOutsider = QStringLiteral("berth-outsider");

bool run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    return process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool userExists(const QString &name)
{
    return run(QStringLiteral("id"), {name});
}

} // namespace

class TestAuthorization : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        m_createdGroup = !run(QStringLiteral("getent"), {QStringLiteral("group"), QStringLiteral("berth")});
        if (m_createdGroup)
            QVERIFY(run(QStringLiteral("groupadd"), {QStringLiteral("--system"), QStringLiteral("berth")}));
        for (const QString &user : {kMember, kOutsider}) {
            if (userExists(user))
                continue;
            QStringList args{QStringLiteral("--system"), QStringLiteral("--no-create-home"), QStringLiteral("--shell"),
                             QStringLiteral("/usr/sbin/nologin")};
            if (user == kMember)
                args << QStringLiteral("--groups") << QStringLiteral("berth");
            QVERIFY(run(QStringLiteral("useradd"), args << user));
            m_createdUsers << user;
        }
        QVERIFY2(m_engine.start(), qPrintable(m_engine.errorString()));
        // The test users run a copy of the CLI that they can surely reach.
        m_cli = m_engine.path() + QStringLiteral("/berth");
        QVERIFY(QFile::copy(IsolatedEngine::binary(QStringLiteral("berth")), m_cli));
        QVERIFY(QFile::setPermissions(
            m_cli, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup));
    }

    void cleanupTestCase()
    {
        m_engine.stop();
        for (const QString &user : std::as_const(m_createdUsers))
            run(QStringLiteral("userdel"), {user});
        if (m_createdGroup)
            run(QStringLiteral("groupdel"), {QStringLiteral("berth")});
    }

    void rootMayManage()
    {
        QDBusConnection bus = QDBusConnection::connectToBus(m_engine.busAddress(), QStringLiteral("root-caller"));
        QDBusInterface system(QStringLiteral("org.berth.Engine1"), QStringLiteral("/org/berth/Engine1"),
                              QStringLiteral("org.berth.Engine1.System"), bus);
        const QDBusReply<QVariantMap> reply = system.call(QStringLiteral("ReloadSettings"), QVariantMap{});
        QVERIFY2(reply.isValid(), qPrintable(reply.error().message()));
        const ProcessResult info = runAs(QStringLiteral("root"), {QStringLiteral("info")});
        QCOMPARE(info.exitCode, 0);
    }

    void groupMemberMayObserve()
    {
        for (const QString &command : {QStringLiteral("info"), QStringLiteral("version")}) {
            const ProcessResult run = runAs(kMember, {command});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QVERIFY(run.out.contains(u"Server"));
        }
    }

    void groupMemberIsRefusedManaging()
    {
        const ProcessResult run = runAs(kMember, {QStringLiteral("system"), QStringLiteral("reload")});
        QCOMPARE(run.exitCode, 125);
        QVERIFY2(run.err.contains(u"not authorized to change the engine's settings"), qPrintable(run.err));
        QVERIFY(run.err.contains(u"org.berth.engine-settings"));
    }

    void refusalIsTypedOnTheBus()
    {
        // The CLI prints messages; this checks the D-Bus error name a program sees.
        const ProcessResult run
            = runAs(kMember,
                    gdbusCall(QStringLiteral("org.berth.Engine1"), QStringLiteral("/org/berth/Engine1"),
                              QStringLiteral("org.berth.Engine1.System.ReloadSettings"), {QStringLiteral("{}")}));
        QVERIFY2(run.err.contains(u"org.berth.Error.PermissionDenied"), qPrintable(run.err));
    }

    void outsiderIsRefusedObserving()
    {
        const ProcessResult run = runAs(kOutsider, {QStringLiteral("info")});
        QCOMPARE(run.exitCode, 125);
        QVERIFY2(run.err.contains(u"not authorized to observe"), qPrintable(run.err));
    }

    void outsiderCannotOwnTheName()
    {
        const ProcessResult run = runAs(kOutsider,
                                        gdbusCall(QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/"),
                                                  QStringLiteral("org.freedesktop.DBus.RequestName"),
                                                  {QStringLiteral("org.berth.Engine1"), QStringLiteral("0")}));
        QVERIFY2(run.err.contains(u"AccessDenied"), "only root may own org.berth.Engine1");
    }

private:
    static QStringList gdbusCall(const QString &destination, const QString &path, const QString &method, const QStringList &args)
    {
        return QStringList{QStringLiteral("gdbus"),
                           QStringLiteral("call"),
                           QStringLiteral("--system"),
                           QStringLiteral("--dest"),
                           destination,
                           QStringLiteral("--object-path"),
                           path,
                           QStringLiteral("--method"),
                           method}
        + args;
    }

    // Runs `command` as `user`: a gdbus call, or else arguments of the berth CLI.
    ProcessResult runAs(const QString &user, QStringList command)
    {
        if (command.value(0) != u"gdbus")
            command.prepend(m_cli);
        return runProcess(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), user, QStringLiteral("--")} + command,
                          m_engine.environment());
    }

    IsolatedEngine m_engine;
    QString m_cli;
    QStringList m_createdUsers;
    bool m_createdGroup = false;
};

QTEST_GUILESS_MAIN(TestAuthorization)
#include "tst_authorization.moc"
