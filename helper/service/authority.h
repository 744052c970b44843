#pragma once

// Authority: asks polkit whether a caller on the bus may perform an action.
//
//     m_authority.check(callerName, uid, Action::EngineSettings, details, interactive,
//                       [](const Result<void> &allowed) { ... });
//
// The question goes to polkit asynchronously (the helper never waits in a nested event loop)
// with a "system-bus-name" subject naming the caller's unique bus name, never a pid.  Every
// answer other than "authorized" is a refusal; when polkit itself cannot be reached, only
// uid 0 is let through, so root can still repair a machine whose polkit is broken.
// A caller that leaves the bus while polkit is still asking has its check cancelled.

#include "actions.h"
#include "result.h"

#include <QDBusConnection>
#include <QHash>
#include <QMap>
#include <QObject>

#include <functional>

namespace berth {

using PolkitDetails = QMap<QString, QString>;

class Authority : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<void> &)>;

    explicit Authority(QDBusConnection bus, QObject *parent = nullptr);

    void check(const QString &callerName, uint callerUid, Action action, const PolkitDetails &details, bool allowInteraction,
               Callback done);

    // Cancels the checks still running for a caller that left the bus.
    void cancelChecksOf(const QString &callerName);

    // Whether polkit answered the last check (for `berth info`).
    bool polkitReachable() const { return m_polkitReachable; }

private:
    QDBusConnection m_bus;
    quint64 m_nextCancellationId = 1;
    QMultiHash<QString, QString> m_pendingByCaller; // caller -> cancellation ids
    bool m_polkitReachable = true;
};

} // namespace berth
