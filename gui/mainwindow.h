#pragma once

// MainWindow: the sidebar of pages, the engine banner and the engine's status.

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace berth::gui {

class EngineConnection;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(EngineConnection &engine, QWidget *parent = nullptr);

private:
    void addPage(const QString &iconName, const QString &title, QWidget *page);
    void addJobsDock();
    QWidget *makeSidebarColumn();
    QWidget *makeBanner();
    void showEngineState();

    EngineConnection &m_engine;
    QListWidget *m_sidebar;
    QStackedWidget *m_pages;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QLabel *m_status;
};

} // namespace berth::gui
