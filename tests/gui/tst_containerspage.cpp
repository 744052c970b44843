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
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <algorithm>

using namespace berth::gui;
using namespace berth::test;

class TestContainersPage : public QObject
{
    Q_OBJECT

    QAction *action(const char *name) const { return m_page->findChild<QAction *>(QLatin1StringView(name)); }

    // Clicks the detail's tab with this title.
    void showTab(const QString &title) const
    {
        ContainerDetail *detail = m_page->detail();
        auto *tabs = detail->findChild<QTabBar *>();
        for (int i = 0; i < detail->count(); ++i)
            if (detail->tabText(i) == title) {
                QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(i).center());
                QCOMPARE(detail->currentIndex(), i);
                return;
            }
        QFAIL(qPrintable(QStringLiteral("no tab ") + title));
    }

    // Clicks the toolbar button of the action with this object name.
    void click(const char *name) const
    {
        QWidget *button = m_page->findChild<QToolBar *>()->widgetForAction(action(name));
        QVERIFY(button && button->isVisible() && button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
    }

    // Clicks a row of the list, selecting it alone.
    void clickRow(int row) const
    {
        QTableView *view = m_page->view();
        const QRect cell = view->visualRect(view->model()->index(row, ContainerModel::Name));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    }

    // The Run dialog once it shows, after a click on Run.
    RunDialog *openRunDialog() const
    {
        click("runContainer");
        RunDialog *dialog = nullptr;
        QTest::qWaitFor([&] { return (dialog = m_page->findChild<RunDialog *>()) && dialog->isVisible(); }, 5000);
        return dialog;
    }

    static void clickOk(QDialog *dialog)
    {
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
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

    // Each test begins with no containers, whatever the one before left.
    void cleanup()
    {
        const QStringList left
            = m_engine.berth({QStringLiteral("ps"), QStringLiteral("-aq")}).out.split(u'\n', Qt::SkipEmptyParts);
        if (!left.isEmpty())
            m_engine.berth(QStringList{QStringLiteral("rm"), QStringLiteral("-f")} + left);
        QTRY_COMPARE(m_page->model()->rowCount(), 0);
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
        dialog.findChild<QLineEdit *>(QStringLiteral("runMemory"))->clear();
        dialog.findChild<QLineEdit *>(QStringLiteral("runPorts"))->setText(QStringLiteral("8080:80, 99999:81"));
        dialog.accept();
        QVERIFY2(error->text().contains(u"Ports: invalid hostPort: 99999"), qPrintable(error->text()));
    }

    // The issue's words: with the mouse only, run busybox, read its logs, open a terminal in
    // it, watch its stats, stop it and remove it.  Not a key is typed.
    void theStateDiagramOffersEveryWayOut()
    {
        StateDiagram diagram;
        const QList<std::pair<QString, QStringList>> offers{
            {QStringLiteral("created"), {QStringLiteral("start"), QStringLiteral("remove")}},
            {QStringLiteral("paused"), {QStringLiteral("resume"), QStringLiteral("stop, kill")}},
            {QStringLiteral("restarting"), {QStringLiteral("stop"), QStringLiteral("restarted")}},
            {QStringLiteral("exited"), {QStringLiteral("start, restart"), QStringLiteral("remove")}},
            {QStringLiteral("dead"), {QStringLiteral("remove")}}};
        for (const auto &[state, actions] : offers) {
            diagram.setState(state);
            QCOMPARE(diagram.availableActions(), actions);
        }
    }

    void busyboxWithTheMouseOnly()
    {
        // Two of them, to act on both at once at the end.
        for (int run = 1; run <= 2; ++run) {
            RunDialog *dialog = openRunDialog();
            QVERIFY(dialog);
            QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("runImage"))->currentText(), QStringLiteral("busybox:latest"));
            clickOk(dialog);
            QTRY_COMPARE(m_page->model()->rowCount(), run);
            QTRY_VERIFY(!m_page->findChild<RunDialog *>());
        }
        QTRY_COMPARE(stateOfFirstRow(), QStringLiteral("running")); // its shell waits at its terminal
        QTRY_COMPARE(m_page->model()->index(1, 0).data(ContainerModel::StateRole).toString(), QStringLiteral("running"));
        QTRY_VERIFY(m_page->model()->index(0, ContainerModel::Status).data().toString().startsWith(u"Up "));

        clickRow(0);
        auto *logs = m_page->findChild<QPlainTextEdit *>(QStringLiteral("containerLogs"));
        QTRY_VERIFY2(logs->toPlainText().contains(u"built-in shell"), qPrintable(logs->toPlainText())); // its greeting
        showTab(QStringLiteral("Terminal"));
        ContainerDetail *detail = m_page->detail();
        QTRY_COMPARE(detail->findChild<QLabel *>(QStringLiteral("terminalStatus"))->text(), QStringLiteral("Connected"));
        QTRY_VERIFY(detail->findChild<TerminalWidget *>()->screenText().contains(u"/ #")); // its prompt
        showTab(QStringLiteral("Stats"));
        QTRY_VERIFY_WITH_TIMEOUT(detail->findChild<StatsCharts *>()->series(QStringLiteral("pids"))->count() >= 2, 10000);
        showTab(QStringLiteral("Logs"));

        // The context menu offers what the toolbar does.
        QStringList offered;
        QTimer::singleShot(200, [&offered] {
            if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
                for (QAction *item : menu->actions())
                    if (item->isEnabled() && !item->isSeparator())
                        offered << item->text();
                menu->close();
            }
        });
        QTableView *view = m_page->view();
        const QPoint secondRow = view->visualRect(view->model()->index(1, ContainerModel::Name)).center();
        // A right press selects the row; the platform then asks for the menu.
        QTest::mousePress(view->viewport(), Qt::RightButton, {}, secondRow);
        QContextMenuEvent rightClick(QContextMenuEvent::Mouse, secondRow, view->viewport()->mapToGlobal(secondRow));
        QApplication::sendEvent(view->viewport(), &rightClick);
        QTest::mouseRelease(view->viewport(), Qt::RightButton, {}, secondRow);
        QTRY_VERIFY2(offered.contains(QStringLiteral("Stop")) && offered.contains(QStringLiteral("Remove")),
                     qPrintable(offered.join(u',')));

        // Both selected (a click, a ctrl+click), stopped and removed together.  An interactive
        // shell ignores SIGTERM: stop ends each with SIGKILL after docker's 10 s.
        clickRow(0);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, secondRow);
        QCOMPARE(view->selectionModel()->selectedRows().size(), 2);
        click("stopContainer");
        QTRY_COMPARE_WITH_TIMEOUT(stateOfFirstRow(), QStringLiteral("exited"), 20000);
        QTRY_COMPARE(m_page->model()->index(1, 0).data(ContainerModel::StateRole).toString(), QStringLiteral("exited"));
        QVERIFY(m_page->model()->index(0, ContainerModel::Status).data().toString().startsWith(u"Exited (137) "));
        acceptNextQuestion();
        click("removeContainer");
        QTRY_COMPARE(m_page->model()->rowCount(), 0);
    }

    void runReadStopAndRemoveWithTheMouse()
    {
        QVERIFY(!action("startContainer")->isEnabled()); // nothing selected
        RunDialog *dialog = openRunDialog();
        QVERIFY(dialog);
        dialog->findChild<QComboBox *>(QStringLiteral("runImage"))->setCurrentText(QStringLiteral("busybox"));
        dialog->findChild<QLineEdit *>(QStringLiteral("runName"))->setText(QStringLiteral("from-the-gui"));
        dialog->findChild<QLineEdit *>(QStringLiteral("runPorts"))->setText(QStringLiteral("127.0.0.1::80"));
        dialog->findChild<QLineEdit *>(QStringLiteral("runCommand"))
            ->setText(
                QStringLiteral("sh -c 'trap \"exit 0\" TERM; echo hello from the desktop; while true; do sleep 0.1; done'"));
        dialog->findChild<QCheckBox *>(QStringLiteral("runInteractive"))->setChecked(false);
        clickOk(dialog);

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

        // The state filter: a running container is not among the stopped ones.
        auto *stateFilter = m_page->findChild<QComboBox *>(QStringLiteral("containerStateFilter"));
        stateFilter->setCurrentIndex(stateFilter->findText(QStringLiteral("Stopped")));
        QCOMPARE(m_page->view()->model()->rowCount(), 0);
        stateFilter->setCurrentIndex(stateFilter->findText(QStringLiteral("Running")));
        QCOMPARE(m_page->view()->model()->rowCount(), 1);
        stateFilter->setCurrentIndex(0);
        // The search: any column, any case.
        auto *search = m_page->findChild<QLineEdit *>(QStringLiteral("containerSearch"));
        QTest::keyClicks(search, QStringLiteral("no-such-thing"));
        QCOMPARE(m_page->view()->model()->rowCount(), 0);
        search->clear();
        QTest::keyClicks(search, QStringLiteral("FROM-THE"));
        QCOMPARE(m_page->view()->model()->rowCount(), 1);
        search->clear();

        clickRow(0);
        auto *logs = m_page->findChild<QPlainTextEdit *>(QStringLiteral("containerLogs"));
        QTRY_VERIFY2(logs->toPlainText().contains(u"hello from the desktop"), qPrintable(logs->toPlainText()));
        QVERIFY(action("stopContainer")->isEnabled());
        QVERIFY(!action("startContainer")->isEnabled());
        readTheDetailOfARunningContainer();
        if (QTest::currentTestFailed())
            return;

        click("pauseContainer");
        QTRY_COMPARE(stateOfFirstRow(), QStringLiteral("paused"));
        QVERIFY(action("unpauseContainer")->isEnabled());
        click("unpauseContainer");
        QTRY_COMPARE(stateOfFirstRow(), QStringLiteral("running"));

        click("stopContainer");
        QTRY_COMPARE_WITH_TIMEOUT(stateOfFirstRow(), QStringLiteral("exited"), 15000);
        QVERIFY(action("startContainer")->isEnabled());

        // Removal asks first; "No" keeps the container.
        answerNextQuestion(QMessageBox::No);
        click("removeContainer");
        QTest::qWait(300);
        QCOMPARE(m_page->model()->rowCount(), 1);
        acceptNextQuestion();
        click("removeContainer");
        QTRY_COMPARE(m_page->model()->rowCount(), 0);
        QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("emptyState"))->isVisible());
    }

