#pragma once

// JobFollower: waits, without blocking, for an engine job to end (its Finished signal, or its
// status when it ended before we listened) and says how it ended.
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

Q_SIGNALS:
    void finished(bool ok, const QString &message, const QVariantMap &result);

private Q_SLOTS:
    void onFinished(bool success, const QString &errorName, const QString &message, const QVariantMap &result);

private:
    bool m_done = false;
};

} // namespace berth::gui
