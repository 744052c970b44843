#include "authority.h"

#include <QDBusArgument>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAuth, "berth.auth")

namespace berth {
namespace {

const QString kPolkitService = QStringLiteral("org.freedesktop.PolicyKit1");
const QString kPolkitPath = QStringLiteral("/org/freedesktop/PolicyKit1/Authority");
const QString kPolkitInterface = QStringLiteral("org.freedesktop.PolicyKit1.Authority");
constexpr uint kAllowUserInteraction = 0x1;
// Long enough for a person to type a password; polkit cancels its dialog on its own too.
constexpr int kInteractiveTimeoutMs = 5 * 60 * 1000;

// polkit's subject: (sa{sv}) = ("system-bus-name", {"name": <unique name>}).
struct PolkitSubject
{
    QString kind;
    QVariantMap details;
};

QDBusArgument &operator<<(QDBusArgument &arg, const PolkitSubject &subject)
{
    arg.beginStructure();
    arg << subject.kind << subject.details;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, PolkitSubject &subject)
{
    arg.beginStructure();
    arg >> subject.kind >> subject.details;
    arg.endStructure();
    return arg;
}

// polkit's answer: (bba{ss}) = (is_authorized, is_challenge, details).
struct PolkitResult
{
    bool authorized = false;
    bool challenge = false;
    PolkitDetails details;
};

QDBusArgument &operator<<(QDBusArgument &arg, const PolkitResult &result)
{
    arg.beginStructure();
    arg << result.authorized << result.challenge << result.details;
    arg.endStructure();
    return arg;
}

const QDBusArgument &operator>>(const QDBusArgument &arg, PolkitResult &result)
{
    arg.beginStructure();
    arg >> result.authorized >> result.challenge >> result.details;
    arg.endStructure();
    return arg;
}

bool polkitUnreachable(const QDBusError &error)
{
    return error.type() == QDBusError::ServiceUnknown || error.type() == QDBusError::NoReply
        || error.type() == QDBusError::Timeout || error.type() == QDBusError::Disconnected;
}

Result<void> refusal(Action action, const PolkitResult &result, bool allowInteraction)
{
    const QString what = QStringLiteral("not authorized to %1 (polkit action %2)").arg(actionPurpose(action), actionId(action));
    if (result.details.value(QStringLiteral("polkit.dismissed")) == u"true")
        return Error::permissionDenied(what + QStringLiteral(": the authentication dialog was dismissed"));
    if (result.challenge && !allowInteraction)
        return Error::permissionDenied(what
                                       + QStringLiteral(": authentication is required, but the request did not "
                                                        "allow asking for a password"));
    if (result.challenge)
        return Error::permissionDenied(what + QStringLiteral(": authentication is required and no polkit agent answered"));
    return Error::permissionDenied(what);
}

} // namespace

Authority::Authority(QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
{
    qDBusRegisterMetaType<PolkitSubject>();
    qDBusRegisterMetaType<PolkitResult>();
    qDBusRegisterMetaType<PolkitDetails>();
}

void Authority::check(const QString &callerName, uint callerUid, Action action, const PolkitDetails &details,
                      bool allowInteraction, Callback done)
{
    const QString cancellationId = QStringLiteral("berth-%1").arg(m_nextCancellationId++);
    const PolkitSubject subject{QStringLiteral("system-bus-name"), {{QStringLiteral("name"), callerName}}};
    QDBusMessage request
        = QDBusMessage::createMethodCall(kPolkitService, kPolkitPath, kPolkitInterface, QStringLiteral("CheckAuthorization"));
    request << QVariant::fromValue(subject) << actionId(action) << QVariant::fromValue(details)
            << uint(allowInteraction ? kAllowUserInteraction : 0) << cancellationId;

    m_pendingByCaller.insert(callerName, cancellationId);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(request, allowInteraction ? kInteractiveTimeoutMs : -1), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [=, this, done = std::move(done)](QDBusPendingCallWatcher *call) {
        call->deleteLater();
        m_pendingByCaller.remove(callerName, cancellationId);
        const QDBusPendingReply<PolkitResult> reply = *call;
        if (reply.isError()) {
            m_polkitReachable = !polkitUnreachable(reply.error());
            qCWarning(lcAuth) << "polkit failed to check" << actionId(action) << "for" << callerName << ":"
                              << reply.error().name() << reply.error().message();
            if (!m_polkitReachable && callerUid == 0)
                return done({});
            return done(Error::permissionDenied(QStringLiteral("not authorized to %1: polkit could not be asked (%2)")
                                                    .arg(actionPurpose(action), reply.error().message())));
        }
        m_polkitReachable = true;
        const PolkitResult result = reply.value();
        qCDebug(lcAuth) << actionId(action) << "for" << callerName << (result.authorized ? "granted" : "refused");
        done(result.authorized ? Result<void>{} : refusal(action, result, allowInteraction));
    });
}

void Authority::cancelChecksOf(const QString &callerName)
{
    for (const QString &cancellationId : m_pendingByCaller.values(callerName)) {
        QDBusMessage cancel = QDBusMessage::createMethodCall(kPolkitService, kPolkitPath, kPolkitInterface,
                                                             QStringLiteral("CancelCheckAuthorization"));
        cancel << cancellationId;
        m_bus.asyncCall(cancel);
    }
}

} // namespace berth
