#pragma once

// JobObject: one Job on the bus at /org/berth/Engine1/jobs/<n>, behind the generated
// org.berth.Engine1.Job adaptor.  Progress and Finished go to the job's owner only.

#include "gate.h"

#include <QElapsedTimer>
#include <QTimer>

namespace berth {

class Job;

class JobObject : public GatedObject
{
    Q_OBJECT
public:
    JobObject(Gate &gate, QDBusConnection bus, Job *job, QString owner, QString path, QObject *parent = nullptr);

    Job *job() const { return m_job; }
    const QString &owner() const { return m_owner; }
    const QString &path() const { return m_path; }

public Q_SLOTS: // called by the generated adaptor
    void Cancel(const QVariantMap &options);
    QVariantMap GetStatus(const QVariantMap &options);

private:
    void sendProgress();
    void sendFinished();
    void sendToOwner(const QString &member, const QVariantList &args);

    QDBusConnection m_bus;
    Job *m_job;
    QString m_owner;
    QString m_path;
    QTimer m_progressThrottle;
};

} // namespace berth
