#pragma once

// whenAnswered: the desktop app's one way to wait for the engine.  The call runs on; when its
// answer comes, `done` gets the reply's arguments on the GUI thread, or `failed` the error
// message.  Nothing here blocks.

#include <QDBusPendingCall>
#include <QVariantList>

#include <functional>

class QObject;

namespace berth::gui {

void whenAnswered(QObject *context, const QDBusPendingCall &call, std::function<void(const QVariantList &)> done,
                  std::function<void(const QString &)> failed);

} // namespace berth::gui
