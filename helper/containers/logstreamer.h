#pragma once

// LogStreamer: `docker logs` for one client.  On a thread of its own it reads a container's
// json-file log (the rotated files first), writes each entry's text to the client's stdout or
// stderr descriptor, and with follow waits for more until the container exits or the client
// goes away.
//
//     auto *streamer = new LogStreamer(path, std::move(out), std::move(err), options, running);
//     streamer->start();
//     ... streamer->containerExited();   // when the engine learns it

#include "system/uniquefd.h"

#include <QString>
#include <QThread>

#include <atomic>

namespace berth {

struct LogOptions
{
    bool follow = false;
    bool timestamps = false;
    int tail = -1; // the last n entries; -1 all
    QString since; // RFC 3339 in UTC as the log writes it; empty: no bound
    QString until;
};

class LogStreamer : public QThread
{
    Q_OBJECT
public:
    LogStreamer(QString logPath, UniqueFd out, UniqueFd err, LogOptions options, bool containerRunning,
                QObject *parent = nullptr);
    ~LogStreamer() override;

    // Thread-safe: the container stopped, so follow ends at the end of the file.
    void containerExited();

protected:
    void run() override;

private:
    bool emitLine(const QByteArray &line);
    bool writeAll(int fd, const char *data, size_t size);
    void follow(qint64 offset);

    QString m_path;
    UniqueFd m_out;
    UniqueFd m_err;
    LogOptions m_options;
    UniqueFd m_wake; // eventfd: the container exited
    std::atomic<bool> m_exited;
};

} // namespace berth
