// The Networks page against a live isolated engine, with the mouse: the built-in networks
// listed, a network created from the dialog with its range, a container on it counted, the
// network refused removal while used, then removed.

#include "engineconnection.h"
#include "guitest.h"
#include "isolatedengine.h"
#include "pages/networkspage.h"
#include "widgets/jsontree.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace berth::gui;
using namespace berth::test;

class TestNetworksPage : public QObject
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

    void createUseAndRemoveANetwork()
    {
        QTRY_VERIFY(row(QStringLiteral("bridge")) && row(QStringLiteral("host")) && row(QStringLiteral("none")));
        m_page->list()->setCurrentItem(row(QStringLiteral("bridge")));
        QVERIFY(!m_page->findChild<QPushButton *>(QStringLiteral("removeNetwork"))->isEnabled());

        m_page->findChild<QPushButton *>(QStringLiteral("createNetwork"))->click();
        NetworkDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_page->findChild<NetworkDialog *>()) != nullptr);
        dialog->findChild<QLineEdit *>(QStringLiteral("networkName"))->setText(QStringLiteral("from-the-gui"));
        dialog->findChild<QLineEdit *>(QStringLiteral("networkSubnet"))->setText(QStringLiteral("10.233.7.0/24"));
        dialog->findChild<QCheckBox *>(QStringLiteral("networkInternal"))->setChecked(true);
        dialog->accept();
        QTRY_VERIFY(row(QStringLiteral("from-the-gui")));
        QTRY_COMPARE(row(QStringLiteral("from-the-gui"))->text(2), QStringLiteral("10.233.7.0/24"));
        QCOMPARE(row(QStringLiteral("from-the-gui"))->text(3), QStringLiteral("10.233.7.1"));

        const QString id = m_engine
                               .berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--network"),
                                       QStringLiteral("from-the-gui"), QStringLiteral("busybox"), QStringLiteral("sleep"),
                                       QStringLiteral("1000")})
                               .out.trimmed();
        QTRY_COMPARE(row(QStringLiteral("from-the-gui"))->text(5), QStringLiteral("1"));
        m_page->list()->setCurrentItem(row(QStringLiteral("from-the-gui")));
        auto *detail = m_page->findChild<JsonTree *>(QStringLiteral("networkDetail"));
        QTRY_COMPARE(detail->valueAt({QStringLiteral("Containers"), id, QStringLiteral("IPv4Address")}).section(u'.', 0, 2),
                     QStringLiteral("10.233.7"));

        auto *remove = m_page->findChild<QPushButton *>(QStringLiteral("removeNetwork"));
        QVERIFY(remove->isEnabled());
        acceptNextQuestion();
        remove->click();
        auto *message = m_page->findChild<QLabel *>(QStringLiteral("networksMessage"));
        QTRY_VERIFY2(message->text().contains(u"has active endpoints"), qPrintable(message->text()));

        QCOMPARE(m_engine.berth({QStringLiteral("rm"), QStringLiteral("-f"), id}).exitCode, 0);
        QTRY_COMPARE(row(QStringLiteral("from-the-gui"))->text(5), QStringLiteral("0"));
        m_page->list()->setCurrentItem(row(QStringLiteral("from-the-gui")));
        QTRY_VERIFY(remove->isEnabled());
        acceptNextQuestion();
        remove->click();
        QTRY_VERIFY2(!row(QStringLiteral("from-the-gui")), qPrintable(message->text()));
    }

private:
    IsolatedEngine m_engine;
    std::unique_ptr<EngineConnection> m_connection;
    std::unique_ptr<NetworksPage> m_page;
};

QTEST_MAIN(TestNetworksPage)
#include "tst_networkspage.moc"
