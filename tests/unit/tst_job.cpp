#include "jobs/job.h"
#include "jobs/threadedjob.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace berth;

namespace {

// Works in ticks of the event loop, so cancellation can arrive midway.
class TickJob : public Job
{
public:
    TickJob(int ticks, bool failAtEnd, bool cancelable = true)
        : Job(QStringLiteral("tick"), 1000, cancelable)
        , m_ticks(ticks)
        , m_failAtEnd(failAtEnd)
    {
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
    }
    bool ran = false;
    bool undone = false;

protected:
    void run() override
    {
        ran = true;
        m_timer.start();
    }
    void onCancel() override
    {
        m_timer.stop();
        undone = true;
        fail(Error::cancelled(QStringLiteral("cancelled midway")));
    }

private:
    void tick()
    {
        ++m_done;
        setItem({QStringLiteral("layer"), QStringLiteral("a layer"), QStringLiteral("downloading"), quint64(m_done),
                 quint64(m_ticks)});
        setProgress(quint64(m_done), quint64(m_ticks));
        if (m_done < m_ticks)
            return;
        m_timer.stop();
        if (m_failAtEnd)
            fail(Error::notFound(QStringLiteral("no such thing")));
        else
            succeed({{QStringLiteral("Id"), QStringLiteral("sha256:abc")}});
    }

    QTimer m_timer;
    int m_ticks;
    int m_done = 0;
    bool m_failAtEnd;
};

// Reports as fast as a worker can: every state of one item, and many bytes within a state.
class ReportingJob : public ThreadedJob
{
public:
    static constexpr int kReports = 20000;
    ReportingJob()
        : ThreadedJob(QStringLiteral("report"), 1000)
    { }

protected:
    Result<QVariantMap> work() override
    {
        for (const char *state : {"waiting", "downloading", "extracting", "done"})
            for (int i = 1; i <= kReports / 4; ++i) {
                reportItem({QStringLiteral("layer"), QString(), QString::fromLatin1(state), quint64(i), quint64(kReports / 4)});
                reportProgress(i, kReports / 4);
            }
        return QVariantMap{};
    }
};

} // namespace

class TestJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void succeedsWithResultAndFullProgress()
    {
        TickJob job(5, false);
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(job.state(), Job::State::Succeeded);
        const QVariantMap status = job.status();
        QCOMPARE(status.value(QStringLiteral("State")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(status.value(QStringLiteral("Progress")).toDouble(), 1.0);
        QCOMPARE(status.value(QStringLiteral("Result")).toMap().value(QStringLiteral("Id")).toString(),
                 QStringLiteral("sha256:abc"));
        QCOMPARE(status.value(QStringLiteral("StartedByUid")).toUInt(), 1000u);
        QCOMPARE(status.value(QStringLiteral("Cancelable")).toBool(), false);
        QCOMPARE(status.value(QStringLiteral("Items")).value<QList<QVariantMap>>().size(), 1);
    }

    void failsWithTypedError()
    {
        TickJob job(2, true);
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(job.state(), Job::State::Failed);
        QCOMPARE(job.status().value(QStringLiteral("ErrorName")).toString(), QStringLiteral("org.berth.Error.NotFound"));
        QCOMPARE(job.status().value(QStringLiteral("ErrorMessage")).toString(), QStringLiteral("no such thing"));
    }

    void cancelBeforeStartNeverRuns()
    {
        TickJob job(5, false);
        QSignalSpy finished(&job, &Job::finished);
        QVERIFY(job.cancel().ok());
        QCOMPARE(finished.size(), 1);
        job.start();
        QCOMPARE(job.ran, false);
        QCOMPARE(job.state(), Job::State::Cancelled);
        QCOMPARE(job.error()->kind(), ErrorKind::Cancelled);
    }

    void cancelMidwayUndoes()
    {
        TickJob job(1000000, false);
        QSignalSpy progressed(&job, &Job::progressed);
        job.start();
        QVERIFY(QTest::qWaitFor([&] { return progressed.size() > 3; }, 5000));
        QVERIFY(job.cancel().ok());
        QCOMPARE(job.state(), Job::State::Cancelled);
        QVERIFY(job.undone);
    }

    void cancelAfterFinishIsConflict()
    {
        TickJob job(1, false);
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        QVERIFY(finished.wait(5000));
        const auto cancelled = job.cancel();
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().kind(), ErrorKind::Conflict);
        QVERIFY(cancelled.error().message().contains(u"succeeded"));
    }

    void uncancelableJobSaysSo()
    {
        TickJob job(3, false, false);
        job.start();
        const auto cancelled = job.cancel();
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().kind(), ErrorKind::NotSupported);
        QCOMPARE(job.state(), Job::State::Running);
    }

    void aWorkersReportsArePacedAndKeepEveryState()
    {
        ReportingJob job;
        QStringList states;
        int signals = 0;
        QObject::connect(&job, &Job::progressed, &job, [&] {
            ++signals;
            const auto items = qvariant_cast<QList<QVariantMap>>(job.status().value(QStringLiteral("Items")));
            const QString state = items.isEmpty() ? QString() : items.first().value(QStringLiteral("State")).toString();
            if (!state.isEmpty() && (states.isEmpty() || states.last() != state))
                states << state;
        });
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        QVERIFY(finished.wait(10000));
        // Each state seen, in order, and the last bytes of the last one; far fewer signals than reports.
        QCOMPARE(states,
                 (QStringList{QStringLiteral("waiting"), QStringLiteral("downloading"), QStringLiteral("extracting"),
                              QStringLiteral("done")}));
        QCOMPARE(job.status().value(QStringLiteral("BytesDone")).toULongLong(), quint64(ReportingJob::kReports / 4));
        QVERIFY2(signals < ReportingJob::kReports / 10, qPrintable(QString::number(signals)));
    }

    void finishesOnlyOnce()
    {
        TickJob job(2, false);
        QSignalSpy finished(&job, &Job::finished);
        job.start();
        QVERIFY(finished.wait(5000));
        QTest::qWait(20);
        QCOMPARE(finished.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestJob)
#include "tst_job.moc"
