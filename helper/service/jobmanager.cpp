#include "jobmanager.h"

#include "engine.h"
#include "jobobject.h"
#include "jobs/job.h"

#include <QDBusObjectPath>
#include <QTimer>

namespace berth {

Reply jobReply(const Result<QString> &path)
{
    if (!path)
        return path.error();
    return QVariantList{QVariant::fromValue(QDBusObjectPath(*path))};
}

namespace {
constexpr int kKeepFinishedMs = 60 * 1000;
} // namespace

JobManager::JobManager(QDBusConnection bus, Gate &gate, int maxJobsPerUser, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
    , m_gate(gate)
    , m_maxJobsPerUser(maxJobsPerUser)
{ }

Result<QString> JobManager::add(std::unique_ptr<Job> job, const Call &call)
{
    if (unfinishedJobsOf(call.uid) >= m_maxJobsPerUser)
        return Error::limitExceeded(QStringLiteral("user %1 already has %2 unfinished jobs, the limit "
                                                   "(setting \"max-concurrent-jobs-per-user\"); wait for one to finish")
                                        .arg(call.uid)
                                        .arg(m_maxJobsPerUser));
    const QString path = engine::kJobsPath + u'/' + QString::number(m_nextId++);
    auto *object = new JobObject(m_gate, m_bus, job.release(), call.caller(), path, this);
    if (!m_bus.registerObject(path, object)) {
        delete object;
        return Error::internal(QStringLiteral("cannot export job object %1").arg(path));
    }
    m_jobs.insert(path, object);
    connect(object->job(), &Job::finished, this,
            [this, path] { QTimer::singleShot(kKeepFinishedMs, this, [this, path] { retire(path); }); });
    // Start once the caller has its reply with the path, so it cannot miss the first signals.
    QTimer::singleShot(0, object->job(), &Job::start);
    return path;
}

QString JobManager::ownerOf(const QString &path) const
{
    const JobObject *object = m_jobs.value(path);
    return object ? object->owner() : QString();
}

uint JobManager::unfinishedJobs() const
{
    return uint(std::count_if(m_jobs.cbegin(), m_jobs.cend(), [](const JobObject *o) { return !o->job()->isFinished(); }));
}

void JobManager::cancelJobsOf(const QString &caller)
{
    for (JobObject *object : std::as_const(m_jobs))
        if (object->owner() == caller && !object->job()->isFinished())
            (void)object->job()->cancel();
}

int JobManager::unfinishedJobsOf(uint uid) const
{
    return int(std::count_if(m_jobs.cbegin(), m_jobs.cend(),
                             [uid](const JobObject *o) { return o->job()->ownerUid() == uid && !o->job()->isFinished(); }));
}

void JobManager::retire(const QString &path)
{
    if (JobObject *object = m_jobs.take(path)) {
        m_bus.unregisterObject(path);
        object->deleteLater();
    }
}

} // namespace berth
