// The Containers page against a live isolated engine, driven as a person would with the mouse:
// run busybox from the Run dialog, read its logs, open a terminal in it, watch its stats and
// processes, stop it, remove it.

#include "dialogs/rundialog.h"
#include "guitest.h"
#include "models/containermodel.h"
#include "pages/containerdetail.h"
#include "pages/containerspage.h"
#include "widgets/jsontree.h"
#include "widgets/statediagram.h"
#include "widgets/statscharts.h"
#include "widgets/terminalwidget.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace berth::gui;
using namespace berth::test;

class TestContainersPage : public QObject
{
    Q_OBJECT

    QAction *action(const char *name) const { return m_page->findChild<QAction *>(QLatin1StringView(name)); }

    void showTab(const QString &title) const
    {
        ContainerDetail *detail = m_page->detail();
        for (int i = 0; i < detail->count(); ++i)
            if (detail->tabText(i) == title)
                return detail->setCurrentIndex(i);
        QFAIL(qPrintable(QStringLiteral("no tab ") + title));
    }

    void screenshot(const QString &name) const
    {
        if (const QString dir = qEnvironmentVariable("BERTH_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(m_page->grab().save(dir + u'/' + name + QStringLiteral(".png")));
    }

    // Types a line into the terminal as keys, as a person would.
    static void typeLine(TerminalWidget *terminal, const QString &line)
    {
        QTest::keyClicks(terminal, line);
        QTest::keyClick(terminal, Qt::Key_Return);
    }

    QString stateOfFirstRow() const
    {
        return m_page->model()->rowCount() ? m_page->model()->index(0, 0).data(ContainerModel::StateRole).toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        QVERIFY2(showOnEngine(m_engine, m_connection, m_page), qPrintable(m_engine.errorString()));
        new QAbstractItemModelTester(m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
    }

    void cleanupTestCase() { closeOnEngine(m_engine, m_connection, m_page); }

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
        dialog.findChild<QLineEdit *>(QStringLiteral("runMemory"))->clear();
        dialog.findChild<QLineEdit *>(QStringLiteral("runPorts"))->setText(QStringLiteral("8080:80, 99999:81"));
        dialog.accept();
        QVERIFY2(error->text().contains(u"Ports: invalid hostPort: 99999"), qPrintable(error->text()));
    }

    void runReadStopAndRemoveWithTheMouse()
    {
        QVERIFY(!action("startContainer")->isEnabled()); // nothing selected
        action("runContainer")->trigger();
        RunDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_page->findChild<RunDialog *>()) != nullptr);
        dialog->findChild<QComboBox *>(QStringLiteral("runImage"))->setCurrentText(QStringLiteral("busybox"));
        dialog->findChild<QLineEdit *>(QStringLiteral("runName"))->setText(QStringLiteral("from-the-gui"));
        dialog->findChild<QLineEdit *>(QStringLiteral("runPorts"))->setText(QStringLiteral("127.0.0.1::80"));
        dialog->findChild<QLineEdit *>(QStringLiteral("runCommand"))
            ->setText(
                QStringLiteral("sh -c 'trap \"exit 0\" TERM; echo hello from the desktop; while true; do sleep 0.1; done'"));
        dialog->accept();

        QTRY_COMPARE(m_page->model()->rowCount(), 1);
        QTRY_COMPARE(stateOfFirstRow(), QStringLiteral("running"));
        QCOMPARE(m_page->model()->index(0, ContainerModel::Name).data().toString(), QStringLiteral("from-the-gui"));
        // Its published port, as a link a click opens.
        const QStringList links = m_page->model()->index(0, ContainerModel::Ports).data(ContainerModel::LinksRole).toStringList();
        QVERIFY2(links.size() == 1 && links.first().startsWith(u"http://127.0.0.1:"), qPrintable(links.join(u' ')));
        // Its CPU and memory, sampled for the sparklines.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_page->model()->index(0, ContainerModel::Cpu).data(ContainerModel::HistoryRole).value<QList<double>>().size() >= 1,
            10000);
        QVERIFY(m_page->model()->index(0, ContainerModel::Memory).data().toString().contains(u"iB"));

