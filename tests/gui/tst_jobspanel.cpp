// The Jobs panel against a live isolated engine and a real docker-registry on 127.0.0.1: a
// pull started from the Pull dialog shows up as a row and is cancelled from the panel; a push
// whose dialog was closed is still followed to its end; finished rows are cleared.

#include "dialogs/transferdialog.h"
#include "isolatedengine.h"
#include "localregistry.h"
#include "widgets/jobspanel.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace berth::gui;
using namespace berth::test;

class TestJobsPanel : public QObject
{
    Q_OBJECT

    ProcessResult berth(const QStringList &arguments) const { return m_engine.berth(arguments); }

    QTreeWidgetItem *row(int index) const { return m_panel->list()->topLevelItem(index); }

private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        QVERIFY2(m_engine.startAsSystemBus(), qPrintable(m_engine.errorString()));
        QVERIFY2(m_registry.start(), qPrintable(m_registry.errorString()));
        // An image with a layer large enough that its pull is still running when cancelled.
        m_large = m_registry.name(QStringLiteral("gui/large:1"));
        QVERIFY2(m_engine.makeImage(QStringLiteral("busybox"),
                                    QStringLiteral("dd if=/dev/urandom of=/large bs=1M count=160 2>/dev/null"), m_large),
                 qPrintable(m_engine.errorString()));
        QCOMPARE(berth({QStringLiteral("push"), QStringLiteral("-q"), m_large}).exitCode, 0);
        QCOMPARE(berth({QStringLiteral("rmi"), m_large}).exitCode, 0);
        m_panel = std::make_unique<JobsPanel>();
        m_panel->show();
    }

    void cleanupTestCase()
    {
        m_panel.reset();
        m_registry.stop();
        m_engine.stop();
    }

    void aPullIsShownAndCancelledFromThePanel()
    {
        TransferDialog dialog(TransferDialog::Kind::Pull, m_large);
        dialog.show();
        QSignalSpy done(&dialog, &TransferDialog::transferred);
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->list()->topLevelItemCount(), 1, 10000);
        QCOMPARE(row(0)->text(0), QStringLiteral("Pull ") + m_large);
        QCOMPARE(m_panel->running(), 1);
        auto *cancel = qobject_cast<QPushButton *>(m_panel->list()->itemWidget(row(0), 3));
        QVERIFY(cancel);
        cancel->click();
        QTRY_COMPARE_WITH_TIMEOUT(row(0)->text(1), QStringLiteral("Cancelled"), 30000);
        QCOMPARE(m_panel->running(), 0);
        QVERIFY(!m_panel->list()->itemWidget(row(0), 3)); // no Cancel once it ended
        // The dialog that started it hears the same ending.
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
        QVERIFY(!done.first().first().toBool());
        QVERIFY(!berth({QStringLiteral("images")}).out.contains(QStringLiteral("gui/large")));
    }

    void aJobOutlivesItsDialog()
    {
        const QString small = m_registry.name(QStringLiteral("gui/small:1"));
        QCOMPARE(berth({QStringLiteral("tag"), QStringLiteral("busybox"), small}).exitCode, 0);
        auto dialog = std::make_unique<TransferDialog>(TransferDialog::Kind::Push, small);
        dialog->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_panel->list()->topLevelItemCount(), 2, 10000);
        dialog.reset();
        QCOMPARE(row(1)->text(0), QStringLiteral("Push ") + small);
        QTRY_COMPARE_WITH_TIMEOUT(row(1)->text(1), QStringLiteral("Done"), 30000);
        // Finished rows go when cleared.
        m_panel->findChild<QPushButton *>(QStringLiteral("clearJobs"))->click();
        QCOMPARE(m_panel->list()->topLevelItemCount(), 0);
    }

private:
    IsolatedEngine m_engine;
    QTemporaryDir m_work;
    LocalRegistry m_registry{m_work.path(), QStringLiteral("registry")};
    QString m_large;
    std::unique_ptr<JobsPanel> m_panel;
};

QTEST_MAIN(TestJobsPanel)
#include "tst_jobspanel.moc"
