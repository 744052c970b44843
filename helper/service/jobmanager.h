#pragma once

// JobManager: puts Jobs on the bus and takes them off again.
//
//     auto path = m_jobs.add(std::make_unique<PullJob>(...), call);   // Result<QString>
//     if (!path) return path.error();                                  // LimitExceeded
//     return QVariantList{QVariant::fromValue(QDBusObjectPath(*path))};
//
// Each user may have a limited number of unfinished jobs, so one caller cannot starve the
// others.  A job whose owner leaves the bus is cancelled.  A finished job stays on the bus for
// a minute so a client that missed Finished can still read its status.

#include "gate.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace berth {

class Job;
class JobObject;

// The answer of a method that started a job: its object path, or why it could not start.
Reply jobReply(const Result<QString> &path);

class JobManager : public QObject
{
    Q_OBJECT
public:
    JobManager(QDBusConnection bus, Gate &gate, int maxJobsPerUser, QObject *parent = nullptr);

    Result<QString> add(std::unique_ptr<Job> job, const Call &call);
    void setMaxJobsPerUser(int max) { m_maxJobsPerUser = max; }

    // The owner's unique bus name of the job at `path`, if there is such a job.
    QString ownerOf(const QString &path) const;
    uint unfinishedJobs() const;

    void cancelJobsOf(const QString &caller);

private:
    int unfinishedJobsOf(uint uid) const;
    void retire(const QString &path);

    QDBusConnection m_bus;
    Gate &m_gate;
    int m_maxJobsPerUser;
    quint64 m_nextId = 1;
    QHash<QString, JobObject *> m_jobs; // path -> job
};

} // namespace berth
