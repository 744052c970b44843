#pragma once

// ContainerModel: the containers of a ListContainers reply as rows, keyed by id.  A reply with
// the same containers in the same order only refreshes the cells, so selections survive the
// updates that every container event brings.

#include <QAbstractTableModel>
#include <QVariantMap>

namespace berth::gui {

class ContainerModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Image, State, Status, Created, ColumnCount };
    enum Role { SortRole = Qt::UserRole, IdRole, StateRole };

    explicit ContainerModel(QObject *parent = nullptr);

    void setContainers(const QVariantList &containers);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The badge colour of a state ("running", "exited", ...).
    static QColor stateColor(const QString &state);
    static QString stateText(const QString &state);

private:
    QString statusText(const QVariantMap &container) const;

    QList<QVariantMap> m_rows;
};

} // namespace berth::gui
