#pragma once

// EventsPage: the engine's events as they arrive, newest first, like `berth events`.

#include <QVariantMap>
#include <QWidget>

class QStandardItemModel;
class QTableView;

namespace berth::gui {

class EventsPage : public QWidget
{
    Q_OBJECT
public:
    explicit EventsPage(QWidget *parent = nullptr);

public Q_SLOTS:
    void addEvent(const QString &type, const QString &action, const QString &actor, const QVariantMap &attributes,
                  qlonglong timeNano);

private:
    QStandardItemModel *m_model;
    QTableView *m_view;
};

} // namespace berth::gui
