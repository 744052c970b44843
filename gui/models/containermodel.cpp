#include "containermodel.h"

#include "container/stats.h"
#include "container/units.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace berth::gui {
namespace {

QString id(const QVariantMap &row)
{
    return row.value(QStringLiteral("Id")).toString();
}

QDateTime timeOf(const QVariantMap &row, const QString &key)
{
    return QDateTime::fromString(row.value(key).toString(), Qt::ISODateWithMs).toLocalTime();
}

} // namespace

ContainerModel::ContainerModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ContainerModel::setContainers(const QVariantList &containers)
{
    QList<QVariantMap> rows;
    for (const QVariant &container : containers)
        rows << container.toMap();
    const bool sameRows = rows.size() == m_rows.size()
        && std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(),
                      [](const QVariantMap &a, const QVariantMap &b) { return id(a) == id(b); });
    if (sameRows) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
    QSet<QString> kept;
    for (const QVariantMap &row : std::as_const(m_rows))
        kept.insert(id(row));
    m_usage.removeIf([&](const auto &usage) { return !kept.contains(usage.key()); });
}

QStringList ContainerModel::runningIds() const
{
    QStringList ids;
    for (const QVariantMap &row : m_rows)
        if (row.value(QStringLiteral("State")).toString() == u"running")
            ids << id(row);
    return ids;
}

void ContainerModel::addStats(const QString &containerId, const QVariantMap &sample)
{
    const auto row = std::find_if(m_rows.cbegin(), m_rows.cend(), [&](const QVariantMap &r) { return id(r) == containerId; });
    if (row == m_rows.cend())
        return;
    Usage &usage = m_usage[containerId];
    auto keep = [](QList<double> &history, double value) {
        history.append(value);
        if (history.size() > kHistory)
            history.removeFirst();
    };
    if (!usage.previous.isEmpty()) {
        keep(usage.cpu, cpuPercent(usage.previous, sample));
    }
    keep(usage.memory, sample.value(QStringLiteral("MemoryUsage")).toDouble());
    usage.previous = sample;
    const int r = int(row - m_rows.cbegin());
    Q_EMIT dataChanged(index(r, Cpu), index(r, Memory));
}

void ContainerModel::timePassed()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Status), index(int(m_rows.size()) - 1, Status), {Qt::DisplayRole});
}

int ContainerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ContainerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QColor ContainerModel::stateColor(const QString &state)
{
    if (state == u"running")
        return QColor(0x2e, 0x9d, 0x4f);
    if (state == u"paused")
        return QColor(0xd9, 0x8e, 0x04);
    if (state == u"restarting")
        return QColor(0x2f, 0x6f, 0xd6);
    if (state == u"dead")
        return QColor(0xc6, 0x28, 0x28);
    return QColor(0x80, 0x80, 0x80); // created, exited, removing
}

QStringList ContainerModel::portLinks(const QStringList &ports)
{
    static const QRegularExpression published(QStringLiteral("^(.*):(\\d+)->\\d+/tcp$"));
    QStringList links;
    for (const QString &port : ports) {
        const QRegularExpressionMatch match = published.match(port);
        if (!match.hasMatch())
            continue;
        const QString host = match.captured(1) == u"0.0.0.0" ? QStringLiteral("127.0.0.1") : match.captured(1);
        links << QStringLiteral("http://%1:%2").arg(host, match.captured(2));
    }
    return links;
}

QString ContainerModel::stateText(const QString &state)
{
    if (state == u"running")
        return tr("Running");
    if (state == u"paused")
        return tr("Paused");
    if (state == u"restarting")
        return tr("Restarting");
    if (state == u"exited")
        return tr("Exited");
    if (state == u"removing")
        return tr("Removing");
    if (state == u"dead")
        return tr("Dead");
    return tr("Created", "container state");
}

// docker ps' words: "Up 5 minutes", "Exited (0) 2 hours ago".
QString ContainerModel::statusText(const QVariantMap &row) const
{
    const QString state = row.value(QStringLiteral("State")).toString();
    const QDateTime now = QDateTime::currentDateTime();
    if (state == u"running" || state == u"paused")
        return tr("Up %1").arg(humanDuration(timeOf(row, QStringLiteral("StartedAt")).secsTo(now)));
    if (state == u"exited" || state == u"restarting")
        //: %1 is the exit code, %2 a span of time such as "3 minutes"
        return tr("Exited (%1) %2 ago")
            .arg(row.value(QStringLiteral("ExitCode")).toInt())
            .arg(humanDuration(timeOf(row, QStringLiteral("FinishedAt")).secsTo(now)));
    return {};
}

QVariant ContainerModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QVariantMap &row = m_rows.at(index.row());
    const QString state = row.value(QStringLiteral("State")).toString();
    if (role == IdRole)
        return id(row);
    if (role == StateRole)
        return state;
    if (role == LinksRole)
        return portLinks(row.value(QStringLiteral("Ports")).toStringList());
    if (role == HistoryRole) {
        const Usage usage = state == u"running" ? m_usage.value(id(row)) : Usage();
        return QVariant::fromValue(index.column() == Cpu ? usage.cpu : usage.memory);
    }
    if (role == SortRole && index.column() == Created)
        return row.value(QStringLiteral("Created")).toLongLong();
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name: return row.value(QStringLiteral("Names")).toStringList().value(0).mid(1);
    case Image: return row.value(QStringLiteral("Image"));
    case State: return stateText(state);
    case Status: return role == Qt::ToolTipRole ? row.value(QStringLiteral("Command")).toString() : statusText(row);
    case Ports: return row.value(QStringLiteral("Ports")).toStringList().join(QStringLiteral(", "));
    case Cpu:
    case Memory: {
        const Usage usage = state == u"running" ? m_usage.value(id(row)) : Usage();
        const QList<double> &history = index.column() == Cpu ? usage.cpu : usage.memory;
        if (role == SortRole)
            return history.isEmpty() ? 0.0 : history.last();
        if (history.isEmpty())
            return {};
        return index.column() == Cpu ? QStringLiteral("%1%").arg(history.last(), 0, 'f', 1)
                                     : QLocale().formattedDataSize(qint64(history.last()));
    }
    case Created:
        return QLocale().toString(QDateTime::fromSecsSinceEpoch(row.value(QStringLiteral("Created")).toLongLong()),
                                  QLocale::ShortFormat);
    }
    return {};
}

QVariant ContainerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Image: return tr("Image");
    case State: return tr("State");
    case Status: return tr("Status");
    case Ports: return tr("Ports");
    case Cpu: return tr("CPU");
    case Memory: return tr("Memory");
    case Created: return tr("Created");
    }
    return {};
}

} // namespace berth::gui
