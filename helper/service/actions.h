#pragma once

// The polkit actions of Berth.  Ids follow risk, not method names: one id covers every method
// with the same consequences, and the dangerous variants of an operation get their own id.
// resources/org.berth.policy declares them with their defaults and messages.

#include <QString>

namespace berth {

enum class Action {
    Observe, // list, inspect, logs, stats, events
    ImagePull, // bring images onto the machine
    ContainerRun, // create and run containers with the default profile
    Build, // build images
    NetworkManage, // publish ports, create and change networks
    ContainerPrivileged, // --privileged, extra capabilities, host namespaces, devices
    HostMount, // bind mounts of host paths
    RegistrySettings, // mirrors, insecure registries, CA certificates
    EngineSettings, // the engine's own settings, other users' jobs
    Count
};

// "org.berth.observe", ...
QString actionId(Action action);

// What the action lets a caller do, for messages: "observe containers and images".
QString actionPurpose(Action action);

} // namespace berth
