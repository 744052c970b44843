// The Volumes page against a live isolated engine: volumes listed with their users, removal
// refused while a container uses one (the engine's message shown), then removed with the
// mouse; Prune takes the unused anonymous ones.

#include "engineconnection.h"
#include "guitest.h"
#include "isolatedengine.h"
#include "pages/volumespage.h"

#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace berth::gui;
using namespace berth::test;

class TestVolumesPage : public QObject
{
    Q_OBJECT

    QTreeWidgetItem *row(const QString &name) const { return rowNamed(m_page->list(), name); }

private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        QVERIFY2(showOnEngine(m_engine, m_connection, m_page), qPrintable(m_engine.errorString()));
    }

    void cleanupTestCase() { closeOnEngine(m_engine, m_connection, m_page); }

    void listRemoveAndPrune()
    {
        const QString id
            = m_engine
                  .berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("keeper"),
                          QStringLiteral("-v"), QStringLiteral("shown:/data"), QStringLiteral("-v"), QStringLiteral("/anon"),
                          QStringLiteral("busybox"), QStringLiteral("sleep"), QStringLiteral("1000")})
                  .out.trimmed();
        QTRY_VERIFY(row(QStringLiteral("shown")));
        QCOMPARE(row(QStringLiteral("shown"))->text(1), QStringLiteral("named"));
        QCOMPARE(row(QStringLiteral("shown"))->text(2), QStringLiteral("keeper"));
        QCOMPARE(m_page->list()->topLevelItemCount(), 2);

        auto *remove = m_page->findChild<QPushButton *>(QStringLiteral("removeVolume"));
        m_page->list()->setCurrentItem(row(QStringLiteral("shown")));
        QVERIFY(remove->isEnabled());
        acceptNextQuestion();
        remove->click();
        auto *message = m_page->findChild<QLabel *>(QStringLiteral("volumesMessage"));
        QTRY_VERIFY2(message->text().contains(u"volume is in use - [keeper]"), qPrintable(message->text()));

        // The container goes (its anonymous volume stays without rm -v); Prune takes that one.
        QCOMPARE(m_engine.berth({QStringLiteral("rm"), QStringLiteral("-f"), id}).exitCode, 0);
        QTRY_COMPARE(row(QStringLiteral("shown"))->text(2), QString());
        m_page->findChild<QPushButton *>(QStringLiteral("pruneVolumes"))->click();
        QTRY_COMPARE(m_page->list()->topLevelItemCount(), 1);
        m_page->list()->setCurrentItem(row(QStringLiteral("shown")));
        acceptNextQuestion();
        remove->click();
        QTRY_COMPARE(m_page->list()->topLevelItemCount(), 0);
    }

private:
    IsolatedEngine m_engine;
    std::unique_ptr<EngineConnection> m_connection;
    std::unique_ptr<VolumesPage> m_page;
};

QTEST_MAIN(TestVolumesPage)
#include "tst_volumespage.moc"
