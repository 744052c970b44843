// The Pull and Push dialogs against a live isolated engine and a real docker-registry on
// 127.0.0.1: a push shows one row per blob and ends "Pushed"; after the image is removed here,
// a pull shows its layers with progress bars at 100% and the image is back and runs; a bad
// name and an unknown tag end in the engine's message, with Pull enabled again.

#include "dialogs/transferdialog.h"
#include "isolatedengine.h"
#include "localregistry.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace berth::gui;
using namespace berth::test;

class TestTransferDialog : public QObject
{
    Q_OBJECT

    ProcessResult berth(const QStringList &arguments) const { return m_engine.berth(arguments); }

private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        QVERIFY2(m_engine.startAsSystemBus(), qPrintable(m_engine.errorString()));
        QVERIFY2(m_registry.start(), qPrintable(m_registry.errorString()));
        m_image = m_registry.name(QStringLiteral("gui/box:1"));
        QCOMPARE(berth({QStringLiteral("tag"), QStringLiteral("busybox"), m_image}).exitCode, 0);
    }

    void cleanupTestCase()
    {
        m_registry.stop();
        m_engine.stop();
    }

    void pushShowsEachBlob()
    {
        TransferDialog dialog(TransferDialog::Kind::Push, m_image);
        dialog.show();
        QSignalSpy done(&dialog, &TransferDialog::transferred);
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
        QVERIFY2(done.first().first().toBool(), qPrintable(done.first().at(1).toString()));
        QVERIFY(dialog.status()->text().startsWith(QStringLiteral("Pushed ") + m_image));
        // busybox: one layer and the config.
        QCOMPARE(dialog.layers()->topLevelItemCount(), 2);
        QCOMPARE(dialog.layers()->topLevelItem(0)->text(1), QStringLiteral("Pushed"));
    }

    void pullShowsLayersAndBringsTheImageBack()
    {
        QCOMPARE(berth({QStringLiteral("rmi"), m_image}).exitCode, 0);
        TransferDialog dialog(TransferDialog::Kind::Pull, {});
        dialog.show();
        dialog.reference()->setText(m_image);
        QSignalSpy done(&dialog, &TransferDialog::transferred);
        dialog.findChild<QPushButton *>(QStringLiteral("startTransfer"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
        QVERIFY2(done.first().first().toBool(), qPrintable(done.first().at(1).toString()));
        QCOMPARE(dialog.layers()->topLevelItemCount(), 1);
        QTreeWidgetItem *layer = dialog.layers()->topLevelItem(0);
        // The built-in busybox still holds the layer: nothing to download.
        QCOMPARE(layer->text(1), QStringLiteral("Already exists"));
        QCOMPARE(qobject_cast<QProgressBar *>(dialog.layers()->itemWidget(layer, 2))->value(), 100);
        QCOMPARE(
            berth({QStringLiteral("run"), QStringLiteral("--rm"), m_image, QStringLiteral("echo"), QStringLiteral("back")}).out,
            QStringLiteral("back\n"));
    }

    void failuresSayWhy()
    {
        TransferDialog dialog(TransferDialog::Kind::Pull, {});
        dialog.reference()->setText(QStringLiteral("Bad Name"));
        dialog.start();
        QVERIFY(!dialog.status()->text().isEmpty());
        QSignalSpy done(&dialog, &TransferDialog::transferred);
        dialog.reference()->setText(m_registry.name(QStringLiteral("gui/box:nope")));
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 30000);
        QVERIFY(!done.first().first().toBool());
        QVERIFY2(dialog.status()->text().contains(u"404"), qPrintable(dialog.status()->text()));
        QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("startTransfer"))->isEnabled());
    }

private:
    IsolatedEngine m_engine;
    QTemporaryDir m_work;
    LocalRegistry m_registry{m_work.path(), QStringLiteral("registry")};
    QString m_image;
};

QTEST_MAIN(TestTransferDialog)
#include "tst_transferdialog.moc"
