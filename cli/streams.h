#pragma once

// The CLI's end of the streams the engine writes and reads over passed file descriptors:
// pipes, and a loop that moves their bytes to and from our own stdio until the engine closes
// its side.

#include "result.h"

#include <QVariantMap>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

class QCommandLineParser;

namespace berth::cli {

class CaughtSignals;
class EngineClient;

// How StreamPipes::pump() runs.  It copies the container's stdout and stderr to ours and our
// stdin (when attached) to the container's, closing the container's stdin when ours ends, and
// stops when the engine has closed both output streams, or:
struct PumpOptions
{
    // when this says the other side is finished (and what is left has been read);
    std::function<bool()> done = {};
    // or when these keys are typed (docker's detach keys, which the container never sees).
    QByteArray detachKeys = {};
};

// The pipes of one call that streams: the engine writes the container's stdout and stderr
// into two of them and reads its stdin from the third.  Whatever is still open closes with it.
//
//     StreamPipes pipes(withStdin);
//     auto reply = engine.call(..., {id, pipes.engineOptions()});   // the engine's ends sent
//     pipes.closeEngineEnds();                                      // so the streams can end
//     if (reply) pipes.pump();
class StreamPipes
{
public:
    explicit StreamPipes(bool withStdin);
    ~StreamPipes();
    StreamPipes(const StreamPipes &) = delete;
    StreamPipes &operator=(const StreamPipes &) = delete;

    // The engine's ends: "stdout", "stderr" and, with stdin, "stdin", as D-Bus file descriptors,
    // with `more` options.  They hold duplicates: let them go with the call, so streams can end.
    QVariantMap engineOptions(QVariantMap more = {}) const;
    QVariant engineStdout() const;
    QVariant engineStderr() const;
    // A message holds duplicates of what it sends; our own copies must go once it is sent.
    void closeEngineEnds();
    // From now until the streams end, the signals the CLI gets (HUP, INT, QUIT, TERM, USR1,
    // USR2, ALRM) go to `forward` instead of ending the CLI: docker's --sig-proxy.  Call it
    // before the container starts, so no signal falls in between.
    void forwardSignals(std::function<void(int signal)> forward);
    // Streams until the end (see PumpOptions); returns whether the detach keys stopped it.
    bool pump(const PumpOptions &options = {});

private:
    int m_fds[6] = {-1, -1, -1, -1, -1, -1}; // out read/write, err read/write, in read/write
    std::unique_ptr<CaughtSignals> m_signals;
    std::function<void(int)> m_forward;
};

// docker's --detach-keys: keys separated by commas, each a single character or ctrl-<c> for
// c in a-z, @, [, \, ], ^, _ (e.g. "ctrl-p,ctrl-q", the default, or "ctrl-a,d").
inline const QString kDefaultDetachKeys = QStringLiteral("ctrl-p,ctrl-q");
Result<QByteArray> parseDetachKeys(const QString &keys);
// The keys of a command's --detach-keys option, or the default.
Result<QByteArray> detachKeysOf(const QCommandLineParser &flags);

// docker's --sig-proxy option (default true).
Result<bool> sigProxyOf(const QCommandLineParser &flags);
// For StreamPipes::forwardSignals: each signal sent to the container (KillContainer).
std::function<void(int)> forwardSignalsTo(EngineClient &engine, const QString &container);

// Puts our terminal in raw mode while it lives (when `wanted` and stdin is a terminal), as
// docker does for -it, so keys reach the container's terminal unchanged; restores it after.
class RawTerminal
{
public:
    explicit RawTerminal(bool wanted);
    ~RawTerminal();
    RawTerminal(const RawTerminal &) = delete;
    RawTerminal &operator=(const RawTerminal &) = delete;

private:
    bool m_active = false;
    char m_saved[64] = {}; // a struct termios
};

// While it lives (when `wanted` and stdout is a terminal), sends our terminal's new size to
// the engine each time it changes (SIGWINCH), over the pipe ExecContainer reads as "resize".
class TerminalResizes
{
public:
    explicit TerminalResizes(bool wanted);
    ~TerminalResizes();
    TerminalResizes(const TerminalResizes &) = delete;
    TerminalResizes &operator=(const TerminalResizes &) = delete;

    // {"resize": the pipe's read end}, or nothing when not wanted.
    QVariantMap engineOptions() const;
    void closeEngineEnd();

private:
    int m_fds[2] = {-1, -1};
    char m_savedAction[256] = {}; // a struct sigaction
};

// A pipe on which the engine tells a started container's end (StartContainer's "exit"), so
// `run` and `start -a` learn the exit code without a WaitContainer call of their own.
class ExitPipe
{
public:
    ExitPipe();
    ~ExitPipe();
    ExitPipe(const ExitPipe &) = delete;
    ExitPipe &operator=(const ExitPipe &) = delete;

    // `more` with {"exit": the pipe's write end}.
    QVariantMap engineOptions(QVariantMap more = {}) const;
    void closeEngineEnd();
    // Blocks until the engine writes the end or lets go of the pipe: the container's exit
    // code, or nothing when the engine stopped first (ask WaitContainer then).
    std::optional<int> exitCode();

private:
    int m_fds[2] = {-1, -1};
};

// Our terminal's size (rows, columns), or 0, 0 when stdout is none.
std::pair<int, int> terminalSize();

} // namespace berth::cli
