#include "jobfollower.h"

#include "engine.h"
#include "pages/whenanswered.h"

#include <QDBusMessage>

namespace berth::gui {

JobFollower::JobFollower(const QString &path, QObject *parent)
    : QObject(parent)
{
    engine::bus().connect(engine::kService, path, engine::kJobInterface, QStringLiteral("Finished"), this,
                          SLOT(onFinished(bool, QString, QString, QVariantMap)));
    // It may have ended before the signal was connected: its status says so.
    const QDBusMessage status
        = QDBusMessage::createMethodCall(engine::kService, path, engine::kJobInterface, QStringLiteral("GetStatus"))
        << QVariantMap{};
    whenAnswered(
        this, engine::bus().asyncCall(status),
        [this](const QVariantList &reply) {
            const QVariantMap state = engine::demarshal(reply.value(0)).toMap();
            const QString name = state.value(QStringLiteral("State")).toString();
            if (name == u"succeeded")
                onFinished(true, {}, {}, state.value(QStringLiteral("Result")).toMap());
            else if (name == u"failed" || name == u"cancelled")
                onFinished(false, {}, state.value(QStringLiteral("ErrorMessage")).toString(), {});
        },
        [this](const QString &message) { onFinished(false, {}, message, {}); });
}

void JobFollower::onFinished(bool success, const QString &, const QString &message, const QVariantMap &result)
{
    if (std::exchange(m_done, true))
        return;
    Q_EMIT finished(success, message, result);
}

} // namespace berth::gui
