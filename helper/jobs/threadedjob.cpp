#include "threadedjob.h"

#include <QMetaObject>
#include <QPointer>

namespace berth {

ThreadedJob::ThreadedJob(QString operation, uint ownerUid)
    : Job(std::move(operation), ownerUid, true)
{ }

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
    QMetaObject::invokeMethod(
        this, [this, done, total] { setProgress(quint64(done), quint64(total)); }, Qt::QueuedConnection);
}

void ThreadedJob::reportItem(const Item &item)
{
    QMetaObject::invokeMethod(
        this, [this, item] { setItem(item); }, Qt::QueuedConnection);
}

} // namespace berth
