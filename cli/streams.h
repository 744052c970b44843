#pragma once

// The CLI's end of the streams the engine writes and reads over passed file descriptors:
// pipes, and a loop that moves their bytes to and from our own stdio until the engine closes
// its side.

#include "result.h"

#include <QVariantMap>

class QCommandLineParser;

#include <functional>
#include <utility>

namespace berth::cli {

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
    // pumpStreams() on our ends.
    bool pump(const std::function<bool()> &done = {}, const QByteArray &detachKeys = {});

private:
    int m_fds[6] = {-1, -1, -1, -1, -1, -1}; // out read/write, err read/write, in read/write
};

// Copies `containerOut` to our stdout and `containerErr` to our stderr until both end, or,
// with `done`, until it says so and what is left has been read; with `containerIn` >= 0,
// copies our stdin into it and closes it when our stdin ends.  Closes the descriptors it was
// given.
// With `detachKeys`, that sequence in our input stops it early (docker's detach keys, which
// the container never sees); returns whether that happened.
bool pumpStreams(int containerOut, int containerErr, int containerIn = -1, const std::function<bool()> &done = {},
                 const QByteArray &detachKeys = {});

// docker's --detach-keys: keys separated by commas, each a single character or ctrl-<c> for
// c in a-z, @, [, \, ], ^, _ (e.g. "ctrl-p,ctrl-q", the default, or "ctrl-a,d").
inline const QString kDefaultDetachKeys = QStringLiteral("ctrl-p,ctrl-q");
Result<QByteArray> parseDetachKeys(const QString &keys);
// The keys of a command's --detach-keys option, or the default.
Result<QByteArray> detachKeysOf(const QCommandLineParser &flags);

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

// Our terminal's size (rows, columns), or 0, 0 when stdout is none.
std::pair<int, int> terminalSize();

} // namespace berth::cli
