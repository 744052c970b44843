#pragma once

// ContainerDetail: everything about one container, in tabs: Logs (followed, searchable, with
// timestamps on request, savable), Overview (what it runs and with which limits, and a state
// diagram), Terminal (a shell exec'd into it, on a TerminalWidget), Stats (charts), Processes
// (docker top), Files (FilesBrowser) and Inspect (the JSON as a tree).  Samples and process lists are asked for only
// while their tab shows; every call is asynchronous.

#include <QPointer>
#include <QTabWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;
class QTimer;

namespace berth::gui {

class ExecSession;
class FilesBrowser;
class JsonTree;
class LogStream;
class StateDiagram;
class StatsCharts;
class TerminalWidget;

class ContainerDetail : public QTabWidget
{
    Q_OBJECT
public:
    explicit ContainerDetail(QWidget *parent = nullptr);
    ~ContainerDetail() override;

    // The container to show (empty: none) and its state as the list knows it; called again
    // whenever either changes.
    void showContainer(const QString &id, const QString &state);
    const QString &container() const { return m_id; }

    // Writes the container's whole log to `path` (the view keeps only its last lines), read
    // anew from the engine, with timestamps if shown; logsSaved or problem tells the end.
    void saveLogs(const QString &path);

public Q_SLOTS:
    void openShell();
    void closeShell();

Q_SIGNALS:
    void problem(const QString &message);
    void logsSaved(const QString &path);

private:
    QWidget *makeLogsTab();
    QWidget *makeOverviewTab();
    QWidget *makeTerminalTab();
    QWidget *makeProcessesTab();
    void followLogs();
    void findInLogs(bool backwards);
    void refreshInspect();
    void showOverview(const QByteArray &inspectJson);
    void sample();
    void onTabChanged();
    bool isRunning() const;

    QString m_id;
    QString m_state;
    // Logs
    QPlainTextEdit *m_logs;
    QLineEdit *m_logSearch;
    QCheckBox *m_timestamps;
    QCheckBox *m_follow;
    QPointer<LogStream> m_logStream;
    // Overview
    StateDiagram *m_diagram;
    QLabel *m_facts;
    // Terminal
    TerminalWidget *m_terminal;
    QComboBox *m_shell;
    QPushButton *m_shellButton;
    QLabel *m_terminalStatus;
    QPointer<ExecSession> m_session;
    // Stats, Processes, Inspect
    StatsCharts *m_stats;
    QTableWidget *m_processes;
    FilesBrowser *m_files;
    JsonTree *m_inspect;
    QTimer *m_sampler;
};

} // namespace berth::gui
