#include "whenanswered.h"

#include <QDBusPendingCallWatcher>

namespace berth::gui {

void whenAnswered(QObject *context, const QDBusPendingCall &call, std::function<void(const QVariantList &)> done,
                  std::function<void(const QString &)> failed)
{
    auto *watcher = new QDBusPendingCallWatcher(call, context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [done = std::move(done), failed = std::move(failed)](QDBusPendingCallWatcher *w) {
                         w->deleteLater();
                         if (w->isError())
                             failed(w->error().message());
                         else
                             done(w->reply().arguments());
                     });
}

} // namespace berth::gui
