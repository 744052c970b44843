#pragma once

// JsonTree: a JSON document (docker inspect's, for a container or an image) as a tree of
// keys and values, objects and arrays folded, values selectable and copyable.

#include <QTreeView>

class QStandardItem;
class QStandardItemModel;

namespace berth::gui {

class JsonTree : public QTreeView
{
    Q_OBJECT
public:
    explicit JsonTree(QWidget *parent = nullptr);

    // Keeps which branches were open, by their path, when the same kind of document comes again.
    void setJson(const QByteArray &json);
    // The value at a path of keys and indexes, e.g. {"State", "Status"}; empty when absent.
    QString valueAt(const QStringList &path) const;
    // Opens the branch at a path of keys (and those above it).
    void expandPath(const QStringList &path);

private:
    QModelIndex indexAt(const QStringList &path) const;

    QStandardItemModel *m_model;
};

} // namespace berth::gui
