#pragma once

// VolumesPage: the engine's volumes, live (it follows container events, since containers make
// and remove volumes): name, whether anonymous, the containers that use it, where it lives;
// Create makes a named volume, Remove deletes the selected one (refused while used, the
// engine's message shown), Prune removes every unused anonymous one.  Every call is
// asynchronous.

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace berth::gui {

class EngineConnection;

class VolumesPage : public QWidget
{
    Q_OBJECT
public:
    explicit VolumesPage(EngineConnection &engine, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }

public Q_SLOTS:
    void refresh();
    void createVolume();
    void removeSelected();
    void prune();

private:
    void call(const QString &method, const QVariantList &args);
    void showMessage(const QString &text);

    EngineConnection &m_engine;
    QTreeWidget *m_list;
    QPushButton *m_remove;
    QLabel *m_message;
};

} // namespace berth::gui
