#pragma once

// JobFollower: waits, without blocking, for an engine job to end (its Finished signal, or its
// status when it ended before we listened) and says how it ended; on the way it passes on the
// job's progress (its Progress signal: state, items with bytes done and total).  A job the app
// starts is followed with a title, which announces it to StartedJobs: the Jobs panel follows
// every job that way, with a cancel button, whoever started it.
//
//     auto *job = new JobFollower(path, tr("Pull %1").arg(name), this);
//     connect(job, &JobFollower::finished, this, [](bool ok, const QString &message, const QVariantMap &result) { ... });

#include <QObject>
#include <QVariantMap>

namespace berth::gui {

// The jobs the app started, as they start.
class StartedJobs : public QObject
{
    Q_OBJECT
public:
    static StartedJobs &instance();

Q_SIGNALS:
    void started(const QString &path, const QString &title);
};

class JobFollower : public QObject
{
    Q_OBJECT
public:
    // Follows the job and announces it under `title`.
    JobFollower(const QString &path, const QString &title, QObject *parent);
    // Follows the job without announcing it (the Jobs panel's own followers).
    JobFollower(const QString &path, QObject *parent);

    // Asks the engine to cancel the job; it then ends as cancelled.
    void cancel();
    // The job's state as last read: "running", "succeeded", "failed", "cancelled".
    const QString &state() const { return m_state; }

Q_SIGNALS:
    void progressed(const QVariantMap &status);
    void finished(bool ok, const QString &message, const QVariantMap &result);

private Q_SLOTS:
    void onProgress(const QVariantMap &status);
    void readStatus();
    void onFinished(bool success, const QString &errorName, const QString &message, const QVariantMap &result);

private:
    QString m_path;
    QString m_state;
    bool m_done = false;
};

} // namespace berth::gui
