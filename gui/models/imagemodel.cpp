#include "imagemodel.h"

#include <QDateTime>
#include <QLocale>

namespace berth::gui {
namespace {

// "host:5000/a/b:1" -> ("host:5000/a/b", "1")
std::pair<QString, QString> splitReference(const QString &reference)
{
    const qsizetype colon = reference.lastIndexOf(u':');
    if (reference.isEmpty() || colon < reference.lastIndexOf(u'/'))
        return {QStringLiteral("<none>"), QStringLiteral("<none>")};
    return {reference.left(colon), reference.mid(colon + 1)};
}

} // namespace

ImageModel::ImageModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

QList<ImageModel::Row> ImageModel::rowsOf(const QVariantList &images)
{
    QList<Row> rows;
    for (const QVariant &item : images) {
        const QVariantMap image = item.toMap();
        const QString id = image.value(QStringLiteral("Id")).toString();
        QStringList tags = image.value(QStringLiteral("RepoTags")).toStringList();
        if (tags.isEmpty())
            tags << QString();
        for (const QString &tag : tags)
            rows << Row{id + u'|' + tag, id, tag, image.value(QStringLiteral("Created")).toLongLong(),
                        image.value(QStringLiteral("Size")).toULongLong()};
    }
    return rows;
}

void ImageModel::setImages(const QVariantList &images)
{
    const QList<Row> fresh = rowsOf(images);
    QHash<QString, const Row *> freshByKey;
    for (const Row &row : fresh)
        freshByKey.insert(row.key, &row);
    // Removals from the bottom up, so earlier rows keep their numbers.
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (freshByKey.contains(m_rows[i].key))
            continue;
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
    }
    reindex();
    QList<Row> added;
    for (const Row &row : fresh) {
        const auto existing = m_rowOfKey.constFind(row.key);
        if (existing == m_rowOfKey.cend()) {
            added << row;
            continue;
        }
        m_rows[*existing] = row;
        Q_EMIT dataChanged(index(*existing, 0), index(*existing, ColumnCount - 1));
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
        m_rows.append(added);
        endInsertRows();
        reindex();
    }
}

void ImageModel::reindex()
{
    m_rowOfKey.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowOfKey.insert(m_rows[i].key, i);
}

int ImageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImageModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return display(row, index.column());
    case SortRole: return sortValue(row, index.column());
    case IdRole: return row.id;
    case ReferenceRole: return row.reference;
    case Qt::ToolTipRole: return index.column() == Id ? row.id : QVariant();
    default: return {};
    }
}

QVariant ImageModel::display(const Row &row, int column) const
{
    const auto [repository, tag] = splitReference(row.reference);
    switch (column) {
    case Repository: return repository;
    case Tag: return tag;
    case Id: return row.id.mid(7, 12);
    case Created: return QLocale().toString(QDateTime::fromSecsSinceEpoch(row.created), QLocale::ShortFormat);
    case Size: return QLocale().formattedDataSize(qint64(row.size), 2, QLocale::DataSizeSIFormat);
    default: return {};
    }
}

QVariant ImageModel::sortValue(const Row &row, int column) const
{
    switch (column) {
    case Created: return row.created;
    case Size: return row.size;
    default: return display(row, column);
    }
}

QVariant ImageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Repository: return tr("Repository");
    case Tag: return tr("Tag");
    case Id: return tr("Image ID");
    case Created: return tr("Created");
    case Size: return tr("Size");
    default: return {};
    }
}

} // namespace berth::gui
