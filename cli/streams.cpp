#include "streams.h"

#include "engineclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusUnixFileDescriptor>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <utility>

namespace berth::cli {

// While it lives, the signals docker's --sig-proxy forwards arrive on fd() instead of acting.
// A handler and a pipe, not signalfd: the D-Bus thread would take a signal that only this
// thread blocks.
class CaughtSignals
{
public:
    static constexpr int kSignals[] = {SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM};

    CaughtSignals()
    {
        if (s_writeEnd >= 0 || ::pipe2(m_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
            return;
        s_writeEnd = m_pipe[1];
        struct sigaction action
        {
        };
        action.sa_handler = [](int signal) {
            const int saved = errno;
            const unsigned char number = static_cast<unsigned char>(signal);
            [[maybe_unused]] const ssize_t sent = ::write(s_writeEnd, &number, 1);
            errno = saved;
        };
        action.sa_flags = SA_RESTART;
        ::sigemptyset(&action.sa_mask);
        for (size_t i = 0; i < std::size(kSignals); ++i)
            ::sigaction(kSignals[i], &action, &m_saved[i]);
    }
    ~CaughtSignals()
    {
        if (m_pipe[0] < 0)
            return;
        for (size_t i = 0; i < std::size(kSignals); ++i)
            ::sigaction(kSignals[i], &m_saved[i], nullptr);
        s_writeEnd = -1;
        ::close(m_pipe[0]);
        ::close(m_pipe[1]);
    }
    CaughtSignals(const CaughtSignals &) = delete;
    CaughtSignals &operator=(const CaughtSignals &) = delete;

    int fd() const { return m_pipe[0]; }
    int take() const
    {
        unsigned char number = 0;
        return ::read(m_pipe[0], &number, 1) == 1 ? number : 0;
    }

private:
    static inline int s_writeEnd = -1;
    int m_pipe[2] = {-1, -1};
    struct sigaction m_saved[std::size(kSignals)] = {};
};

StreamPipes::StreamPipes(bool withStdin)
{
    for (int pipe = 0; pipe < (withStdin ? 3 : 2); ++pipe)
        if (::pipe2(m_fds + 2 * pipe, O_CLOEXEC) != 0)
            m_fds[2 * pipe] = m_fds[2 * pipe + 1] = -1;
}

void StreamPipes::forwardSignals(std::function<void(int)> forward)
{
    m_forward = std::move(forward);
    m_signals = m_forward ? std::make_unique<CaughtSignals>() : nullptr;
}

StreamPipes::~StreamPipes()
{
    for (int fd : m_fds)
        if (fd >= 0)
            ::close(fd);
}

QVariant StreamPipes::engineStdout() const
{
    return QVariant::fromValue(QDBusUnixFileDescriptor(m_fds[1]));
}

QVariant StreamPipes::engineStderr() const
{
    return QVariant::fromValue(QDBusUnixFileDescriptor(m_fds[3]));
}

QVariantMap StreamPipes::engineOptions(QVariantMap more) const
{
    more.insert(QStringLiteral("stdout"), engineStdout());
    more.insert(QStringLiteral("stderr"), engineStderr());
    if (m_fds[4] >= 0)
        more.insert(QStringLiteral("stdin"), QVariant::fromValue(QDBusUnixFileDescriptor(m_fds[4])));
    return more;
}

void StreamPipes::closeEngineEnds()
{
    for (int index : {1, 3, 4})
        if (m_fds[index] >= 0)
            ::close(std::exchange(m_fds[index], -1));
}

namespace {

// Finds the detach keys in the input as it passes, across reads: the bytes of a partial match
// are held back until they turn out to be input after all.
class DetachKeyMatcher
{
public:
    explicit DetachKeyMatcher(const QByteArray &keys)
        : m_keys(keys)
    { }

    // What of `input` goes to the container; sets detached() when the keys are complete.
    QByteArray filter(const char *input, qsizetype size)
    {
        if (m_keys.isEmpty())
            return QByteArray(input, size);
        QByteArray pass;
        for (qsizetype i = 0; i < size && !m_detached; ++i) {
            if (input[i] == m_keys[m_matched]) {
                m_detached = ++m_matched == m_keys.size();
                continue;
            }
            pass += m_keys.left(m_matched);
            m_matched = input[i] == m_keys[0] ? 1 : 0;
            if (!m_matched)
                pass += input[i];
        }
        return pass;
    }
    bool detached() const { return m_detached; }

private:
    QByteArray m_keys;
    qsizetype m_matched = 0;
    bool m_detached = false;
};

bool writeAll(int to, const char *data, qsizetype size)
{
    for (qsizetype done = 0; done < size;) {
        const ssize_t w = ::write(to, data + done, size_t(size - done));
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        done += w;
    }
    return true;
}

// Moves what `from` has to `to`, through `matcher` when given; false once `from` has ended or
// `to` is gone.
bool copyChunk(int from, int to, DetachKeyMatcher *matcher = nullptr)
{
    char buffer[65536];
    const ssize_t n = ::read(from, buffer, sizeof buffer);
    if (n <= 0)
        return n < 0 && errno == EINTR;
    if (!matcher)
        return writeAll(to, buffer, n);
    const QByteArray pass = matcher->filter(buffer, n);
    return writeAll(to, pass.constData(), pass.size());
}

} // namespace

Result<QByteArray> parseDetachKeys(const QString &keys)
{
    static const QString controls = QStringLiteral("@abcdefghijklmnopqrstuvwxyz[\\]^_");
    QByteArray bytes;
    for (const QString &key : keys.split(u',')) {
        if (key.size() == 1 && key[0].unicode() < 0x80)
            bytes += char(key[0].unicode());
        else if (key.size() == 6 && key.startsWith(u"ctrl-") && controls.contains(key[5]))
            bytes += char(controls.indexOf(key[5]));
        else
            return Error::invalidArgument(QCoreApplication::translate("Streams", "Invalid detach keys (%1) provided").arg(keys));
    }
    return bytes;
}

Result<QByteArray> detachKeysOf(const QCommandLineParser &flags)
{
    const QString option = QStringLiteral("detach-keys");
    return parseDetachKeys(flags.isSet(option) ? flags.value(option) : kDefaultDetachKeys);
}

Result<bool> sigProxyOf(const QCommandLineParser &flags)
{
    const QString value
        = flags.isSet(QStringLiteral("sig-proxy")) ? flags.value(QStringLiteral("sig-proxy")) : QStringLiteral("true");
    if (value == u"true" || value == u"1")
        return true;
    if (value == u"false" || value == u"0")
        return false;
    return Error::invalidArgument(
        QCoreApplication::translate("Streams", "invalid argument \"%1\" for \"--sig-proxy\" flag: true or false").arg(value));
}

std::function<void(int)> forwardSignalsTo(EngineClient &engine, const QString &container)
{
    return [&engine, container](int signal) {
        // As docker's: a signal the container cannot take any more is nobody's error.
        (void)engine.callContainers(QStringLiteral("KillContainer"),
                                    {container, QVariantMap{{QStringLiteral("signal"), QString::number(signal)}}});
    };
}

bool StreamPipes::pump(const PumpOptions &options)
{
    closeEngineEnds();
    int containerOut = std::exchange(m_fds[0], -1);
    int containerErr = std::exchange(m_fds[2], -1);
    int containerIn = std::exchange(m_fds[5], -1);
    int in = containerIn >= 0 ? STDIN_FILENO : -1;
    DetachKeyMatcher matcher(options.detachKeys);
    const int signals = m_signals ? m_signals->fd() : -1;
    const auto &done = options.done;
    while (containerOut >= 0 || containerErr >= 0) {
        pollfd fds[4] = {{containerOut, POLLIN, 0}, {containerErr, POLLIN, 0}, {in, POLLIN, 0}, {signals, POLLIN, 0}};
        const int ready = ::poll(fds, 4, done ? 5 : -1); // done() cannot wake poll: ask it often
        if (ready < 0 && errno != EINTR)
            break;
        if (ready == 0 && done && done()) {
            // The other side is finished: take what is still in the pipes, then stop.
            for (int fd : {containerOut, containerErr})
                if (fd >= 0)
                    ::fcntl(fd, F_SETFL, O_NONBLOCK);
            while (containerOut >= 0 && copyChunk(containerOut, STDOUT_FILENO)) { }
            while (containerErr >= 0 && copyChunk(containerErr, STDERR_FILENO)) { }
            break;
        }
        if (ready <= 0)
            continue;
        if (fds[0].revents && !copyChunk(containerOut, STDOUT_FILENO)) {
            ::close(containerOut);
            containerOut = -1;
        }
        if (fds[1].revents && !copyChunk(containerErr, STDERR_FILENO)) {
            ::close(containerErr);
            containerErr = -1;
        }
        if (fds[2].revents && !copyChunk(in, containerIn, &matcher)) {
            ::close(containerIn); // our input ended: so does the container's
            containerIn = -1;
            in = -1;
        }
        if (fds[3].revents)
            if (const int signal = m_signals->take())
                m_forward(signal);
        if (matcher.detached())
            break;
    }
    for (int fd : {containerOut, containerErr, containerIn})
        if (fd >= 0)
            ::close(fd);
    m_signals.reset(); // signals act again
    return matcher.detached();
}

RawTerminal::RawTerminal(bool wanted)
{
    static_assert(sizeof(termios) <= sizeof m_saved);
    termios current{};
    if (!wanted || !::isatty(STDIN_FILENO) || ::tcgetattr(STDIN_FILENO, &current) != 0)
        return;
    std::memcpy(m_saved, &current, sizeof current);
    ::cfmakeraw(&current);
    m_active = ::tcsetattr(STDIN_FILENO, TCSANOW, &current) == 0;
}

RawTerminal::~RawTerminal()
{
    if (m_active)
        ::tcsetattr(STDIN_FILENO, TCSANOW, reinterpret_cast<const termios *>(m_saved));
}

namespace {

int s_resizeWriteEnd = -1; // the live TerminalResizes's pipe, for the signal handler

void sendTerminalSize(int)
{
    const int saved = errno;
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
        const uint16_t record[2] = {size.ws_row, size.ws_col};
        [[maybe_unused]] const ssize_t sent = ::write(s_resizeWriteEnd, record, sizeof record);
    }
    errno = saved;
}

} // namespace

TerminalResizes::TerminalResizes(bool wanted)
{
    static_assert(sizeof(struct sigaction) <= sizeof m_savedAction);
    if (!wanted || !::isatty(STDOUT_FILENO) || s_resizeWriteEnd >= 0)
        return;
    // Non-blocking: a signal handler must never wait for the engine to read.
    if (::pipe2(m_fds, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    s_resizeWriteEnd = m_fds[1];
    struct sigaction action
    {
    };
    action.sa_handler = sendTerminalSize;
    action.sa_flags = SA_RESTART;
    ::sigemptyset(&action.sa_mask);
    ::sigaction(SIGWINCH, &action, reinterpret_cast<struct sigaction *>(m_savedAction));
}

TerminalResizes::~TerminalResizes()
{
    if (m_fds[1] < 0)
        return;
    ::sigaction(SIGWINCH, reinterpret_cast<const struct sigaction *>(m_savedAction), nullptr);
    s_resizeWriteEnd = -1;
    ::close(m_fds[1]);
    closeEngineEnd();
}

QVariantMap TerminalResizes::engineOptions() const
{
    if (m_fds[0] < 0)
        return {};
    return {{QStringLiteral("resize"), QVariant::fromValue(QDBusUnixFileDescriptor(m_fds[0]))}};
}

void TerminalResizes::closeEngineEnd()
{
    if (m_fds[0] >= 0)
        ::close(std::exchange(m_fds[0], -1));
}

ExitPipe::ExitPipe()
{
    if (::pipe2(m_fds, O_CLOEXEC) != 0)
        m_fds[0] = m_fds[1] = -1;
}

ExitPipe::~ExitPipe()
{
    closeEngineEnd();
    if (m_fds[0] >= 0)
        ::close(m_fds[0]);
}

QVariantMap ExitPipe::engineOptions(QVariantMap more) const
{
    if (m_fds[1] >= 0)
        more.insert(QStringLiteral("exit"), QVariant::fromValue(QDBusUnixFileDescriptor(m_fds[1])));
    return more;
}

void ExitPipe::closeEngineEnd()
{
    if (m_fds[1] >= 0)
        ::close(std::exchange(m_fds[1], -1));
}

std::optional<int> ExitPipe::exitCode()
{
    if (m_fds[0] < 0)
        return std::nullopt;
    // One line; read to its end rather than to the pipe's, which other copies of the write
    // end (in the engine's messages) may keep open a while longer.
    QByteArray answer;
    char buffer[512];
    while (!answer.endsWith('\n')) {
        const ssize_t got = ::read(m_fds[0], buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        answer.append(buffer, got);
    }
    const QJsonObject end = QJsonDocument::fromJson(answer).object();
    if (!end.value(QStringLiteral("StatusCode")).isDouble())
        return std::nullopt;
    return end.value(QStringLiteral("StatusCode")).toInt();
}

std::pair<int, int> terminalSize()
{
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0)
        return {0, 0};
    return {size.ws_row, size.ws_col};
}

} // namespace berth::cli
