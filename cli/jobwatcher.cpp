#include "jobwatcher.h"

#include "engine.h"
#include "output.h"
#include "signalwatcher.h"

#include <QDBusMessage>
#include <QDBusServiceWatcher>
#include <QEventLoop>

#include <unistd.h>

namespace berth::cli {
namespace {

QString bar(quint64 done, quint64 total)
{
    constexpr int kWidth = 40;
    if (total == 0)
        return QString(kWidth + 2, u' ');
    const int filled = int(qMin<quint64>(kWidth, done * kWidth / total));
    return u'[' + QString(filled, u'=') + (filled < kWidth ? QStringLiteral(">") + QString(kWidth - filled - 1, u' ') : QString())
        + u']';
}

// A layer's state in docker's words: "Pull complete", "Already exists", "Mounted from x".
QString shownState(const QString &state)
{
    if (state == u"done")
        return JobWatcher::tr("Pull complete");
    return state.left(1).toUpper() + state.mid(1);
}

} // namespace

JobWatcher::JobWatcher(QString path, bool quiet)
    : m_path(std::move(path))
    , m_quiet(quiet)
    , m_draw(!quiet && ::isatty(STDERR_FILENO))
{
    engine::bus().connect(engine::kService, m_path, engine::kJobInterface, QStringLiteral("Progress"), this,
                          SLOT(onProgress(QVariantMap)));
    engine::bus().connect(engine::kService, m_path, engine::kJobInterface, QStringLiteral("Finished"), this,
                          SLOT(onFinished(bool, QString, QString, QVariantMap)));
}

Result<QVariantMap> JobWatcher::wait()
{
    QEventLoop loop;
    connect(this, &JobWatcher::settled, &loop, &QEventLoop::quit);
    QDBusServiceWatcher engineGone(engine::kService, engine::bus(), QDBusServiceWatcher::WatchForUnregistration);
    connect(&engineGone, &QDBusServiceWatcher::serviceUnregistered, &loop, [this, &loop] {
        m_outcome = Error::unavailable(tr("the Berth engine stopped before the job finished"));
        loop.quit();
    });
    SignalWatcher::block();
    SignalWatcher signals;
    connect(&signals, &SignalWatcher::terminateRequested, &loop, [this, &loop] {
        // Leaving the bus cancels the job: the engine cancels the jobs of callers that leave.
        m_outcome = Error::cancelled(tr("interrupted"));
        loop.quit();
    });
    // The job may have finished before the signals above were connected: its status says so.
    const QDBusMessage status = engine::bus().call(
        QDBusMessage::createMethodCall(engine::kService, m_path, engine::kJobInterface, QStringLiteral("GetStatus"))
        << QVariantMap{});
    if (!m_outcome && status.type() == QDBusMessage::ReplyMessage)
        settleFrom(engine::demarshal(status.arguments().value(0)).toMap());
    while (!m_outcome)
        loop.exec();
    return *m_outcome;
}

void JobWatcher::settleFrom(const QVariantMap &status)
{
    const QString state = status.value(QStringLiteral("State")).toString();
    if (state == u"succeeded")
        onFinished(true, {}, {}, status.value(QStringLiteral("Result")).toMap());
    else if (state == u"failed" || state == u"cancelled")
        onFinished(false, status.value(QStringLiteral("ErrorName")).toString(),
                   status.value(QStringLiteral("ErrorMessage")).toString(), {});
}

void JobWatcher::onProgress(const QVariantMap &status)
{
    if (m_draw)
        draw(status);
    else if (m_list)
        list(status);
}

void JobWatcher::list(const QVariantMap &status)
{
    const QVariantList items = engine::demarshal(status.value(QStringLiteral("Items"))).toList();
    for (const QVariant &item : items) {
        const QVariantMap layer = item.toMap();
        const QString id = layer.value(QStringLiteral("Id")).toString();
        const QString state = layer.value(QStringLiteral("State")).toString();
        if (std::exchange(m_listed[id], state) != state)
            out() << id << QStringLiteral(": ") << shownState(state) << Qt::endl;
    }
}

void JobWatcher::draw(const QVariantMap &status)
{
    const QVariantList items = engine::demarshal(status.value(QStringLiteral("Items"))).toList();
    if (m_linesDrawn > 0)
        err() << QStringLiteral("\x1b[%1A").arg(m_linesDrawn);
    for (const QVariant &item : items) {
        const QVariantMap layer = item.toMap();
        const quint64 done = layer.value(QStringLiteral("BytesDone")).toULongLong();
        const quint64 total = layer.value(QStringLiteral("BytesTotal")).toULongLong();
        err() << QStringLiteral("\x1b[2K%1: %2 %3 %4/%5\n")
                     .arg(layer.value(QStringLiteral("Id")).toString(),
                          shownState(layer.value(QStringLiteral("State")).toString()).leftJustified(14), bar(done, total),
                          dockerSize(done), dockerSize(total));
    }
    m_linesDrawn = int(items.size());
    err().flush();
}

void JobWatcher::onFinished(bool success, const QString &errorName, const QString &message, const QVariantMap &result)
{
    // Progress is sent at most a few times a second: the items' last states are asked for.
    if (m_draw || m_list) {
        const QDBusMessage status = engine::bus().call(
            QDBusMessage::createMethodCall(engine::kService, m_path, engine::kJobInterface, QStringLiteral("GetStatus"))
            << QVariantMap{});
        if (status.type() == QDBusMessage::ReplyMessage)
            onProgress(engine::demarshal(status.arguments().value(0)).toMap());
    }
    if (success)
        m_outcome = result;
    else
        m_outcome = Error(errorKindFromName(errorName).value_or(ErrorKind::Internal), message);
    Q_EMIT settled();
}

} // namespace berth::cli
