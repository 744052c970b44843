#include "job.h"

#include <algorithm>

namespace berth {

QString stateName(Job::State state)
{
    switch (state) {
    case Job::State::Waiting: return QStringLiteral("waiting");
    case Job::State::Running: return QStringLiteral("running");
    case Job::State::Succeeded: return QStringLiteral("succeeded");
    case Job::State::Failed: return QStringLiteral("failed");
    case Job::State::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

Job::Job(QString operation, uint ownerUid, bool cancelable, QObject *parent)
    : QObject(parent)
    , m_operation(std::move(operation))
    , m_ownerUid(ownerUid)
    , m_cancelable(cancelable)
{ }

void Job::start()
{
    if (m_state != State::Waiting)
        return;
    m_state = State::Running;
    Q_EMIT progressed();
    run();
}

Result<void> Job::cancel()
{
    if (isFinished())
        return Error::conflict(QStringLiteral("the %1 job has already %2").arg(m_operation, stateName(m_state)));
    if (!m_cancelable)
        return Error::notSupported(QStringLiteral("the %1 job cannot be cancelled").arg(m_operation));
    if (m_state == State::Waiting) {
        m_error = Error::cancelled(QStringLiteral("the %1 job was cancelled before it started").arg(m_operation));
        finish(State::Cancelled);
        return {};
    }
    onCancel();
    return {};
}

void Job::setItem(const Item &item)
{
    const auto same = std::find_if(m_items.begin(), m_items.end(), [&](const Item &i) { return i.id == item.id; });
    if (same == m_items.end())
        m_items.append(item);
    else
        *same = item;
    Q_EMIT progressed();
}

void Job::setProgress(quint64 bytesDone, quint64 bytesTotal)
{
    m_bytesDone = bytesDone;
    m_bytesTotal = bytesTotal;
    Q_EMIT progressed();
}

void Job::succeed(QVariantMap result)
{
    if (isFinished())
        return;
    m_result = std::move(result);
    finish(State::Succeeded);
}

void Job::fail(const Error &error)
{
    if (isFinished())
        return;
    m_error = error;
    finish(error.kind() == ErrorKind::Cancelled ? State::Cancelled : State::Failed);
}

void Job::finish(State state)
{
    m_state = state;
    Q_EMIT finished();
}

QVariantMap Job::status() const
{
    QList<QVariantMap> items;
    for (const Item &item : m_items)
        items.append({{QStringLiteral("Id"), item.id},
                      {QStringLiteral("Description"), item.description},
                      {QStringLiteral("State"), item.state},
                      {QStringLiteral("BytesDone"), item.bytesDone},
                      {QStringLiteral("BytesTotal"), item.bytesTotal}});
    const bool progressValid = m_bytesTotal > 0;
    return {{QStringLiteral("Operation"), m_operation},
            {QStringLiteral("State"), stateName(m_state)},
            {QStringLiteral("Progress"), progressValid ? double(m_bytesDone) / double(m_bytesTotal) : 0.0},
            {QStringLiteral("ProgressValid"), progressValid},
            {QStringLiteral("BytesDone"), m_bytesDone},
            {QStringLiteral("BytesTotal"), m_bytesTotal},
            {QStringLiteral("StartedByUid"), m_ownerUid},
            {QStringLiteral("Cancelable"), m_cancelable && !isFinished()},
            {QStringLiteral("Items"), QVariant::fromValue(items)},
            {QStringLiteral("ErrorName"), m_error ? m_error->name() : QString()},
            {QStringLiteral("ErrorMessage"), m_error ? m_error->message() : QString()},
            {QStringLiteral("Result"), m_result}};
}

} // namespace berth
