#pragma once

// JobsPanel: the jobs the app started (pulls, pushes, copies, commits, exports), a row each with
// its title, state, a progress bar and, while it runs, a Cancel button.  It follows every job
// itself (StartedJobs announces them), so a job whose dialog was closed is still shown and can
// still be cancelled.  Finished rows stay until cleared.

#include <QHash>
#include <QWidget>

class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace berth::gui {

class JobFollower;

class JobsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit JobsPanel(QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    int running() const { return int(m_running.size()); }

Q_SIGNALS:
    void runningChanged(int count);
    void jobStarted();

private:
    void add(const QString &path, const QString &title);
    void showProgress(QTreeWidgetItem *row, const QVariantMap &status);
    void finish(QTreeWidgetItem *row, JobFollower *job, bool ok, const QString &message);
    void clearFinished();

    QTreeWidget *m_list;
    QPushButton *m_clear;
    QHash<QTreeWidgetItem *, JobFollower *> m_running;
};

} // namespace berth::gui
