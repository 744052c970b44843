#pragma once

// The CLI's end of the streams the engine writes and reads over passed file descriptors:
// pipes, and a loop that moves their bytes to and from our own stdio until the engine closes
// its side.

#include <functional>

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
void pumpStreams(int containerOut, int containerErr, int containerIn = -1, const std::function<bool()> &done = {});

} // namespace berth::cli
