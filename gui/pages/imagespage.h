#pragma once

// ImagesPage: the local images, live: the list follows the engine's image events.  Remove, tag
// and inspect work on the selected row.  The Layers tab draws the layer graph; clicking a
// layer lists the files it adds, changes and deletes.  Every call is asynchronous.

#include <QWidget>

class QDBusPendingCall;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTreeWidget;

namespace berth::gui {

class EngineConnection;
class ImageModel;
class LayerGraphView;

class ImagesPage : public QWidget
{
    Q_OBJECT
public:
    explicit ImagesPage(EngineConnection &engine, QWidget *parent = nullptr);

    ImageModel *model() const { return m_model; }

public Q_SLOTS:
    void refresh();

private:
    void removeSelected();
    void tagSelected();
    void inspectSelected();
    void pullImage(); // opens the Pull dialog
    void pushSelected(); // opens the Push dialog for the selected image's first name
    QModelIndex selectedRow() const;
    // Runs `call`; on success `done` gets the reply's arguments, on failure the message shows.
    void whenAnswered(const QDBusPendingCall &call, std::function<void(const QVariantList &)> done);
    void showMessage(const QString &text);
    void updateActions();
    QWidget *makeLayersTab();
    void showLayerChanges(const QString &chainId);

    EngineConnection &m_engine;
    ImageModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_view;
    QLabel *m_message;
    QLabel *m_empty;
    QPushButton *m_remove;
    QPushButton *m_tag;
    QPushButton *m_inspect;
    QPushButton *m_pull;
    QPushButton *m_push;
    LayerGraphView *m_graph;
    QTreeWidget *m_layerFiles;
    QLabel *m_layerSummary;
};

} // namespace berth::gui
