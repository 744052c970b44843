#include "gate.h"

#include "callertracker.h"
#include "system/memorytrim.h"

#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QPointer>

#include <thread>

Q_LOGGING_CATEGORY(lcGate, "berth.gate")

namespace berth {
namespace {

// A caller may keep at most this many authorization checks (password prompts) waiting, so
// one user cannot flood polkit or the engine with requests that never finish.
constexpr int kMaxPendingChecksPerUid = 16;
// Callers whose credentials are held at most (each is dropped when its caller leaves the bus).
constexpr int kMaxKnownCallers = 4096;

QString ruleKey(const QString &interface, const QString &member)
{
    return interface + u'.' + member;
}

Result<QVariantMap> optionsOf(const QDBusMessage &message)
{
    const QVariantList args = message.arguments();
    if (args.isEmpty() || dbusSignature(args.last()) != u"a{sv}")
        return Error::invalidArgument(QStringLiteral("%1 must end with an a{sv} options argument").arg(message.member()));
    return qdbus_cast<QVariantMap>(args.last());
}

} // namespace

Gate::Gate(QDBusConnection bus, Authority &authority, CallerTracker &callers, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
    , m_authority(authority)
    , m_callers(callers)
{
    connect(&m_callers, &CallerTracker::callerVanished, this, [this](const QString &caller) { m_credentials.remove(caller); });
}

void Gate::addRule(MethodRule rule)
{
    const QString key = ruleKey(rule.interface, rule.member);
    m_rules.insert(key, std::move(rule));
}

bool Gate::hasRule(const QString &interface, const QString &member) const
{
    return m_rules.contains(ruleKey(interface, member));
}

void Gate::admit(const QDBusMessage &message, DeferredBody body)
{
    const auto rule = m_rules.constFind(ruleKey(message.interface(), message.member()));
    if (rule == m_rules.cend()) {
        qCWarning(lcGate) << "refused unlisted method" << message.interface() << message.member() << "from" << message.service();
        return sendReply(
            message,
            Error::permissionDenied(
                QStringLiteral("%1.%2 is not a method the engine offers").arg(message.interface(), message.member())));
    }
    auto options = optionsOf(message);
    if (!options)
        return sendReply(message, options.error());
    if (auto checked = rule->options.check(*options); !checked)
        return sendReply(message, checked.error().wrapped(message.member()));

    // The caller's uid comes from the bus daemon, which read it from the socket; a connection's
    // uid and pid never change, so the bus is asked once per caller.
    const QString caller = message.service();
    if (const auto known = m_credentials.constFind(caller); known != m_credentials.cend())
        return admitFrom(*known, message, *rule, std::move(*options), std::move(body));
    m_callers.watch(caller);
    QDBusMessage ask
        = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                                         QStringLiteral("org.freedesktop.DBus"), QStringLiteral("GetConnectionCredentials"));
    ask << caller;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(ask), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, message, rule = *rule, options = *options, body = std::move(body)](QDBusPendingCallWatcher *w) mutable {
                w->deleteLater();
                const QDBusPendingReply<QVariantMap> credentials = *w;
                if (credentials.isError())
                    return sendReply(
                        message,
                        Error::permissionDenied(
                            QStringLiteral("the caller's identity is unknown: %1").arg(credentials.error().message())));
                const QVariantMap facts = credentials.value();
                if (m_credentials.size() >= kMaxKnownCallers)
                    m_credentials.clear(); // callers that left before we watched them; asked again
                m_credentials.insert(message.service(), facts);
                admitFrom(facts, message, rule, std::move(options), std::move(body));
            });
}

void Gate::admitFrom(const QVariantMap &facts, const QDBusMessage &message, const MethodRule &rule, QVariantMap options,
                     DeferredBody body)
{
    // Without a uid from the bus there is nobody to authorize; a missing value must never read
    // as 0, which is root.
    if (!facts.contains(QStringLiteral("UnixUserID")))
        return sendReply(message, Error::permissionDenied(QStringLiteral("the bus did not say who the caller is")));
    Call call{message, facts.value(QStringLiteral("UnixUserID")).toUInt(), facts.value(QStringLiteral("ProcessID")).toUInt(),
              std::move(options)};
    // A container must not drive the engine that confines it, even as root in there: root in a
    // container is root on the host to polkit.
    if (m_isContained && (!facts.contains(QStringLiteral("ProcessID")) || m_isContained(call.pid)))
        return sendReply(message, Error::permissionDenied(QStringLiteral("calls from inside a Berth container are refused")));
    authorizeAndRun(rule, std::move(call), std::move(body));
}

void Gate::authorizeAndRun(const MethodRule &rule, Call call, DeferredBody body)
{
    if (m_pendingChecks.value(call.uid) >= kMaxPendingChecksPerUid)
        return sendReply(call.message,
                         Error::limitExceeded(QStringLiteral("user %1 already has %2 requests waiting for "
                                                             "authorization; answer or cancel those first")
                                                  .arg(call.uid)
                                                  .arg(kMaxPendingChecksPerUid)));
    const Authorization needed = rule.authorize(call);
    ++m_pendingChecks[call.uid];
    const QString caller = call.caller();
    const uint uid = call.uid;
    const bool interactive = call.message.isInteractiveAuthorizationAllowed();
    m_authority.check(caller, uid, needed.action, needed.details, interactive,
                      [this, call = std::move(call), body = std::move(body)](const Result<void> &allowed) {
                          if (--m_pendingChecks[call.uid] == 0)
                              m_pendingChecks.remove(call.uid);
                          if (!allowed) {
                              qCInfo(lcGate) << "refused" << call.message.member() << "to uid" << call.uid << ":"
                                             << allowed.error().message();
                              return sendReply(call.message, allowed.error());
                          }
                          const QDBusMessage message = call.message;
                          // A deferred answer may come after the engine began to shut down.
                          body(call, [gate = QPointer<Gate>(this), message](const Reply &reply) {
                              if (gate)
                                  gate->sendReply(message, reply);
                          });
                      });
}

void Gate::sendReply(const QDBusMessage &message, const Reply &reply)
{
    trimMemoryWhenQuiet();
    if (message.isReplyRequired())
        m_bus.send(reply ? message.createReply(*reply) : message.createErrorReply(reply.error().name(), reply.error().message()));
}

GatedObject::GatedObject(Gate &gate, QObject *parent)
    : QObject(parent)
    , m_gate(gate)
{ }

void GatedObject::admit(Body body)
{
    admitDeferred([body = std::move(body)](const Call &call, const Respond &respond) { respond(body(call)); });
}

void respondFromThread(QObject *context, std::function<Reply()> work, Respond respond)
{
    QPointer<QObject> alive(context);
    std::thread([alive, work = std::move(work), respond = std::move(respond)] {
        const Reply reply = work();
        QMetaObject::invokeMethod(
            alive,
            [alive, respond, reply] {
                if (alive)
                    respond(reply);
            },
            Qt::QueuedConnection);
    }).detach();
}

void GatedObject::admitDeferred(DeferredBody body)
{
    setDelayedReply(true);
    m_gate.admit(message(), std::move(body));
}

} // namespace berth
