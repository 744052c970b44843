#include "layergraph.h"

#include <QFontMetrics>
#include <QGraphicsRectItem>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QLocale>
#include <QPen>

#include <functional>

namespace berth::gui {
namespace {

constexpr double kNodeWidth = 220;
constexpr double kNodeHeight = 54;
constexpr double kColumnGap = 36;
constexpr double kRowGap = 34;
constexpr double kTagHeight = 22;

// A layer box that reports clicks.
class LayerItem : public QGraphicsRectItem
{
public:
    LayerItem(const QRectF &rect, QString chainId, std::function<void(const QString &)> clicked)
        : QGraphicsRectItem(rect)
        , m_chainId(std::move(chainId))
        , m_clicked(std::move(clicked))
    {
        setFlag(ItemIsSelectable);
        setCursor(Qt::PointingHandCursor);
        setToolTip(m_chainId);
    }

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override
    {
        QGraphicsRectItem::mousePressEvent(event);
        m_clicked(m_chainId);
    }

private:
    QString m_chainId;
    std::function<void(const QString &)> m_clicked;
};

// Leaves take consecutive slots in depth-first order; a parent sits above the middle of its
// children.  Depth-first order keeps the images of one base next to each other.
double placeSubtree(LayerGraph &graph, QHash<QString, int> &indexOf, int node, int depth, double &nextLeaf)
{
    LayerNode &n = graph.nodes[node];
    n.depth = depth;
    if (n.children.isEmpty()) {
        n.slot = nextLeaf;
        nextLeaf += 1;
        return n.slot;
    }
    double first = 0, last = 0;
    const QStringList children = n.children; // `n` may move while the subtrees are placed
    for (int i = 0; i < children.size(); ++i) {
        last = placeSubtree(graph, indexOf, indexOf.value(children[i]), depth + 1, nextLeaf);
        if (i == 0)
            first = last;
    }
    graph.nodes[node].slot = (first + last) / 2;
    return graph.nodes[node].slot;
}

QString shortId(const QString &digest)
{
    return digest.mid(7, 12);
}

} // namespace

LayerGraph LayerGraph::fromImages(const QVariantList &images)
{
    LayerGraph graph;
    QHash<QString, int> indexOf;
    for (const QVariant &item : images) {
        const QVariantMap image = item.toMap();
        const QVariantList layers = image.value(QStringLiteral("Layers")).toList();
        QString parent;
        for (const QVariant &layerItem : layers) {
            const QVariantMap layer = layerItem.toMap();
            const QString chainId = layer.value(QStringLiteral("ChainId")).toString();
            if (!indexOf.contains(chainId)) {
                indexOf.insert(chainId, int(graph.nodes.size()));
                graph.nodes.append({chainId, parent, layer.value(QStringLiteral("DiffId")).toString(),
                                    layer.value(QStringLiteral("Size")).toULongLong(),
                                    layer.value(QStringLiteral("CreatedBy")).toString()});
                if (!parent.isEmpty())
                    graph.nodes[indexOf.value(parent)].children << chainId;
            }
            parent = chainId;
        }
        if (parent.isEmpty())
            continue;
        QStringList names = image.value(QStringLiteral("RepoTags")).toStringList();
        if (names.isEmpty())
            names << image.value(QStringLiteral("Id")).toString().mid(7, 12);
        graph.nodes[indexOf.value(parent)].images << names;
        ++graph.imageCount;
    }
    double nextLeaf = 0;
    for (int i = 0; i < graph.nodes.size(); ++i)
        if (graph.nodes[i].parent.isEmpty())
            placeSubtree(graph, indexOf, i, 0, nextLeaf);
    return graph;
}

const LayerNode *LayerGraph::node(const QString &chainId) const
{
    for (const LayerNode &n : nodes)
        if (n.chainId == chainId)
            return &n;
    return nullptr;
}

LayerGraphView::LayerGraphView(QWidget *parent)
    : QGraphicsView(parent)
{
    setScene(new QGraphicsScene(this));
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
}

void LayerGraphView::setGraph(const LayerGraph &graph)
{
    m_graph = graph;
    draw();
}

void LayerGraphView::draw()
{
    scene()->clear();
    m_layerItems = 0;
    const QPalette pal = palette();
    const QFontMetrics metrics(font());
    auto positionOf = [](const LayerNode &n) {
        return QPointF(n.slot * (kNodeWidth + kColumnGap), n.depth * (kNodeHeight + kRowGap + kTagHeight));
    };
    for (const LayerNode &n : std::as_const(m_graph.nodes)) {
        const QPointF at = positionOf(n);
        if (const LayerNode *parent = m_graph.node(n.parent)) {
            const QPointF from = positionOf(*parent) + QPointF(kNodeWidth / 2, kNodeHeight);
            scene()->addLine(QLineF(from, at + QPointF(kNodeWidth / 2, 0)), QPen(pal.color(QPalette::Mid), 2));
        }
        auto *box = new LayerItem(QRectF(at, QSizeF(kNodeWidth, kNodeHeight)), n.chainId,
                                  [this](const QString &chainId) { Q_EMIT layerSelected(chainId); });
        box->setBrush(pal.color(QPalette::Base));
        box->setPen(
            QPen(n.children.size() > 1 || n.images.size() > 1 ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), 1.5));
        scene()->addItem(box);
        ++m_layerItems;
        const QString title
            = tr("%1 · %2").arg(shortId(n.diffId), QLocale().formattedDataSize(qint64(n.size), 1, QLocale::DataSizeSIFormat));
        auto *titleItem = scene()->addSimpleText(title);
        titleItem->setPos(at + QPointF(8, 6));
        auto *command = scene()->addSimpleText(metrics.elidedText(n.createdBy, Qt::ElideRight, int(kNodeWidth - 16)));
        command->setBrush(pal.color(QPalette::PlaceholderText));
        command->setPos(at + QPointF(8, 28));
        if (!n.images.isEmpty()) {
            auto *tags = scene()->addSimpleText(
                metrics.elidedText(n.images.join(QStringLiteral(", ")), Qt::ElideRight, int(kNodeWidth)));
            tags->setBrush(pal.color(QPalette::Highlight));
            tags->setPos(at + QPointF(0, kNodeHeight + 4));
        }
    }
    scene()->setSceneRect(scene()->itemsBoundingRect().adjusted(-16, -16, 16, 16));
}

} // namespace berth::gui
