#include "jsontree.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStandardItemModel>
#include <functional>

namespace berth::gui {
namespace {

QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::String: return value.toString();
    case QJsonValue::Array: return QStringLiteral("[%1]").arg(value.toArray().size());
    case QJsonValue::Object: return QStringLiteral("{%1}").arg(value.toObject().size());
    case QJsonValue::Undefined: break;
    }
    return {};
}

void addValue(QStandardItem *parent, const QString &key, const QJsonValue &value)
{
    auto *keyItem = new QStandardItem(key);
    auto *valueItem = new QStandardItem(scalarText(value));
    keyItem->setEditable(false);
    valueItem->setEditable(false);
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            addValue(keyItem, it.key(), it.value());
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            addValue(keyItem, QString::number(i), array.at(i));
    }
    parent->appendRow({keyItem, valueItem});
}

QString pathOf(const QModelIndex &index)
{
    return index.isValid() ? pathOf(index.parent()) + u'/' + index.siblingAtColumn(0).data().toString() : QString();
}

} // namespace

JsonTree::JsonTree(QWidget *parent)
    : QTreeView(parent)
    , m_model(new QStandardItemModel(this))
{
    m_model->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    setModel(m_model);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(true);
}

void JsonTree::setJson(const QByteArray &json)
{
    QSet<QString> expanded;
    for (QModelIndex index = m_model->index(0, 0); index.isValid(); index = indexBelow(index))
        if (isExpanded(index))
            expanded.insert(pathOf(index));
    m_model->removeRows(0, m_model->rowCount());
    const QJsonDocument document = QJsonDocument::fromJson(json);
    const QJsonValue root = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    if (root.isObject()) {
        const QJsonObject object = root.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            addValue(m_model->invisibleRootItem(), it.key(), it.value());
    } else {
        const QJsonArray array = root.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            addValue(m_model->invisibleRootItem(), QString::number(i), array.at(i));
    }
    std::function<void(const QModelIndex &)> reopen = [&](const QModelIndex &parent) {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex index = m_model->index(row, 0, parent);
            if (expanded.contains(pathOf(index))) {
                expand(index);
                reopen(index);
            }
        }
    };
    reopen({});
}

QModelIndex JsonTree::indexAt(const QStringList &path) const
{
    QModelIndex found;
    for (const QString &key : path) {
        const QModelIndex parent = found;
        found = {};
        for (int row = 0; row < m_model->rowCount(parent); ++row)
            if (m_model->index(row, 0, parent).data().toString() == key)
                found = m_model->index(row, 0, parent);
        if (!found.isValid())
            return {};
    }
    return found;
}

QString JsonTree::valueAt(const QStringList &path) const
{
    const QModelIndex found = indexAt(path);
    return found.isValid() ? found.siblingAtColumn(1).data().toString() : QString();
}

void JsonTree::expandPath(const QStringList &path)
{
    for (qsizetype depth = 1; depth <= path.size(); ++depth)
        if (const QModelIndex index = indexAt(path.first(depth)); index.isValid())
            expand(index);
}

} // namespace berth::gui
