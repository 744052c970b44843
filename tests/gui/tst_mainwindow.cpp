// The desktop app's window against a live isolated engine: engine facts shown, the banner
// when the engine goes away, and recovery by itself when it returns.

#include "engineconnection.h"
#include "isolatedengine.h"
#include "mainwindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDBusInterface>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>

using namespace berth::gui;
using namespace berth::test;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        QVERIFY2(m_engine.startAsSystemBus(), qPrintable(m_engine.errorString()));
        m_connection = std::make_unique<EngineConnection>();
        m_window = std::make_unique<MainWindow>(*m_connection);
        m_window->show();
        m_connection->start();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_connection.reset();
        m_engine.stop();
    }

    void sidebarHasEveryPage()
    {
        auto *sidebar = m_window->findChild<QListWidget *>(QStringLiteral("sidebar"));
        QVERIFY(sidebar);
        QStringList titles;
        for (int i = 0; i < sidebar->count(); ++i)
            titles << sidebar->item(i)->text();
        QCOMPARE(titles,
                 QStringList({QStringLiteral("Containers"), QStringLiteral("Images"), QStringLiteral("Build"),
                              QStringLiteral("Volumes"), QStringLiteral("Networks"), QStringLiteral("Registries"),
                              QStringLiteral("Events"), QStringLiteral("Settings")}));
        auto *pages = m_window->findChild<QStackedWidget *>(QStringLiteral("pages"));
        sidebar->setCurrentRow(7);
        QCOMPARE(pages->currentIndex(), 7);
    }

    void showsEngineFacts()
    {
        auto *status = m_window->findChild<QLabel *>(QStringLiteral("engineStatus"));
        QTRY_VERIFY2(status->text().contains(QStringLiteral("Berth engine " BERTH_VERSION)), qPrintable(status->text()));
        QVERIFY(!m_window->findChild<QWidget *>(QStringLiteral("engineBanner"))->isVisible());
        auto *dataRoot = m_window->findChild<QLabel *>(QStringLiteral("infoDataRoot"));
        QTRY_COMPARE(dataRoot->text(), m_engine.dataRoot());
        // BERTH_SCREENSHOTS=<dir> keeps a picture of the window for people to look at.
        if (const QString dir = qEnvironmentVariable("BERTH_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(m_window->grab().save(dir + QStringLiteral("/settings-page.png")));
    }

    void showsEventsLive()
    {
        auto *events = m_window->findChild<QTableView *>(QStringLiteral("eventList"));
        const int before = events->model()->rowCount();
        QDBusConnection bus = QDBusConnection::connectToBus(m_engine.busAddress(), QStringLiteral("gui-test"));
        QDBusInterface system(QStringLiteral("org.berth.Engine1"), QStringLiteral("/org/berth/Engine1"),
                              QStringLiteral("org.berth.Engine1.System"), bus);
        // The window subscribes asynchronously; reload until its event shows.
        QTRY_VERIFY_WITH_TIMEOUT(
            (system.call(QStringLiteral("ReloadSettings"), QVariantMap{}), events->model()->rowCount() > before), 10000);
        QCOMPARE(events->model()->index(0, 2).data().toString(), QStringLiteral("reload"));
    }

    void imagesPageListsImagesLive()
    {
        auto *sidebar = m_window->findChild<QListWidget *>(QStringLiteral("sidebar"));
        sidebar->setCurrentRow(1);
        auto *images = m_window->findChild<QTableView *>(QStringLiteral("imageList"));
        QVERIFY(images);
        QAbstractItemModelTester tester(images->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        QTRY_COMPARE(images->model()->rowCount(), 1);
        QCOMPARE(images->model()->index(0, 0).data().toString(), QStringLiteral("busybox"));
        if (const QString dir = qEnvironmentVariable("BERTH_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(m_window->grab().save(dir + QStringLiteral("/images-page.png")));

        // A tag made elsewhere shows up by itself: the page follows the engine's events.
        QDBusConnection bus = QDBusConnection::connectToBus(m_engine.busAddress(), QStringLiteral("images-test"));
        QDBusInterface imagesApi(QStringLiteral("org.berth.Engine1"), QStringLiteral("/org/berth/Engine1/images"),
                                 QStringLiteral("org.berth.Engine1.Images"), bus);
        QVERIFY(
            imagesApi.call(QStringLiteral("TagImage"), QStringLiteral("busybox"), QStringLiteral("gui:1"), QVariantMap{}).type()
            != QDBusMessage::ErrorMessage);
        QTRY_COMPARE(images->model()->rowCount(), 2);
        QVERIFY(imagesApi.call(QStringLiteral("RemoveImage"), QStringLiteral("gui:1"), QVariantMap{}).type()
                != QDBusMessage::ErrorMessage);
        QTRY_COMPARE(images->model()->rowCount(), 1);
    }

    void bannerWhenEngineGoneAndRecovery()
    {
        auto *banner = m_window->findChild<QWidget *>(QStringLiteral("engineBanner"));
        auto *text = m_window->findChild<QLabel *>(QStringLiteral("engineBannerText"));
        auto *status = m_window->findChild<QLabel *>(QStringLiteral("engineStatus"));
        QVERIFY(m_engine.stopHelper());
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(text->text().contains(u"systemctl start berth-helper"), qPrintable(text->text()));
        QCOMPARE(status->text(), QStringLiteral("Engine unreachable"));

        QVERIFY2(m_engine.startHelper(), qPrintable(m_engine.errorString()));
        QTRY_VERIFY(!banner->isVisible());
        QTRY_VERIFY(status->text().contains(QStringLiteral("Berth engine " BERTH_VERSION)));
    }

private:
    IsolatedEngine m_engine;
    std::unique_ptr<EngineConnection> m_connection;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
