#pragma once

// SystemObject: /org/berth/Engine1, behind the generated org.berth.Engine1.System adaptor.

#include "gate.h"

namespace berth {

class EngineService;

class SystemObject : public GatedObject
{
    Q_OBJECT
public:
    SystemObject(Gate &gate, EngineService &engine, QObject *parent = nullptr);

public Q_SLOTS: // called by the generated adaptor
    QVariantMap Version(const QVariantMap &options);
    QVariantMap Info(const QVariantMap &options);
    void SubscribeEvents(const QVariantMap &options);
    void UnsubscribeEvents(const QVariantMap &options);
    QVariantMap ReloadSettings(const QVariantMap &options);

private:
    EngineService &m_engine;
};

} // namespace berth
