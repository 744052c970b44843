#pragma once

// The CLI's end of the streams the engine writes and reads over passed file descriptors:
// pipes, and a loop that moves their bytes to and from our own stdio until the engine closes
// its side.

#include <functional>
#include <utility>

namespace berth::cli {

struct Pipe
{
    int read = -1;
    int write = -1;
};

// A pipe, close-on-exec; -1s when none could be made.
Pipe makePipe();

// Copies `containerOut` to our stdout and `containerErr` to our stderr until both end, or,
// with `done`, until it says so and what is left has been read; with `containerIn` >= 0,
// copies our stdin into it and closes it when our stdin ends.  Closes the descriptors it was
// given.
// With `detachKeys`, ctrl-p ctrl-q in our input stops it early (docker's detach keys); returns
// whether that happened.
bool pumpStreams(int containerOut, int containerErr, int containerIn = -1, const std::function<bool()> &done = {},
                 bool detachKeys = false);

// Puts our terminal in raw mode while it lives (when stdin is a terminal), as docker does for
// -it, so keys reach the container's terminal unchanged; restores it after.
class RawTerminal
{
public:
    RawTerminal();
    ~RawTerminal();
    RawTerminal(const RawTerminal &) = delete;
    RawTerminal &operator=(const RawTerminal &) = delete;

private:
    bool m_active = false;
    char m_saved[64] = {}; // a struct termios
};

// Our terminal's size (rows, columns), or 0, 0 when stdout is none.
std::pair<int, int> terminalSize();

} // namespace berth::cli
