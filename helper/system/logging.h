#pragma once

// Where the helper's messages go: stderr always, and the journal when one listens.

namespace berth {

void installLogHandler();

} // namespace berth
