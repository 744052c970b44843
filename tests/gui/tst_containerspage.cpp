// The Containers page against a live isolated engine, driven as a person would with the mouse:
// run busybox from the Run dialog, read its logs, stop it, remove it.

#include "dialogs/rundialog.h"
#include "engineconnection.h"
#include "isolatedengine.h"
#include "models/containermodel.h"
#include "pages/containerspage.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTest>

using namespace berth::gui;
using namespace berth::test;

class TestContainersPage : public QObject
{
    Q_OBJECT

    QAction *action(const char *name) const { return m_page->findChild<QAction *>(QLatin1StringView(name)); }

    QString stateOfFirstRow() const
    {
        return m_page->model()->rowCount() ? m_page->model()->index(0, 0).data(ContainerModel::StateRole).toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        QVERIFY2(m_engine.startAsSystemBus(), qPrintable(m_engine.errorString()));
        m_connection = std::make_unique<EngineConnection>();
        m_page = std::make_unique<ContainersPage>(*m_connection);
        new QAbstractItemModelTester(m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
        m_page->resize(900, 600);
        m_page->show();
        m_connection->start();
        QTRY_COMPARE(m_connection->state(), EngineConnection::State::Connected);
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_connection.reset();
        m_engine.stop();
    }

    void theRunDialogRefusesWhatTheEngineWould()
    {
        RunDialog dialog({QStringLiteral("busybox:latest")}, 2);
        dialog.findChild<QLineEdit *>(QStringLiteral("runMemory"))->setText(QStringLiteral("12q"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("runError"));
        QVERIFY2(error->text().contains(u"invalid size"), qPrintable(error->text()));
        dialog.findChild<QLineEdit *>(QStringLiteral("runMemory"))->setText(QStringLiteral("1k"));
        dialog.accept();
        QVERIFY2(error->text().contains(u"Minimum memory limit allowed is 6MB"), qPrintable(error->text()));
    }

    void runReadStopAndRemoveWithTheMouse()
    {
        QVERIFY(!action("startContainer")->isEnabled()); // nothing selected
        action("runContainer")->trigger();
        RunDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_page->findChild<RunDialog *>()) != nullptr);
        dialog->findChild<QComboBox *>(QStringLiteral("runImage"))->setCurrentText(QStringLiteral("busybox"));
        dialog->findChild<QLineEdit *>(QStringLiteral("runName"))->setText(QStringLiteral("from-the-gui"));
        dialog->findChild<QLineEdit *>(QStringLiteral("runCommand"))
            ->setText(
                QStringLiteral("sh -c 'trap \"exit 0\" TERM; echo hello from the desktop; while true; do sleep 0.1; done'"));
        dialog->accept();

        QTRY_COMPARE(m_page->model()->rowCount(), 1);
        QTRY_COMPARE(stateOfFirstRow(), QStringLiteral("running"));
        QCOMPARE(m_page->model()->index(0, ContainerModel::Name).data().toString(), QStringLiteral("from-the-gui"));

        m_page->view()->selectRow(0);
        auto *logs = m_page->findChild<QPlainTextEdit *>(QStringLiteral("containerLogs"));
        QTRY_VERIFY2(logs->toPlainText().contains(u"hello from the desktop"), qPrintable(logs->toPlainText()));
        QVERIFY(action("stopContainer")->isEnabled());
        QVERIFY(!action("startContainer")->isEnabled());

        action("pauseContainer")->trigger();
        QTRY_COMPARE(stateOfFirstRow(), QStringLiteral("paused"));
        QVERIFY(action("unpauseContainer")->isEnabled());
        action("unpauseContainer")->trigger();
        QTRY_COMPARE(stateOfFirstRow(), QStringLiteral("running"));

        action("stopContainer")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(stateOfFirstRow(), QStringLiteral("exited"), 15000);
        QVERIFY(action("startContainer")->isEnabled());

        action("removeContainer")->trigger();
        QTRY_COMPARE(m_page->model()->rowCount(), 0);
        QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("emptyState"))->isVisible());
    }

private:
    IsolatedEngine m_engine;
    std::unique_ptr<EngineConnection> m_connection;
    std::unique_ptr<ContainersPage> m_page;
};

QTEST_MAIN(TestContainersPage)
#include "tst_containerspage.moc"
