#pragma once

// NetworksPage: the engine's networks, live (it follows network and container events): name,
// driver, range, gateway, whether internal, and how many containers are on it; Create makes a
// bridge network (name, range, gateway, internal), Remove deletes the selected one, and the
// pane below shows the selected network as `network inspect` does, its containers first.
// Every call is asynchronous.

#include <QDialog>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace berth::gui {

class EngineConnection;
class JsonTree;

class NetworkDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NetworkDialog(QWidget *parent = nullptr);
    QString name() const;
    // CreateNetwork's options.
    QVariantMap options() const;

private:
    QLineEdit *m_name;
    QLineEdit *m_subnet;
    QLineEdit *m_gateway;
    QCheckBox *m_internal;
};

class NetworksPage : public QWidget
{
    Q_OBJECT
public:
    explicit NetworksPage(EngineConnection &engine, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }

public Q_SLOTS:
    void refresh();
    void createNetwork();
    void removeSelected();

private:
    void showSelected();
    void showMessage(const QString &text);

    EngineConnection &m_engine;
    QTreeWidget *m_list;
    JsonTree *m_detail;
    QPushButton *m_remove;
    QLabel *m_message;
};

} // namespace berth::gui
