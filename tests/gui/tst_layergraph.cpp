// The layer graph's layout: shared layers are drawn once, images that share a base sit beside
// each other under it.

#include "widgets/layergraph.h"

#include <QTest>

using namespace berth::gui;

namespace {

QVariantMap layer(QChar c, quint64 size, const QString &createdBy)
{
    const QString digest = QStringLiteral("sha256:") + QString(64, c);
    return {{QStringLiteral("ChainId"), digest},
            {QStringLiteral("DiffId"), digest},
            {QStringLiteral("Size"), size},
            {QStringLiteral("CreatedBy"), createdBy}};
}

QVariantMap image(const QString &tag, const QVariantList &layers)
{
    return {{QStringLiteral("Id"), QStringLiteral("sha256:") + QString(64, u'f')},
            {QStringLiteral("RepoTags"), QStringList{tag}},
            {QStringLiteral("Layers"), layers}};
}

QVariantList twoImagesOnBusybox()
{
    const QVariantMap base
        = layer(u'a', 1982358, QStringLiteral("berth: BusyBox v1.35.0 from the host's busybox-static package"));
    return {image(QStringLiteral("busybox:latest"), {base}),
            image(QStringLiteral("web:1"), {base, layer(u'b', 5120, QStringLiteral("COPY index.html /www/"))}),
            image(QStringLiteral("tool:2"), {base, layer(u'c', 40960, QStringLiteral("RUN make install"))}),
            image(QStringLiteral("other:1"), {layer(u'd', 100, QStringLiteral("FROM scratch"))})};
}

} // namespace

class TestLayerGraph : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sharedLayerIsOneNode()
    {
        const LayerGraph graph = LayerGraph::fromImages(twoImagesOnBusybox());
        QCOMPARE(graph.imageCount, 4);
        QCOMPARE(graph.nodes.size(), 4); // a (shared), b, c, d
        const LayerNode *base = graph.node(QStringLiteral("sha256:") + QString(64, u'a'));
        QVERIFY(base);
        QCOMPARE(base->children.size(), 2);
        QCOMPARE(base->images, QStringList{QStringLiteral("busybox:latest")});
        QCOMPARE(base->depth, 0);
    }

    void childrenSitUnderTheirBase()
    {
        const LayerGraph graph = LayerGraph::fromImages(twoImagesOnBusybox());
        const LayerNode *base = graph.node(QStringLiteral("sha256:") + QString(64, u'a'));
        const LayerNode *web = graph.node(QStringLiteral("sha256:") + QString(64, u'b'));
        const LayerNode *tool = graph.node(QStringLiteral("sha256:") + QString(64, u'c'));
        const LayerNode *other = graph.node(QStringLiteral("sha256:") + QString(64, u'd'));
        QCOMPARE(web->depth, 1);
        QCOMPARE(tool->depth, 1);
        QCOMPARE(base->slot, (web->slot + tool->slot) / 2);
        QCOMPARE(qAbs(web->slot - tool->slot), 1.0); // side by side
        QVERIFY(other->slot > std::max(web->slot, tool->slot));
    }

    void viewDrawsEachLayerOnce()
    {
        LayerGraphView view;
        view.resize(1000, 500);
        view.setGraph(LayerGraph::fromImages(twoImagesOnBusybox()));
        QCOMPARE(view.layerItemCount(), 4);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        if (const QString dir = qEnvironmentVariable("BERTH_SCREENSHOTS"); !dir.isEmpty())
            QVERIFY(view.grab().save(dir + QStringLiteral("/layer-graph.png")));
    }

    void emptyListDrawsNothing()
    {
        LayerGraphView view;
        view.setGraph(LayerGraph::fromImages({}));
        QCOMPARE(view.layerItemCount(), 0);
    }
};

QTEST_MAIN(TestLayerGraph)
#include "tst_layergraph.moc"
