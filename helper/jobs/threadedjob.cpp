#include "threadedjob.h"

#include <QMetaObject>
#include <QPointer>

#include <algorithm>

namespace berth {

namespace {
// Progress is for people: twenty reports a second are plenty, and each one wakes the engine's
// thread (a copy of small files reported once a file, which cost the helper a fifth of its time).
constexpr int kReportPauseMs = 50;
} // namespace

ThreadedJob::ThreadedJob(QString operation, uint ownerUid)
    : Job(std::move(operation), ownerUid, true)
{
    m_reportPause.setSingleShot(true);
    m_reportPause.setInterval(kReportPauseMs);
    connect(&m_reportPause, &QTimer::timeout, this, [this] {
        m_reportsPosted = false; // before taking them: a report from now on posts again
        if (deliverReports() && !m_reportsPosted.exchange(true))
            m_reportPause.start(); // reports keep coming: keep to the pace
    });
}

ThreadedJob::~ThreadedJob()
{
    m_cancelled = true;
    joinWorker();
}

void ThreadedJob::joinWorker()
{
    if (m_worker.joinable())
        m_worker.join();
}

void ThreadedJob::run()
{
    QPointer<ThreadedJob> self(this);
    m_worker = std::thread([this, self] {
        const Result<QVariantMap> outcome = work();
        QMetaObject::invokeMethod(
            self,
            [self, outcome] {
                if (!self)
                    return;
                self->m_reportPause.stop();
                self->deliverReports(); // the last progress before the outcome
                self->joinWorker();
                self->completed(outcome);
            },
            Qt::QueuedConnection);
    });
}

void ThreadedJob::onCancel()
{
    m_cancelled = true; // work() notices at its next step and returns Cancelled
}

void ThreadedJob::completed(const Result<QVariantMap> &outcome)
{
    if (outcome)
        succeed(*outcome);
    else
        fail(outcome.error());
}

void ThreadedJob::reportProgress(qint64 done, qint64 total)
{
    {
        const std::lock_guard lock(m_reportsMutex);
        m_reports.progress = std::pair{done, total};
    }
    postReports();
}

void ThreadedJob::reportItem(const Item &item)
{
    {
        const std::lock_guard lock(m_reportsMutex);
        // Bytes of one state are coalesced; each change of state is kept, in order (a client
        // not on a terminal prints a line for each, as docker does).
        auto same
            = std::find_if(m_reports.items.rbegin(), m_reports.items.rend(), [&](const Item &i) { return i.id == item.id; });
        if (same != m_reports.items.rend() && same->state == item.state)
            *same = item;
        else
            m_reports.items << item;
    }
    postReports();
}

void ThreadedJob::postReports()
{
    if (m_reportsPosted.exchange(true))
        return; // the one on its way, or the pause after the last one, carries this report too
    QMetaObject::invokeMethod(
        this,
        [this] {
            deliverReports();
            m_reportPause.start();
        },
        Qt::QueuedConnection);
}

bool ThreadedJob::deliverReports()
{
    Reports reports;
    {
        const std::lock_guard lock(m_reportsMutex);
        std::swap(reports, m_reports);
    }
    if (reports.progress)
        setProgress(quint64(reports.progress->first), quint64(reports.progress->second));
    for (const Item &item : std::as_const(reports.items))
        setItem(item);
    return reports.progress || !reports.items.isEmpty();
}

} // namespace berth