private:
    void readTheDetailOfARunningContainer()
    {
        ContainerDetail *detail = m_page->detail();
        // Logs: found, and saved whole from the engine.
        auto *logs = detail->findChild<QPlainTextEdit *>(QStringLiteral("containerLogs"));
        detail->findChild<QLineEdit *>(QStringLiteral("logSearch"))->setText(QStringLiteral("from the desktop"));
        QCOMPARE(logs->extraSelections().size(), 1);
        QVERIFY(logs->textCursor().hasSelection());
        QTemporaryDir dir;
        QSignalSpy savedSpy(detail, &ContainerDetail::logsSaved);
        detail->saveLogs(dir.filePath(QStringLiteral("saved.log")));
        QTRY_COMPARE(savedSpy.size(), 1);
        QFile saved(dir.filePath(QStringLiteral("saved.log")));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(saved.readAll().startsWith("hello from the desktop\n"));

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
        // Copy: a double click takes the word, ctrl+shift+c puts it on the clipboard; paste
        // sends the clipboard as typed.
        const int answerRow = int(terminal->screenText().split(u'\n').indexOf(QStringLiteral("answer-42")));
        QVERIFY(answerRow >= 0);
        const QFontMetrics cell(terminal->font());
        QTest::mouseDClick(terminal->viewport(), Qt::LeftButton, {},
                           QPoint(cell.horizontalAdvance(QLatin1Char('M')) * 3, cell.height() * answerRow + cell.height() / 2));
        QCOMPARE(terminal->selectedText(), QStringLiteral("answer-42"));
        QTest::keyClick(terminal, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("answer-42"));
        QApplication::clipboard()->setText(QStringLiteral("echo pasted-$((2+3))"));
        QTest::keyClick(terminal, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(terminal, Qt::Key_Return);
        QTRY_VERIFY2(terminal->screenText().contains(u"\npasted-5"), qPrintable(terminal->screenText()));
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
