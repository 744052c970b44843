#include "logstreamer.h"

#include <QFile>

#include <nlohmann/json.hpp>

#include <deque>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace berth {

LogStreamer::LogStreamer(QString logPath, UniqueFd out, UniqueFd err, LogOptions options, bool containerRunning, QObject *parent)
    : QThread(parent)
    , m_path(std::move(logPath))
    , m_out(std::move(out))
    , m_err(std::move(err))
    , m_options(std::move(options))
    , m_wake(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
    , m_exited(!containerRunning)
{ }

LogStreamer::~LogStreamer()
{
    containerExited();
    wait();
}

void LogStreamer::containerExited()
{
    m_exited = true;
    const uint64_t one = 1;
    [[maybe_unused]] ssize_t ignored = ::write(m_wake.get(), &one, sizeof one);
}

bool LogStreamer::writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false; // the client went away
        data += n;
        size -= size_t(n);
    }
    return true;
}

// One json-file entry to the client; false when the client is gone.
bool LogStreamer::emitLine(const QByteArray &line)
{
    nlohmann::json entry;
    try {
        entry = nlohmann::json::parse(line.constData(), line.constData() + line.size());
    } catch (const nlohmann::json::exception &) {
        return true; // a torn line from a crash: skip it
    }
    const std::string time = entry.value("time", "");
    if (!m_options.since.isEmpty() && time < m_options.since.toStdString())
        return true;
    if (!m_options.until.isEmpty() && time > m_options.until.toStdString())
        return true;
    std::string text = entry.value("log", "");
    if (m_options.timestamps)
        text = time + " " + text;
    const int fd = entry.value("stream", "") == "stderr" && m_err ? m_err.get() : m_out.get();
    return writeAll(fd, text.data(), text.size());
}

void LogStreamer::run()
{
    // The rotated files, oldest first, then the current one.
    QStringList files;
    for (int i = 1; QFile::exists(m_path + u'.' + QString::number(i)); ++i)
        files.prepend(m_path + u'.' + QString::number(i));
    files << m_path;

    std::deque<QByteArray> tail;
    qint64 offset = 0;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine(1 << 20);
            if (!line.endsWith('\n'))
                break; // being written: follow picks it up
            if (m_options.tail < 0) {
                if (!emitLine(line))
                    return;
            } else if (m_options.tail > 0) {
                tail.push_back(line);
                if (tail.size() > size_t(m_options.tail))
                    tail.pop_front();
            }
            offset = file.pos();
        }
        if (path != m_path)
            offset = 0;
    }
    for (const QByteArray &line : tail)
        if (!emitLine(line))
            return;
    if (m_options.follow)
        follow(offset);
}

void LogStreamer::follow(qint64 offset)
{
    UniqueFd inotify(::inotify_init1(IN_CLOEXEC | IN_NONBLOCK));
    QFile file(m_path);
    auto reopen = [&] {
        file.close();
        if (!file.open(QIODevice::ReadOnly))
            return false;
        ::inotify_add_watch(inotify.get(), QFile::encodeName(m_path).constData(), IN_MODIFY | IN_MOVE_SELF | IN_DELETE_SELF);
        return true;
    };
    if (!reopen())
        return;
    file.seek(offset);
    QByteArray partial;
    for (;;) {
        while (!file.atEnd()) {
            partial += file.readLine(1 << 20);
            if (!partial.endsWith('\n'))
                break;
            if (!emitLine(partial))
                return;
            partial.clear();
        }
        if (m_exited && file.atEnd())
            return;
        // Wait for more output, the container's exit, or the client leaving (its pipe errs).
        pollfd fds[3] = {{inotify.get(), POLLIN, 0}, {m_wake.get(), POLLIN, 0}, {m_out.get(), 0, 0}};
        if (::poll(fds, 3, 1000) < 0 && errno != EINTR)
            return;
        if (fds[2].revents & (POLLERR | POLLHUP))
            return;
        char events[4096];
        bool rotated = false;
        for (ssize_t n; (n = ::read(inotify.get(), events, sizeof events)) > 0;)
            for (char *p = events; p < events + n;) {
                auto *event = reinterpret_cast<inotify_event *>(p);
                rotated = rotated || (event->mask & (IN_MOVE_SELF | IN_DELETE_SELF));
                p += sizeof(inotify_event) + event->len;
            }
        if (rotated) {
            // Finish the old file, then go on with the new one from its start.
            while (!file.atEnd())
                if (const QByteArray line = file.readLine(1 << 20); line.endsWith('\n') && !emitLine(line))
                    return;
            if (!reopen())
                return;
        }
    }
}

} // namespace berth
