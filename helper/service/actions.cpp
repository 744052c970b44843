#include "actions.h"

#include <array>
#include <utility>

namespace berth {
namespace {

struct ActionName
{
    Action action;
    const char *id;
    const char *purpose;
};

constexpr ActionName kActions[] = {
    {Action::Observe, "org.berth.observe", "observe containers, images and events"},
    {Action::ImagePull, "org.berth.image-pull", "pull images"},
    {Action::ContainerRun, "org.berth.container-run", "run containers"},
    {Action::Build, "org.berth.build", "build images"},
    {Action::NetworkManage, "org.berth.network-manage", "publish ports and manage networks"},
    {Action::ContainerPrivileged, "org.berth.container-privileged", "run privileged containers"},
    {Action::HostMount, "org.berth.host-mount", "mount host paths into containers"},
    {Action::RegistrySettings, "org.berth.registry-settings", "change registry settings"},
    {Action::EngineSettings, "org.berth.engine-settings", "change the engine's settings"},
};
static_assert(std::size(kActions) == std::size_t(Action::Count), "every Action needs a polkit id");

constexpr bool tableFollowsEnumOrder()
{
    for (std::size_t i = 0; i < std::size(kActions); ++i)
        if (kActions[i].action != Action(i))
            return false;
    return true;
}
static_assert(tableFollowsEnumOrder(), "kActions must list the actions in enum order");

} // namespace

QString actionId(Action action)
{
    return QString::fromLatin1(kActions[std::size_t(action)].id);
}

QString actionPurpose(Action action)
{
    return QString::fromLatin1(kActions[std::size_t(action)].purpose);
}

} // namespace berth
