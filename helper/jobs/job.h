#pragma once

// Job: long work (pull, push, build, load, save, commit, a large cp) as an object with a state,
// progress and a result.  It knows nothing of D-Bus; service/jobmanager.h puts it on the bus.
//
// A subclass implements run(), reports with setItem()/setProgress(), and ends with succeed()
// or fail().  Cancel is cooperative: cancel() calls onCancel(), and the subclass stops its
// work and calls fail(Error::cancelled(...)), after undoing what it had done.  A job that is
// cancelled before it started never runs.
//
//     waiting --start()--> running --succeed()--> succeeded
//        |                    |------fail()-----> failed
//        |                    '--cancel..fail()-> cancelled
//        '------cancel()----------------------->  cancelled

#include "result.h"

#include <QList>
#include <QObject>
#include <QVariantMap>

#include <optional>

namespace berth {

class Job : public QObject
{
    Q_OBJECT
public:
    enum class State { Waiting, Running, Succeeded, Failed, Cancelled };

    // One layer of a pull, one step of a build.
    struct Item
    {
        QString id;
        QString description;
        QString state; // "waiting", "downloading", "verifying", "extracting", "done", ...
        quint64 bytesDone = 0;
        quint64 bytesTotal = 0;
    };

    Job(QString operation, uint ownerUid, bool cancelable, QObject *parent = nullptr);

    void start();
    Result<void> cancel();

    State state() const { return m_state; }
    bool isFinished() const { return m_state != State::Waiting && m_state != State::Running; }
    uint ownerUid() const { return m_ownerUid; }
    const QString &operation() const { return m_operation; }
    const std::optional<Error> &error() const { return m_error; }
    const QVariantMap &result() const { return m_result; }

    // The status as D-Bus values, keys as in org.berth.Engine1.Job.GetStatus.
    QVariantMap status() const;

Q_SIGNALS:
    void progressed();
    void finished();

protected:
    virtual void run() = 0;
    virtual void onCancel() { }

    void setItem(const Item &item);
    void setProgress(quint64 bytesDone, quint64 bytesTotal);
    void succeed(QVariantMap result = {});
    void fail(const Error &error);

private:
    void finish(State state);

    QString m_operation;
    uint m_ownerUid;
    bool m_cancelable;
    State m_state = State::Waiting;
    QList<Item> m_items;
    quint64 m_bytesDone = 0;
    quint64 m_bytesTotal = 0;
    QVariantMap m_result;
    std::optional<Error> m_error;
};

QString stateName(Job::State state);

} // namespace berth
