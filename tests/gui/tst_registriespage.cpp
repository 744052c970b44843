// The Registries page against a live isolated engine and a real docker-registry on 127.0.0.1:
// logging in stores the person's credentials in their docker config (here a directory of the
// test's) and lists the registry; browsing reads the catalog with its tags; a tag opens the
// Pull dialog, which pulls it; logging out forgets it; a registry that is not there says so.

#include "dialogs/transferdialog.h"
#include "isolatedengine.h"
#include "localregistry.h"
#include "pages/registriespage.h"
#include "registry/dockerconfig.h"

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

private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        qputenv("DOCKER_CONFIG", QFile::encodeName(m_work.filePath(QStringLiteral("docker"))));
        QVERIFY2(m_engine.startAsSystemBus(), qPrintable(m_engine.errorString()));
        QVERIFY2(m_registry.start(), qPrintable(m_registry.errorString()));
        const QString image = m_registry.name(QStringLiteral("gui/box:1"));
        QCOMPARE(m_engine.berth({QStringLiteral("tag"), QStringLiteral("busybox"), image}).exitCode, 0);
        QCOMPARE(m_engine.berth({QStringLiteral("push"), QStringLiteral("-q"), image}).exitCode, 0);
        m_page = std::make_unique<RegistriesPage>();
        m_page->show();
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_registry.stop();
        m_engine.stop();
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
        QCOMPARE(DockerConfig::credentials(m_registry.host())->password, QStringLiteral("secret"));
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
        m_page->registries()->setCurrentItem(m_page->registries()->topLevelItem(0));
        m_page->logOut(m_registry.host());
        QCOMPARE(m_page->registries()->topLevelItemCount(), 0);
        QVERIFY(!DockerConfig::credentials(m_registry.host()));
        // A registry that is not there: the engine's message.
        m_page->browse(QStringLiteral("127.0.0.1:%1").arg(LocalRegistry::freePort()));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->message()->text().contains(u"cannot reach"), 20000);
    }

private:
    QTemporaryDir m_work;
    IsolatedEngine m_engine;
    LocalRegistry m_registry{m_work.path(), QStringLiteral("registry")};
    std::unique_ptr<RegistriesPage> m_page;
};

QTEST_MAIN(TestRegistriesPage)
#include "tst_registriespage.moc"
