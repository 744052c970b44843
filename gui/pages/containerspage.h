#pragma once

// ContainersPage: every container, live (the list follows the engine's container events),
// with its state as a coloured badge.  Run starts a new one; Start, Stop, Restart, Pause,
// Resume, Kill and Remove act on all selected rows, from the toolbar or the context menu.
// Below the list, the selected container's ContainerDetail.  Every call is asynchronous.

#include <QWidget>

class QAction;
class QComboBox;
class QDBusPendingCall;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace berth::gui {

class ContainerDetail;
class ContainerFilter;
class ContainerModel;
class EngineConnection;

class ContainersPage : public QWidget
{
    Q_OBJECT
public:
    explicit ContainersPage(EngineConnection &engine, QWidget *parent = nullptr);

    ContainerModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    ContainerDetail *detail() const { return m_detail; }

public Q_SLOTS:
    void refresh();
    void runContainer();

private:
    QAction *addAction(const QString &text, const char *objectName, const QString &method, const QStringList &states);
    void actOnSelected(const QString &method);
    QStringList selectedIds() const;
    void updateActions();
    void showSelected();
    void sampleUsage();
    void showMessage(const QString &text);
    void call(const QString &method, const QVariantList &args, std::function<void(const QVariantList &)> done = {});

    EngineConnection &m_engine;
    ContainerModel *m_model;
    ContainerFilter *m_filtered; // by the search text and the state filter
    QTableView *m_view;
    QLineEdit *m_search;
    QComboBox *m_stateFilter;
    QLabel *m_message;
    QLabel *m_empty;
    ContainerDetail *m_detail;
    QTimer *m_sampler;
    QList<std::pair<QAction *, QStringList>> m_actions; // and the states each applies to
};

} // namespace berth::gui
