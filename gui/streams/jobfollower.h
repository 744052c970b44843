#pragma once

// JobFollower: waits, without blocking, for an engine job to end (its Finished signal, or its
// status when it ended before we listened) and says how it ended; on the way it passes on the
// job's progress (its Progress signal: state, items with bytes done and total).
//
//     auto *job = new JobFollower(path, this);
//     connect(job, &JobFollower::finished, this, [](bool ok, const QString &message, const QVariantMap &result) { ... });

#include <QObject>
#include <QVariantMap>

namespace berth::gui {

class JobFollower : public QObject
{
    Q_OBJECT
public:
    JobFollower(const QString &path, QObject *parent);

    // Asks the engine to cancel the job; it then ends as cancelled.
    void cancel();

Q_SIGNALS:
    void progressed(const QVariantMap &status);
    void finished(bool ok, const QString &message, const QVariantMap &result);

private Q_SLOTS:
    void onProgress(const QVariantMap &status);
    void readStatus();
    void onFinished(bool success, const QString &errorName, const QString &message, const QVariantMap &result);

private:
    QString m_path;
    bool m_done = false;
};

} // namespace berth::gui
