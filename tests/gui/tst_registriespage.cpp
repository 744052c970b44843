// The Registries page against a live isolated engine, a real docker-registry on 127.0.0.1 that
// wants a login (htpasswd), and GNOME Keyring on a session bus of the test's: logging in keeps
// the credentials in the keyring, not in the docker config, and lists the registry; browsing
// the catalog and pulling a tag work with them; a login from the terminal (the docker config)
// is listed too; logging out forgets both; a registry that is not there says so.

#include "credentials/registrykeyring.h"
#include "dialogs/transferdialog.h"
#include "isolatedengine.h"
#include "localregistry.h"
#include "pages/registriespage.h"
#include "registry/dockerconfig.h"
#include "sessionkeyring.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace berth;
using namespace berth::gui;
using namespace berth::test;

class TestRegistriesPage : public QObject
{
    Q_OBJECT

    // The keyring's entry for the registry, read as the app reads it, with no docker config
    // to fall back on.
    std::optional<RegistryCredentials> inKeyring(const QString &registry)
    {
        std::optional<std::optional<RegistryCredentials>> found;
        RegistryKeyring::lookup(registry, this,
                                [&](const std::optional<RegistryCredentials> &credentials) { found = credentials; });
        if (!QTest::qWaitFor([&] { return found.has_value(); }, 10000))
            return std::nullopt;
        return *found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        QVERIFY2(m_keyring.start(), qPrintable(m_keyring.errorString()));
        qputenv("DOCKER_CONFIG", QFile::encodeName(m_work.filePath(QStringLiteral("docker"))));
        QVERIFY2(m_engine.startAsSystemBus(), qPrintable(m_engine.errorString()));
        QVERIFY2(m_registry.start(m_registry.basicAuthConfig(QStringLiteral("tester"), QStringLiteral("secret"))),
                 qPrintable(m_registry.errorString()));
        // The image goes up from the terminal, logged in with a docker config of its own.
        QProcessEnvironment terminal = m_engine.environment();
        terminal.insert(QStringLiteral("DOCKER_CONFIG"), m_work.filePath(QStringLiteral("terminal")));
        const auto cli = [&](const QStringList &arguments, const QByteArray &input = {}) {
            return runProcess(IsolatedEngine::binary(QStringLiteral("berth")), arguments, terminal, input).exitCode;
        };
        const QString image = m_registry.name(QStringLiteral("gui/box:1"));
        QCOMPARE(cli({QStringLiteral("login"), QStringLiteral("-u"), QStringLiteral("tester"), QStringLiteral("--password-stdin"),
                      m_registry.host()},
                     "secret\n"),
                 0);
        QCOMPARE(cli({QStringLiteral("tag"), QStringLiteral("busybox"), image}), 0);
        QCOMPARE(cli({QStringLiteral("push"), QStringLiteral("-q"), image}), 0);
        m_page = std::make_unique<RegistriesPage>();
        m_page->show();
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_registry.stop();
        m_engine.stop();
        m_keyring.stop();
    }

    void logInListsTheRegistry()
    {
        QCOMPARE(m_page->registries()->topLevelItemCount(), 0);
        QSignalSpy loggedIn(m_page.get(), &RegistriesPage::loggedIn);
        m_page->logIn(m_registry.host(), QStringLiteral("tester"), QStringLiteral("secret"));
        QTRY_COMPARE_WITH_TIMEOUT(loggedIn.size(), 1, 20000);
        QCOMPARE(m_page->registries()->topLevelItemCount(), 1);
        QCOMPARE(m_page->registries()->topLevelItem(0)->text(0), m_registry.host());
        QCOMPARE(m_page->registries()->topLevelItem(0)->text(1), QStringLiteral("Logged in as tester"));
        // In the keyring, not in the docker config.
        QVERIFY(!DockerConfig::credentials(m_registry.host()));
        const auto kept = inKeyring(m_registry.host());
        QVERIFY(kept);
        QCOMPARE(kept->username, QStringLiteral("tester"));
        QCOMPARE(kept->password, QStringLiteral("secret"));
        // A registry that cannot be reached: nothing is kept or listed.
        m_page->logIn(QStringLiteral("127.0.0.1:%1").arg(LocalRegistry::freePort()), QStringLiteral("x"), QStringLiteral("y"));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->message()->text().contains(u"cannot reach"), 20000);
        QCOMPARE(m_page->registries()->topLevelItemCount(), 1);
    }

    void aLoginFromTheTerminalIsListedToo()
    {
        QVERIFY(DockerConfig::store(QStringLiteral("registry.example:5000"), {QStringLiteral("cli"), QStringLiteral("pw")}));
        m_page->refresh();
        QTreeWidgetItem *row = rowNamed(QStringLiteral("registry.example:5000"));
        QVERIFY(row);
        QCOMPARE(row->text(1), QStringLiteral("Logged in as cli (docker config)"));
    }

    void browseAndPullATag()
    {
        QSignalSpy browsed(m_page.get(), &RegistriesPage::browsed);
        m_page->browse(m_registry.host());
        QTRY_COMPARE_WITH_TIMEOUT(browsed.size(), 1, 20000);
        const auto repositories = m_page->repositories()->findItems(QStringLiteral("gui/box"), Qt::MatchExactly, 0);
        QCOMPARE(repositories.size(), 1);
        QCOMPARE(repositories.first()->childCount(), 1);
        QTreeWidgetItem *tag = repositories.first()->child(0);
        QCOMPARE(tag->text(0), QStringLiteral("1"));
        m_page->pull(tag);
        TransferDialog *dialog = m_page->findChild<TransferDialog *>();
        QVERIFY(dialog);
        QSignalSpy done(dialog, &TransferDialog::transferred);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
        QVERIFY2(done.first().first().toBool(), qPrintable(done.first().at(1).toString()));
        dialog->close();
    }

    void logOutForgetsIt()
    {
        QSignalSpy loggedOut(m_page.get(), &RegistriesPage::loggedOut);
        m_page->logOut(m_registry.host());
        m_page->logOut(QStringLiteral("registry.example:5000"));
        QTRY_COMPARE_WITH_TIMEOUT(loggedOut.size(), 2, 10000);
        QCOMPARE(m_page->registries()->topLevelItemCount(), 0);
        QVERIFY(!inKeyring(m_registry.host()));
        QVERIFY(!DockerConfig::credentials(QStringLiteral("registry.example:5000")));
        // A registry that is not there: the engine's message.
        m_page->browse(QStringLiteral("127.0.0.1:%1").arg(LocalRegistry::freePort()));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->message()->text().contains(u"cannot reach"), 20000);
    }

private:
    QTreeWidgetItem *rowNamed(const QString &registry) const
    {
        const auto found = m_page->registries()->findItems(registry, Qt::MatchExactly, 0);
        return found.isEmpty() ? nullptr : found.first();
    }

    QTemporaryDir m_work;
    SessionKeyring m_keyring{m_work.filePath(QStringLiteral("session"))};
    IsolatedEngine m_engine;
    LocalRegistry m_registry{m_work.path(), QStringLiteral("registry")};
    std::unique_ptr<RegistriesPage> m_page;
};

QTEST_MAIN(TestRegistriesPage)
#include "tst_registriespage.moc"
