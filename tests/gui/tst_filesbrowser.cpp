// The Files tab against a live isolated engine: the tree reads the container's directories;
// a file dragged out arrives on the host with its bytes when the drop asks for it; a folder
// dropped on a directory (synthetic drag enter, move and drop events on the tree) is copied in;
// New Folder, Delete (after the question), Export and Commit do what they say.

#include "guitest.h"
#include "isolatedengine.h"
#include "models/containerfilesmodel.h"
#include "pages/filesbrowser.h"

#include <QApplication>
#include <QDir>
#include <QDropEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace berth::gui;
using namespace berth::test;

class TestFilesBrowser : public QObject
{
    Q_OBJECT

    QString inContainer(const QString &command) const
    {
        return m_engine
            .berth({QStringLiteral("exec"), QStringLiteral("files"), QStringLiteral("sh"), QStringLiteral("-c"), command})
            .out;
    }

    // The row named `name` under `parent`, once the model has it.
    QModelIndex rowNamed(const QModelIndex &parent, const QString &name) const
    {
        ContainerFilesModel *model = m_browser->model();
        for (int row = 0; row < model->rowCount(parent); ++row)
            if (model->index(row, 0, parent).data().toString() == name)
                return model->index(row, 0, parent);
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        QVERIFY2(m_engine.startAsSystemBus(), qPrintable(m_engine.errorString()));
        QCOMPARE(m_engine
                     .berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), QStringLiteral("files"),
                             QStringLiteral("busybox"), QStringLiteral("sleep"), QStringLiteral("1000")})
                     .exitCode,
                 0);
        inContainer(QStringLiteral("mkdir /srv && echo hello > /srv/greeting"));
        m_browser = std::make_unique<FilesBrowser>();
        m_browser->resize(800, 600);
        m_browser->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_browser.get()));
        m_browser->setContainer(QStringLiteral("files"));
        QTRY_VERIFY(rowNamed({}, QStringLiteral("srv")).isValid());
    }

    void cleanupTestCase()
    {
        m_browser.reset();
        m_engine.stop();
    }

    void theTreeReadsDirectoriesAsTheyOpen()
    {
        const QModelIndex srv = rowNamed({}, QStringLiteral("srv"));
        QVERIFY(m_browser->model()->isDirectory(srv));
        m_browser->tree()->expand(srv);
        QTRY_VERIFY(rowNamed(srv, QStringLiteral("greeting")).isValid());
        const QModelIndex greeting = rowNamed(srv, QStringLiteral("greeting"));
        QCOMPARE(m_browser->model()->pathOf(greeting), QByteArray("/srv/greeting"));
        QCOMPARE(greeting.siblingAtColumn(ContainerFilesModel::Mode).data().toString(), QStringLiteral("-rw-r--r--"));
    }

    void aFileDraggedOutArrivesOnTheDrop()
    {
        const QModelIndex greeting = rowNamed(rowNamed({}, QStringLiteral("srv")), QStringLiteral("greeting"));
        std::unique_ptr<QMimeData> dragged(m_browser->model()->mimeData({greeting}));
        QVERIFY(dragged->hasUrls());
        // What a file manager asks for when the drop happens: the copy runs then.
        const QList<QUrl> urls = dragged->urls();
        QCOMPARE(urls.size(), 1);
        QVERIFY(urls.first().isLocalFile());
        QFile copied(urls.first().toLocalFile());
        QVERIFY(copied.open(QIODevice::ReadOnly));
        QCOMPARE(copied.readAll(), QByteArray("hello\n"));
        QCOMPARE(QFileInfo(copied).fileName(), QStringLiteral("greeting"));
    }

    void aFolderDroppedOnADirectoryIsCopiedIn()
    {
        QTemporaryDir local;
        QVERIFY(QDir(local.path()).mkpath(QStringLiteral("site/css")));
        QFile page(local.filePath(QStringLiteral("site/css/main.css")));
        QVERIFY(page.open(QIODevice::WriteOnly));
        page.write(QByteArray(3000000, 'c')); // past 1 MiB: its content goes beside the stream
        page.close();
        const QModelIndex srv = rowNamed({}, QStringLiteral("srv"));
        QTreeView *tree = m_browser->tree();
        tree->scrollTo(srv);
        const QPoint at = tree->visualRect(srv).center();
        QMimeData dropped;
        dropped.setUrls({QUrl::fromLocalFile(local.filePath(QStringLiteral("site")))});
        QDragEnterEvent enter(at, Qt::CopyAction, &dropped, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(tree->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(at, Qt::CopyAction, &dropped, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(tree->viewport(), &move);
        QVERIFY(move.isAccepted());
        QDropEvent drop(at, Qt::CopyAction, &dropped, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(tree->viewport(), &drop);
        QTRY_COMPARE_WITH_TIMEOUT(inContainer(QStringLiteral("wc -c < /srv/site/css/main.css")).trimmed(),
                                  QStringLiteral("3000000"), 20000);
        QCOMPARE(inContainer(QStringLiteral("head -c 3 /srv/site/css/main.css")), QStringLiteral("ccc"));
        // The directory is read again and shows it.
        QTRY_VERIFY(rowNamed(srv, QStringLiteral("site")).isValid());
    }

    // Coming out, a file past 1 MiB comes as a descriptor beside the stream (passed content).
    void aLargeFileDraggedOutArrivesWhole()
    {
        QModelIndex at = rowNamed({}, QStringLiteral("srv"));
        for (const QString &name : {QStringLiteral("site"), QStringLiteral("css"), QStringLiteral("main.css")}) {
            m_browser->tree()->expand(at);
            QTRY_VERIFY(rowNamed(at, name).isValid());
            at = rowNamed(at, name);
        }
        std::unique_ptr<QMimeData> dragged(m_browser->model()->mimeData({at}));
        const QList<QUrl> urls = dragged->urls();
        QCOMPARE(urls.size(), 1);
        QFile copied(urls.first().toLocalFile());
        QVERIFY(copied.open(QIODevice::ReadOnly));
        QCOMPARE(copied.readAll(), QByteArray(3000000, 'c'));
    }

    void newFolderAndDeleteChangeTheContainer()
    {
        const QModelIndex srv = rowNamed({}, QStringLiteral("srv"));
        m_browser->tree()->setCurrentIndex(srv);
        m_browser->createFolder(QStringLiteral("made"));
        QTRY_VERIFY(rowNamed(srv, QStringLiteral("made")).isValid());
        QCOMPARE(inContainer(QStringLiteral("ls -d /srv/made")), QStringLiteral("/srv/made\n"));
        m_browser->tree()->selectionModel()->select(rowNamed(srv, QStringLiteral("made")),
                                                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        acceptNextQuestion();
        m_browser->removeSelected();
        QTRY_VERIFY(!rowNamed(srv, QStringLiteral("made")).isValid());
        QCOMPARE(inContainer(QStringLiteral("ls /srv")), QStringLiteral("greeting\nsite\n"));
    }

    void exportAndCommit()
    {
        QTemporaryDir local;
        const QString archive = local.filePath(QStringLiteral("files.tar"));
        QSignalSpy exported(m_browser.get(), &FilesBrowser::exported);
        m_browser->exportTo(archive);
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 20000);
        const ProcessResult listing = runProcess(QStringLiteral("tar"), {QStringLiteral("tf"), archive});
        QVERIFY2(listing.out.contains(u"./srv/site/css/main.css\n"), qPrintable(listing.out.left(500)));

        QSignalSpy made(m_browser.get(), &FilesBrowser::imageMade);
        m_browser->commit(QStringLiteral("fromgui:1"));
        QTRY_COMPARE_WITH_TIMEOUT(made.size(), 1, 20000);
        QVERIFY(made.first().first().toString().startsWith(u"sha256:"));
        QCOMPARE(m_engine
                     .berth({QStringLiteral("run"), QStringLiteral("--rm"), QStringLiteral("fromgui:1"), QStringLiteral("cat"),
                             QStringLiteral("/srv/greeting")})
                     .out,
                 QStringLiteral("hello\n"));
    }

private:
    IsolatedEngine m_engine;
    std::unique_ptr<FilesBrowser> m_browser;
};

QTEST_MAIN(TestFilesBrowser)
#include "tst_filesbrowser.moc"
