#pragma once

// The layer graph: every local image drawn as a path through its layers, a layer that several
// images share drawn once.  Layers are keyed by chain ID, which names a layer together with
// everything below it, so the graph is a forest: bases at the top, each image's top layer at
// the end of its path, images that share a base side by side.
//
//     LayerGraph graph = LayerGraph::fromImages(listImagesReply);   // pure layout, testable
//     view->setGraph(graph);                                        // LayerGraphView draws it

#include <QGraphicsView>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QVariantList>

namespace berth::gui {

struct LayerNode
{
    QString chainId;
    QString parent; // empty for a base layer
    QString diffId;
    quint64 size = 0;
    QString createdBy;
    QStringList images = {}; // names of the images whose top layer this is
    QStringList children = {};
    int depth = 0;
    double slot = 0; // horizontal position in node widths
};

struct LayerGraph
{
    QList<LayerNode> nodes; // parents before children
    int imageCount = 0;

    static LayerGraph fromImages(const QVariantList &images);
    const LayerNode *node(const QString &chainId) const;
};

class LayerGraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit LayerGraphView(QWidget *parent = nullptr);

    void setGraph(const LayerGraph &graph);
    const LayerGraph &graph() const { return m_graph; }
    // The number of layer boxes drawn (tests check that shared layers are drawn once).
    int layerItemCount() const { return m_layerItems; }

Q_SIGNALS:
    void layerSelected(const QString &chainId);

private:
    void draw();

    LayerGraph m_graph;
    int m_layerItems = 0;
};

} // namespace berth::gui
