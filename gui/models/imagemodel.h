#pragma once

// ImageModel: the local images as rows, one per tag as `docker images` shows them (an image
// without tags is one "<none>" row).  Fed by ListImages replies; rows are keyed by
// "id|reference" with an index from key to row, and updates change only what changed.

#include <QAbstractTableModel>
#include <QHash>
#include <QVariantMap>

namespace berth::gui {

class ImageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Repository, Tag, Id, Created, Size, ColumnCount };
    enum Role { SortRole = Qt::UserRole, IdRole, ReferenceRole };

    explicit ImageModel(QObject *parent = nullptr);

    // Replaces the rows with the images of a ListImages reply.
    void setImages(const QVariantList &images);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        QString key;
        QString id;
        QString reference; // familiar "name:tag", or empty for an untagged image
        qint64 created = 0;
        quint64 size = 0;
    };
    static QList<Row> rowsOf(const QVariantList &images);
    QVariant display(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;
    void reindex();

    QList<Row> m_rows;
    QHash<QString, int> m_rowOfKey;
};

} // namespace berth::gui
