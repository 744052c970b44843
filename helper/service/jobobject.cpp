#include "jobobject.h"

#include "engine.h"
#include "jobadaptor.h"
#include "jobs/job.h"
#include "system/memorytrim.h"

namespace berth {
namespace {
// Progress signals at most five times a second: enough for a smooth bar, cheap for the bus.
constexpr int kProgressIntervalMs = 200;
} // namespace

JobObject::JobObject(Gate &gate, QDBusConnection bus, Job *job, QString owner, QString path, QObject *parent)
    : GatedObject(gate, parent)
    , m_bus(std::move(bus))
    , m_job(job)
    , m_owner(std::move(owner))
    , m_path(std::move(path))
{
    new JobAdaptor(this);
    m_job->setParent(this);
    m_progressThrottle.setSingleShot(true);
    m_progressThrottle.setInterval(kProgressIntervalMs);
    connect(&m_progressThrottle, &QTimer::timeout, this, &JobObject::sendProgress);
    connect(m_job, &Job::progressed, this, [this] {
        if (!m_progressThrottle.isActive())
            m_progressThrottle.start();
    });
    connect(m_job, &Job::finished, this, &JobObject::sendFinished);
}

void JobObject::Cancel(const QVariantMap &)
{
    admit([this](const Call &) -> Reply {
        if (auto cancelled = m_job->cancel(); !cancelled)
            return cancelled.error();
        return QVariantList{};
    });
}

QVariantMap JobObject::GetStatus(const QVariantMap &)
{
    admit([this](const Call &) -> Reply { return QVariantList{m_job->status()}; });
    return {};
}

void JobObject::sendProgress()
{
    if (!m_job->isFinished())
        sendToOwner(QStringLiteral("Progress"), {m_job->status()});
}

void JobObject::sendFinished()
{
    m_progressThrottle.stop();
    trimMemoryWhenQuiet();
    const auto &error = m_job->error();
    sendToOwner(QStringLiteral("Finished"),
                {!error.has_value(), error ? error->name() : QString(), error ? error->message() : QString(), m_job->result()});
}

void JobObject::sendToOwner(const QString &member, const QVariantList &args)
{
    QDBusMessage signal = QDBusMessage::createTargetedSignal(m_owner, m_path, engine::kJobInterface, member);
    signal.setArguments(args);
    m_bus.send(signal);
}

} // namespace berth
