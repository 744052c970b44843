// The entry point of berth-registry.so (registry.h says why registries are a module).

#include "registryclient.h"

#include <type_traits>

extern "C" Q_DECL_EXPORT berth::Registry *berth_registry_open(const QString &registry, const berth::RegistryAccess &access,
                                                              const std::atomic<bool> *cancelled)
{
    return new berth::RegistryClient(registry, access, cancelled);
}

static_assert(std::is_same_v<decltype(&berth_registry_open), berth::OpenRegistryFunction>);
