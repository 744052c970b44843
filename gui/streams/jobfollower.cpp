#include "jobfollower.h"

#include "engine.h"
#include "pages/whenanswered.h"

#include <QDBusMessage>

namespace berth::gui {

StartedJobs &StartedJobs::instance()
{
    static StartedJobs jobs;
    return jobs;
}

JobFollower::JobFollower(const QString &path, const QString &title, QObject *parent)
    : JobFollower(path, parent)
{
    Q_EMIT StartedJobs::instance().started(path, title);
}

JobFollower::JobFollower(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
{
    engine::bus().connect(engine::kService, path, engine::kJobInterface, QStringLiteral("Progress"), this,
                          SLOT(onProgress(QVariantMap)));
    // Progress comes a few times a second at most: on Finished the status is read once more,
    // so the last state of every item is shown.  It may also have ended before the signals
    // were connected: its status says so.
    engine::bus().connect(engine::kService, path, engine::kJobInterface, QStringLiteral("Finished"), this, SLOT(readStatus()));
    readStatus();
}

void JobFollower::readStatus()
{
    const QDBusMessage status
        = QDBusMessage::createMethodCall(engine::kService, m_path, engine::kJobInterface, QStringLiteral("GetStatus"))
        << QVariantMap{};
    whenAnswered(
        this, engine::bus().asyncCall(status),
        [this](const QVariantList &reply) {
            const QVariantMap state = engine::demarshal(reply.value(0)).toMap();
            onProgress(state);
            const QString name = state.value(QStringLiteral("State")).toString();
            if (name == u"succeeded")
                onFinished(true, {}, {}, state.value(QStringLiteral("Result")).toMap());
            else if (name == u"failed" || name == u"cancelled")
                onFinished(false, {}, state.value(QStringLiteral("ErrorMessage")).toString(), {});
        },
        [this](const QString &message) { onFinished(false, {}, message, {}); });
}

void JobFollower::onProgress(const QVariantMap &status)
{
    if (m_done)
        return;
    const QVariantMap plain = engine::demarshal(QVariant(status)).toMap();
    m_state = plain.value(QStringLiteral("State")).toString();
    Q_EMIT progressed(plain);
}

void JobFollower::cancel()
{
    const QDBusMessage cancel
        = QDBusMessage::createMethodCall(engine::kService, m_path, engine::kJobInterface, QStringLiteral("Cancel"))
        << QVariantMap{};
    engine::bus().asyncCall(cancel);
}

void JobFollower::onFinished(bool success, const QString &, const QString &message, const QVariantMap &result)
{
    if (std::exchange(m_done, true))
        return;
    Q_EMIT finished(success, message, result);
}

} // namespace berth::gui
