#include "systemobject.h"

#include "engineservice.h"
#include "eventbus.h"
#include "systemadaptor.h"

namespace berth {

SystemObject::SystemObject(Gate &gate, EngineService &engine, QObject *parent)
    : GatedObject(gate, parent)
    , m_engine(engine)
{
    new SystemAdaptor(this);
}

QVariantMap SystemObject::Version(const QVariantMap &)
{
    admit([this](const Call &) -> Reply { return QVariantList{m_engine.version()}; });
    return {};
}

QVariantMap SystemObject::Info(const QVariantMap &)
{
    admit([this](const Call &) -> Reply { return QVariantList{m_engine.info()}; });
    return {};
}

void SystemObject::SubscribeEvents(const QVariantMap &)
{
    admit([this](const Call &call) -> Reply {
        if (auto subscribed = m_engine.events().subscribe(call.caller()); !subscribed)
            return subscribed.error();
        return QVariantList{};
    });
}

void SystemObject::UnsubscribeEvents(const QVariantMap &)
{
    admit([this](const Call &call) -> Reply {
        m_engine.events().unsubscribe(call.caller());
        return QVariantList{};
    });
}

QVariantMap SystemObject::ReloadSettings(const QVariantMap &)
{
    admit([this](const Call &) -> Reply {
        auto changed = m_engine.reloadSettings();
        if (!changed)
            return changed.error();
        return QVariantList{*changed};
    });
    return {};
}

} // namespace berth
