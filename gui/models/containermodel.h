#pragma once

// ContainerModel: the containers of a ListContainers reply as rows, keyed by id.  A reply with
// the same containers in the same order only refreshes the cells, so selections survive the
// updates that every container event brings.  Running containers also carry their recent
// CPU and memory use (addStats), drawn as sparklines.

#include <QAbstractTableModel>
#include <QHash>
#include <QVariantMap>

namespace berth::gui {

class ContainerModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Image, State, Status, Ports, Cpu, Memory, Created, ColumnCount };
    enum Role { SortRole = Qt::UserRole, IdRole, StateRole, HistoryRole, LinksRole };
    static constexpr int kHistory = 30; // samples kept for a sparkline

    explicit ContainerModel(QObject *parent = nullptr);

    void setContainers(const QVariantList &containers);
    // A ContainerStats sample of the container with this id.
    void addStats(const QString &id, const QVariantMap &sample);
    QStringList runningIds() const;
    // The status column says how long ago ("Up 5 minutes"): redrawn when time has passed.
    void timePassed();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The badge colour of a state ("running", "exited", ...).
    static QColor stateColor(const QString &state);
    static QString stateText(const QString &state);
    // The addresses a browser can open for published TCP ports: "http://127.0.0.1:8080" for
    // "0.0.0.0:8080->80/tcp" (the loopback stands in for every address).
    static QStringList portLinks(const QStringList &ports);

private:
    QString statusText(const QVariantMap &container) const;

    struct Usage
    {
        QVariantMap previous;
        QList<double> cpu; // percent of one CPU, as docker stats shows it
        QList<double> memory; // bytes
    };

    QList<QVariantMap> m_rows;
    QHash<QString, Usage> m_usage;
};

} // namespace berth::gui
