#pragma once

// The authorization table: which polkit action each method of org.berth.Engine1 needs, with
// which options.  A method missing here is refused by the Gate, whatever the XML declares.

namespace berth {

class ContainerEngine;
class Gate;
class JobManager;

void addMethodRules(Gate &gate, const JobManager &jobs, const ContainerEngine &containers);

} // namespace berth
