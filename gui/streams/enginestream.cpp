#include "enginestream.h"

#include "engine.h"
#include "pages/whenanswered.h"

#include <QDBusUnixFileDescriptor>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

namespace berth::gui {
namespace {

QDBusPendingCall callContainers(const QString &method, const QVariantList &args)
{
    return engine::call(engine::kContainersPath, engine::kContainersInterface, method, args, true);
}

QString pipeError()
{
    return QObject::tr("Cannot make a pipe to the engine: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
}

// Reads what is there each time `fd` is readable and hands it on; at its end (the engine
// closed its side) stops and calls `ended`.
QSocketNotifier *readWhenReady(QObject *owner, int fd, std::function<void(const QByteArray &)> got, std::function<void()> ended)
{
    auto *notifier = new QSocketNotifier(fd, QSocketNotifier::Read, owner);
    QObject::connect(notifier, &QSocketNotifier::activated, owner,
                     [notifier, fd, got = std::move(got), ended = std::move(ended)] {
                         char buffer[65536];
                         const ssize_t n = ::read(fd, buffer, sizeof buffer);
                         if (n > 0)
                             return got(QByteArray(buffer, n));
                         if (n < 0 && (errno == EAGAIN || errno == EINTR))
                             return;
                         notifier->setEnabled(false);
                         ended();
                     });
    return notifier;
}

} // namespace

// A socket pair rather than a pipe: send() with MSG_NOSIGNAL tells us the command is gone
// where writing into a pipe would kill the app with SIGPIPE.
EnginePipe::EnginePipe(Direction direction)
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        return;
    m_ours = fds[0];
    m_engines = fds[1];
    const bool fromEngine = direction == Direction::FromEngine;
    ::shutdown(m_ours, fromEngine ? SHUT_WR : SHUT_RD);
    ::shutdown(m_engines, fromEngine ? SHUT_RD : SHUT_WR);
    ::fcntl(m_ours, F_SETFL, O_NONBLOCK);
}

ssize_t EnginePipe::send(const char *bytes, size_t size) const
{
    return ::send(m_ours, bytes, size, MSG_NOSIGNAL);
}

EnginePipe::~EnginePipe()
{
    for (int fd : {m_ours, m_engines})
        if (fd >= 0)
            ::close(fd);
}

QVariant EnginePipe::enginesEnd() const
{
    return QVariant::fromValue(QDBusUnixFileDescriptor(m_engines));
}

void EnginePipe::closeEnginesEnd()
{
    if (m_engines >= 0)
        ::close(std::exchange(m_engines, -1));
}

LogStream::LogStream(const QString &container, const QVariantMap &options, QObject *parent)
    : QObject(parent)
{
    if (!m_pipe.isValid()) {
        QMetaObject::invokeMethod(
            this, [this, message = pipeError()] { Q_EMIT failed(message); }, Qt::QueuedConnection);
        return;
    }
    // The engine writes both streams into our pipe until the container stops or we close it.
    whenAnswered(
        this, callContainers(QStringLiteral("ContainerLogs"), {container, m_pipe.enginesEnd(), m_pipe.enginesEnd(), options}),
        [](const QVariantList &) {}, [this](const QString &message) { Q_EMIT failed(message); });
    m_pipe.closeEnginesEnd();
    m_notifier = readWhenReady(
        this, m_pipe.ours(), [this](const QByteArray &bytes) { Q_EMIT output(bytes); }, [this] { Q_EMIT ended(); });
}

LogStream::~LogStream()
{
    delete m_notifier; // before its descriptor closes
}

ExecSession::ExecSession(const QString &container, const QStringList &command, int rows, int columns, QObject *parent)
    : QObject(parent)
{
    if (!m_stdout.isValid() || !m_stdin.isValid() || !m_resize.isValid()) {
        m_running = false;
        QMetaObject::invokeMethod(
            this, [this, message = pipeError()] { Q_EMIT failed(message); }, Qt::QueuedConnection);
        return;
    }
    // On a terminal the command's stdout and stderr are one; the engine's own complaints (a
    // command not found) come on stderr, so they go to the same place.
    const QVariantMap options{{QStringLiteral("tty"), true},
                              {QStringLiteral("rows"), rows},
                              {QStringLiteral("columns"), columns},
                              {QStringLiteral("stdin"), m_stdin.enginesEnd()},
                              {QStringLiteral("stdout"), m_stdout.enginesEnd()},
                              {QStringLiteral("stderr"), m_stdout.enginesEnd()},
                              {QStringLiteral("resize"), m_resize.enginesEnd()}};
    whenAnswered(
        this, callContainers(QStringLiteral("ExecContainer"), {container, command, options}),
        [this](const QVariantList &reply) {
            m_running = false;
            Q_EMIT finished(reply.value(0).toInt());
        },
        [this](const QString &message) {
            m_running = false;
            Q_EMIT failed(message);
        });
    for (EnginePipe *pipe : {&m_stdin, &m_stdout, &m_resize})
        pipe->closeEnginesEnd();
    m_outputNotifier = readWhenReady(
        this, m_stdout.ours(), [this](const QByteArray &bytes) { Q_EMIT output(bytes); }, [] {});
    m_inputNotifier = new QSocketNotifier(m_stdin.ours(), QSocketNotifier::Write, this);
    m_inputNotifier->setEnabled(false);
    connect(m_inputNotifier, &QSocketNotifier::activated, this, &ExecSession::flushInput);
}

ExecSession::~ExecSession()
{
    delete m_outputNotifier;
    delete m_inputNotifier;
}

void ExecSession::write(const QByteArray &bytes)
{
    m_pendingInput += bytes;
    flushInput();
}

// What the container does not take at once waits for the pipe to have room.
void ExecSession::flushInput()
{
    while (!m_pendingInput.isEmpty()) {
        const ssize_t n = m_stdin.send(m_pendingInput.constData(), size_t(m_pendingInput.size()));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno != EAGAIN) {
            m_pendingInput.clear(); // the command is gone
            break;
        }
        if (n < 0)
            break;
        m_pendingInput.remove(0, n);
    }
    if (m_inputNotifier)
        m_inputNotifier->setEnabled(!m_pendingInput.isEmpty());
}

void ExecSession::resize(int rows, int columns)
{
    // One record per size, as ExecContainer's "resize" option reads them; a full pipe drops
    // it, and the next size replaces it anyway.
    const uint16_t record[2] = {uint16_t(std::clamp(rows, 1, 9999)), uint16_t(std::clamp(columns, 1, 9999))};
    m_resize.send(reinterpret_cast<const char *>(record), sizeof record);
}

} // namespace berth::gui
