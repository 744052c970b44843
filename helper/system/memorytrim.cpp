#include "memorytrim.h"

#include <QCoreApplication>
#include <QTimer>

#include <malloc.h>

namespace berth {

void trimMemoryWhenQuiet()
{
    static QTimer *const timer = [] {
        auto *quiet = new QTimer(QCoreApplication::instance());
        quiet->setSingleShot(true);
        quiet->setInterval(2000);
        QObject::connect(quiet, &QTimer::timeout, [] { ::malloc_trim(0); });
        return quiet;
    }();
    timer->start();
}

void shareOneHeapAmongThreads()
{
    ::mallopt(M_ARENA_MAX, 1);
}

} // namespace berth
