#pragma once

// SettingsPage: the engine's facts and settings as it reports them (`berth info`).

#include <QHash>
#include <QWidget>

class QLabel;

namespace berth::gui {

class EngineConnection;

class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    explicit SettingsPage(EngineConnection &engine, QWidget *parent = nullptr);

private:
    void showInfo();

    EngineConnection &m_engine;
    QHash<QString, QLabel *> m_values; // Info key -> label showing it
};

} // namespace berth::gui
