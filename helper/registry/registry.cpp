#include "registry.h"

#include <QCoreApplication>
#include <QLibrary>

namespace berth {
namespace {

// Beside the helper, as berth-runtime is: the engine loads nothing from elsewhere.
class RegistryModule
{
public:
    RegistryModule()
        : m_library(QCoreApplication::applicationDirPath() + QStringLiteral("/berth-registry.so"))
    {
        if (m_library.load())
            m_open = reinterpret_cast<OpenRegistryFunction>(m_library.resolve(kOpenRegistrySymbol));
    }

    Result<std::unique_ptr<Registry>> open(const QString &registry, const RegistryAccess &access,
                                           const std::atomic<bool> *cancelled) const
    {
        if (!m_open)
            return Error::unavailable(
                QStringLiteral("cannot load Berth's registry support: %1; reinstall Berth").arg(m_library.errorString()));
        return std::unique_ptr<Registry>(m_open(registry, access, cancelled));
    }

private:
    QLibrary m_library;
    OpenRegistryFunction m_open = nullptr;
};

} // namespace

Result<std::unique_ptr<Registry>> openRegistry(const QString &registry, const RegistryAccess &access,
                                               const std::atomic<bool> *cancelled)
{
    static const RegistryModule module; // loaded once, by whichever thread asks first
    return module.open(registry, access, cancelled);
}

} // namespace berth
