// The Images page's layer graph on a real X server (Xvfb) against a live isolated engine: two
// images made from the built-in busybox draw the busybox layer once, with both images' own
// layers below it, and the screenshot is kept (build/test-artifacts/images-layer-graph.png);
// clicking an image's own layer lists the files it added.

#include "engineconnection.h"
#include "guitest.h"
#include "isolatedengine.h"
#include "pages/imagespage.h"
#include "widgets/layergraph.h"

#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace berth::gui;
using namespace berth::test;

class TestImagesPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        BERTH_REQUIRE_ROOT();
        QVERIFY2(showOnEngine(m_engine, m_connection, m_page), qPrintable(m_engine.errorString()));
        m_page->resize(1100, 650);
    }

    void cleanupTestCase() { closeOnEngine(m_engine, m_connection, m_page); }

    void twoImagesShareTheBusyboxLayer()
    {
        for (const auto &[script, name] :
             {std::pair{QStringLiteral("mkdir /www && echo hello > /www/index.html"), QStringLiteral("web:1")},
              std::pair{QStringLiteral("echo built > /tool"), QStringLiteral("tool:2")}})
            QVERIFY2(m_engine.makeImage(QStringLiteral("busybox"), script, name), qPrintable(m_engine.errorString()));
        auto *graph = m_page->findChild<LayerGraphView *>(QStringLiteral("layerGraph"));
        QVERIFY(graph);
        m_page->findChild<QTabWidget *>()->setCurrentIndex(1); // Layers
        QTRY_COMPARE_WITH_TIMEOUT(graph->graph().imageCount, 3, 10000);
        // busybox's layer, and one of each image's own: three boxes, the first with two below it.
        QCOMPARE(graph->layerItemCount(), 3);
        const LayerNode &base = graph->graph().nodes.first();
        QVERIFY(base.parent.isEmpty());
        QVERIFY(base.images.contains(QStringLiteral("busybox:latest")));
        QCOMPARE(base.children.size(), 2);
        // The graph gets most of the tab's width, files the rest.
        QVERIFY(graph->width() > m_page->width() / 2);
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
        if (const QString dir = qEnvironmentVariable("BERTH_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(m_page->grab().save(dir + QStringLiteral("/images-layer-graph.png")));
        // web:1's own layer, clicked: the files it added.
        QString webLayer;
        for (const QString &child : base.children)
            if (graph->graph().node(child)->images.contains(QStringLiteral("web:1")))
                webLayer = child;
        QVERIFY(!webLayer.isEmpty());
        Q_EMIT graph->layerSelected(webLayer);
        auto *files = m_page->findChild<QTreeWidget *>(QStringLiteral("layerFiles"));
        QTRY_COMPARE_WITH_TIMEOUT(files->findItems(QStringLiteral("www/index.html"), Qt::MatchExactly, 1).size(), 1, 10000);
        QCOMPARE(files->findItems(QStringLiteral("www/index.html"), Qt::MatchExactly, 1).first()->text(0),
                 QStringLiteral("added"));
    }

private:
    IsolatedEngine m_engine;
    std::unique_ptr<EngineConnection> m_connection;
    std::unique_ptr<ImagesPage> m_page;
};

QTEST_MAIN(TestImagesPage)
#include "tst_imagespage.moc"
