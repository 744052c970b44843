#pragma once

// Gate: the one place where every D-Bus call is admitted or refused before its body runs.
//
// A generated adaptor calls a slot of a GatedObject; the slot hands its body to admit():
//
//     QVariantMap SystemObject::Info(const QVariantMap &)
//     {
//         admit([this](const Call &) -> Reply { return QVariantList{m_engine.info()}; });
//         return {};                        // the real reply is sent later (delayed reply)
//     }
//
// admit() looks the method up in the rule table (methodrules.cpp; an unlisted method is
// refused), learns the caller's uid from the bus, parses the options strictly, lets the rule
// choose the polkit action from the decoded call, asks polkit asynchronously, and only then
// runs the body and sends its reply or its org.berth.Error.* error.

#include "actions.h"
#include "authority.h"
#include "optionspec.h"
#include "result.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QDBusMessage>
#include <QHash>
#include <QObject>

#include <functional>

namespace berth {

class CallerTracker;

// A call that passed the bus: who made it and with what.
struct Call
{
    QDBusMessage message;
    uint uid = 0;
    uint pid = 0;
    QVariantMap options;

    QString caller() const { return message.service(); }
};

// What a call needs polkit to allow; details name the object for the dialog's message.
struct Authorization
{
    Action action;
    PolkitDetails details;
};

struct MethodRule
{
    QString interface;
    QString member;
    OptionSpec options;
    std::function<Authorization(const Call &)> authorize;
};

using Reply = Result<QVariantList>;
using Body = std::function<Reply(const Call &)>;
// A body that answers later (waiting for a container to exit, say) calls Respond exactly once.
using Respond = std::function<void(const Reply &)>;
using DeferredBody = std::function<void(const Call &, Respond)>;

// Runs `work` on a thread of its own and answers with its result on `context`'s thread, if
// `context` still exists then: for bodies that wait on the network or on mounts, which the
// engine's thread must never do.
void respondFromThread(QObject *context, std::function<Reply()> work, Respond respond);

class Gate : public QObject
{
    Q_OBJECT
public:
    Gate(QDBusConnection bus, Authority &authority, CallerTracker &callers, QObject *parent = nullptr);

    void addRule(MethodRule rule);
    // Says whether a caller's process (its pid as the bus daemon saw it) runs inside one of
    // Berth's own containers; such callers are refused whatever polkit would say.
    void setContainedCallerCheck(std::function<bool(uint pid)> check) { m_isContained = std::move(check); }
    bool hasRule(const QString &interface, const QString &member) const;

    void admit(const QDBusMessage &message, DeferredBody body);

private:
    void admitFrom(const QVariantMap &facts, const QDBusMessage &message, const MethodRule &rule, QVariantMap options,
                   DeferredBody body);
    void authorizeAndRun(const MethodRule &rule, Call call, DeferredBody body);
    void sendReply(const QDBusMessage &message, const Reply &reply);

    QDBusConnection m_bus;
    Authority &m_authority;
    CallerTracker &m_callers;
    QHash<QString, MethodRule> m_rules; // "interface.member" -> rule
    QHash<uint, int> m_pendingChecks; // uid -> authorization checks not yet answered
    QHash<QString, QVariantMap> m_credentials; // caller -> what the bus said of it
    std::function<bool(uint pid)> m_isContained;
};

// Base of every exported object: gives its slots admit().
class GatedObject : public QObject, protected QDBusContext
{
    Q_OBJECT
public:
    GatedObject(Gate &gate, QObject *parent = nullptr);

protected:
    void admit(Body body);
    void admitDeferred(DeferredBody body);

private:
    Gate &m_gate;
};

} // namespace berth
