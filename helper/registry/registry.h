#pragma once

// Registry: the Distribution (OCI) API as pull, push, login and search need it.  Its one
// implementation, RegistryClient (registryclient.h), lives in a module of its own,
// berth-registry.so beside the helper, which openRegistry() loads at the first registry call:
// the client brings Qt Network and with it Kerberos, proxy and compression libraries, 1.2 MiB
// of resident memory that an engine which has not spoken to a registry need not carry.  Once
// loaded the module stays (Qt Network and its TLS back end cannot be unloaded safely).
//
//     auto registry = openRegistry(u"127.0.0.1:5000"_s, access, &cancelled);
//     if (!registry)
//         return registry.error();
//     auto manifest = (*registry)->manifest(u"library/busybox"_s, u"latest"_s);
//     auto layer = (*registry)->blob(u"library/busybox"_s, descriptor, blobs, progress);
//
// A registry is used from one thread, the one that opened it (a job's worker thread, never the
// engine's): it waits for each answer in a local event loop.

#include "image/digest.h"
#include "image/imagetypes.h"
#include "registry/dockerconfig.h"
#include "result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace berth {

class BlobStore;

// How to reach registries: the person's credentials for this one (handed in with the job; used
// only when the registry asks (Basic) or for its token service (Bearer), never sent
// elsewhere, not to mirrors either) and engine.json's insecure-registries, registry-certs-dir,
// registry-mirrors and max-concurrent-downloads.
struct RegistryAccess
{
    std::optional<RegistryCredentials> credentials;
    QStringList insecureRegistries;
    QString certsDirectory;
    QStringList mirrors; // of Docker Hub, as URLs: "https://mirror.example.com"
    int maxConcurrentDownloads = 3; // blobs a pull downloads at once
};

struct FetchedManifest
{
    QByteArray bytes;
    QString mediaType;
    Digest digest = Digest::ofBytes({});
};

class Registry
{
public:
    virtual ~Registry() = default;

    // The access a Bearer token is asked for ("repository:<name>:pull" or ":pull,push").
    virtual void setScope(const QString &repository, bool push) = 0;

    // Whether the registry speaks the v2 API; NotFound for a registry that does not.
    virtual Result<void> ping() = 0;
    // `docker login`: the registry accepts these credentials (or needs none).
    virtual Result<void> login() = 0;
    // By tag or by digest; a manifest named by digest must hash to it.
    virtual Result<FetchedManifest> manifest(const QString &repository, const QString &reference) = 0;
    // Streams the blob into the store; its size and digest are checked before it is kept.
    // `progress` gets the bytes received so far.  A connection that breaks or a registry
    // that fails (5xx) is tried again after a pause (`retrying` is told how long), up to
    // kBlobAttempts times, resuming where it broke off with a Range request.
    static constexpr int kBlobAttempts = 5;
    virtual Result<Digest> blob(const QString &repository, const oci::Descriptor &descriptor, BlobStore &blobs,
                                const std::function<void(qint64)> &progress,
                                const std::function<void(int seconds)> &retrying = {})
        = 0;

    // Search: the registry's repositories (its catalog, up to `limit`) and a repository's tags.
    virtual Result<QStringList> catalog(int limit) = 0;
    virtual Result<QStringList> tags(const QString &repository) = 0;

    // Push: whether the repository has the blob (HEAD); a blob's upload from a file descriptor
    // of the store, or rather a mount from one of `mountFrom` (other repositories of the
    // registry that may have it), which returns the repository it was mounted from; the
    // manifest under a tag (the digest the registry stored it by).  Blobs up to
    // kMonolithicUpload go in one PUT; larger ones in chunks of that size, each sent again
    // from where the registry says it stopped when the connection breaks.
    static constexpr qint64 kMonolithicUpload = 16 * 1024 * 1024;
    virtual Result<bool> hasBlob(const QString &repository, const Digest &digest) = 0;
    virtual Result<QString> pushBlob(const QString &repository, const Digest &digest, int fd, qint64 size,
                                     const QStringList &mountFrom, const std::function<void(qint64)> &progress)
        = 0;
    virtual Result<Digest> putManifest(const QString &repository, const QString &tag, const QByteArray &bytes,
                                       const QString &mediaType)
        = 0;
};

// `registry`: as image references name it ("docker.io", "127.0.0.1:5000"), or a mirror's URL
// ("https://mirror.example.com"), spoken to by its scheme only.  `cancelled`, when set, stops
// a transfer between two pieces of it.  Unavailable when the module cannot be loaded.
Result<std::unique_ptr<Registry>> openRegistry(const QString &registry, const RegistryAccess &access,
                                               const std::atomic<bool> *cancelled);

// The module's entry point, resolved by openRegistry().
using OpenRegistryFunction
    = Registry *(*)(const QString &registry, const RegistryAccess &access, const std::atomic<bool> *cancelled);
inline constexpr char kOpenRegistrySymbol[] = "berth_registry_open";

} // namespace berth