        m_page->view()->selectRow(0);
        auto *logs = m_page->findChild<QPlainTextEdit *>(QStringLiteral("containerLogs"));
        QTRY_VERIFY2(logs->toPlainText().contains(u"hello from the desktop"), qPrintable(logs->toPlainText()));
        QVERIFY(action("stopContainer")->isEnabled());
        QVERIFY(!action("startContainer")->isEnabled());
        readTheDetailOfARunningContainer();
        if (QTest::currentTestFailed())
            return;

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
    void readTheDetailOfARunningContainer()
    {
        ContainerDetail *detail = m_page->detail();
        // Logs: found and saved as shown.
        auto *logs = detail->findChild<QPlainTextEdit *>(QStringLiteral("containerLogs"));
        detail->findChild<QLineEdit *>(QStringLiteral("logSearch"))->setText(QStringLiteral("from the desktop"));
        QCOMPARE(logs->extraSelections().size(), 1);
        QVERIFY(logs->textCursor().hasSelection());
        QTemporaryDir dir;
        QVERIFY(detail->saveLogs(dir.filePath(QStringLiteral("saved.log"))));
        QFile saved(dir.filePath(QStringLiteral("saved.log")));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(saved.readAll()), logs->toPlainText());

        // Overview: the state diagram offers what a running container can do.
        showTab(QStringLiteral("Overview"));
        auto *diagram = detail->findChild<StateDiagram *>();
        QCOMPARE(diagram->state(), QStringLiteral("running"));
        QVERIFY2(diagram->availableActions().contains(u"pause"), qPrintable(diagram->availableActions().join(u',')));
        auto *facts = detail->findChild<QLabel *>(QStringLiteral("containerFacts"));
        QTRY_VERIFY(facts->text().contains(u"from-the-gui"));
        QVERIFY2(facts->text().contains(u"bridge (") && facts->text().contains(u"→ 80/tcp"), qPrintable(facts->text()));
        screenshot(QStringLiteral("container-overview"));

        // Terminal: a shell opens by itself; keys reach it, its output shows, and the size
        // the widget has is the size the shell sees, also after a resize.
        showTab(QStringLiteral("Terminal"));
        auto *terminal = detail->findChild<TerminalWidget *>();
        QTRY_COMPARE(detail->findChild<QLabel *>(QStringLiteral("terminalStatus"))->text(), QStringLiteral("Connected"));
        typeLine(terminal, QStringLiteral("echo answer-$((6*7))"));
        QTRY_VERIFY2(terminal->screenText().contains(u"\nanswer-42"), qPrintable(terminal->screenText()));
        m_page->resize(1100, 760);
        QTRY_VERIFY(terminal->rows() > 0);
        const QString size = QStringLiteral("%1 %2").arg(terminal->rows()).arg(terminal->columns());
        typeLine(terminal, QStringLiteral("stty size"));
        QTRY_VERIFY2(terminal->screenText().contains(u'\n' + size), qPrintable(size + u'\n' + terminal->screenText()));
        typeLine(terminal, QStringLiteral("ls -l --color=always /; printf '\\033[31mred\\033[0m\\n'"));
        QTRY_VERIFY(terminal->screenText().contains(u"\nred"));
        screenshot(QStringLiteral("container-terminal"));
        typeLine(terminal, QStringLiteral("exit 3"));
        QTRY_COMPARE(detail->findChild<QLabel *>(QStringLiteral("terminalStatus"))->text(),
                     QStringLiteral("The command exited with code 3."));
        QVERIFY(terminal->screenText().contains(u"\nred"));

        // Stats: samples come once a second while the tab shows.
        showTab(QStringLiteral("Stats"));
        auto *stats = detail->findChild<StatsCharts *>();
        QTRY_VERIFY_WITH_TIMEOUT(stats->series(QStringLiteral("cpu"))->count() >= 3, 10000);
        screenshot(QStringLiteral("container-stats"));
        QVERIFY(stats->series(QStringLiteral("memory"))->points().last().y() > 0);
        QCOMPARE(stats->series(QStringLiteral("pids"))->points().last().y() >= 1, true);

        // Processes, as docker top lists them.
        showTab(QStringLiteral("Processes"));
        auto *processes = detail->findChild<QTableWidget *>(QStringLiteral("containerProcesses"));
        QTRY_VERIFY(processes->rowCount() >= 1);
        // In pid order, and host pids wrap around: the shell is not always the first row.
        QStringList commands;
        for (int row = 0; row < processes->rowCount(); ++row)
            commands << processes->item(row, 7)->text();
        QVERIFY2(
            std::any_of(commands.cbegin(), commands.cend(), [](const QString &command) { return command.startsWith(u"sh -c"); }),
            qPrintable(commands.join(u'|')));

        // Inspect: the JSON as a tree.
        showTab(QStringLiteral("Inspect"));
        auto *inspect = detail->findChild<JsonTree *>();
        QTRY_COMPARE(inspect->valueAt({QStringLiteral("State"), QStringLiteral("Status")}), QStringLiteral("running"));
        showTab(QStringLiteral("Logs"));
    }

    IsolatedEngine m_engine;
    std::unique_ptr<EngineConnection> m_connection;
    std::unique_ptr<ContainersPage> m_page;
};

QTEST_MAIN(TestContainersPage)
#include "tst_containerspage.moc"
