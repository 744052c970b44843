#pragma once

// SignalWatcher: Unix signals as Qt signals, through a signalfd, so that SIGTERM, SIGINT and SIGHUP
// are handled in the event loop like any other event and never interrupt work half-way.
// block() must run before any thread starts, so every thread inherits the blocked mask.

#include <QObject>

class QSocketNotifier;

namespace berth {

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    static void block();

    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminateRequested(int signal);
    void reloadRequested();

private:
    void readSignal();

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace berth
