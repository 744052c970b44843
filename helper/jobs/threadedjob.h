#pragma once

// ThreadedJob: a Job whose work runs on a thread of its own, so a long load or save never
// stalls the engine's event loop.  work() runs on the worker thread and may only use
// thread-safe things (the blob and layer stores, its own members) and the report* methods;
// completed() runs back on the engine's thread with the outcome, after the worker has ended.

#include "job.h"

#include <QList>
#include <QTimer>

#include <atomic>
#include <mutex>
#include <optional>
#include <thread>

namespace berth {

class ThreadedJob : public Job
{
    Q_OBJECT
public:
    ~ThreadedJob() override;

protected:
    ThreadedJob(QString operation, uint ownerUid);

    virtual Result<QVariantMap> work() = 0;
    // Default: succeed with the result or fail with the error.
    virtual void completed(const Result<QVariantMap> &outcome);

    const std::atomic<bool> &cancelFlag() const { return m_cancelled; }
    // Callable from the worker thread.  Reports reach the engine's thread at most every 50 ms;
    // those made in between go together (the latest progress, every change of an item's state
    // with its latest bytes), so a copy of 20,000 files wakes the engine's thread a few times,
    // not 20,000.
    void reportProgress(qint64 done, qint64 total);
    void reportItem(const Item &item);

private:
    void run() final;
    void onCancel() final;
    void joinWorker();
    void postReports();
    bool deliverReports(); // on the engine's thread; false when there were none

    struct Reports
    {
        std::optional<std::pair<qint64, qint64>> progress;
        QList<Item> items;
    };
    std::mutex m_reportsMutex; // guards m_reports
    Reports m_reports;
    std::atomic<bool> m_reportsPosted{false}; // a delivery is posted, or the pause after one runs
    QTimer m_reportPause;

    std::atomic<bool> m_cancelled{false};
    std::thread m_worker;
};

} // namespace berth
