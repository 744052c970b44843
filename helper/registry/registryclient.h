#pragma once

// RegistryClient: the Distribution (OCI) API as pull and push need it: the /v2/ ping,
// manifests by tag or digest (OCI and Docker media types), blobs streamed into the blob store,
// each verified by its digest as it is written; and for a push, blob existence checks,
// monolithic uploads streamed from the store, and the manifest PUT.  It runs on a job's worker thread with a
// QNetworkAccessManager of its own, waiting for each answer in a local event loop, so the
// engine's thread never waits on the network.
//
//     RegistryClient registry(u"127.0.0.1:5000"_s, &cancelled);
//     auto manifest = registry.manifest(u"library/busybox"_s, u"latest"_s);
//     auto layer = registry.blob(u"library/busybox"_s, descriptor, blobs, progress);
//
// Plain HTTP is used only for registries on the loopback interface (docker treats those as
// insecure by default too); every other registry is reached over verified TLS.

#include "image/digest.h"
#include "image/imagetypes.h"
#include "registry/dockerconfig.h"
#include "result.h"

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QIODevice;
class QNetworkReply;
class QNetworkRequest;

namespace berth {

class BlobStore;

struct FetchedManifest
{
    QByteArray bytes;
    QString mediaType;
    Digest digest = Digest::ofBytes({});
};

class RegistryClient
{
public:
    // `credentials`: the person's for this registry, handed in with the job; used only when
    // the registry asks (Basic) or for its token service (Bearer), and never sent elsewhere.
    RegistryClient(QString host, std::optional<RegistryCredentials> credentials, const std::atomic<bool> *cancelled);
    ~RegistryClient();

    // The access a Bearer token is asked for ("repository:<name>:pull" or ":pull,push").
    void setScope(const QString &repository, bool push);

    // Whether the registry speaks the v2 API; NotFound for a registry that does not.
    Result<void> ping();
    // `docker login`: the registry accepts these credentials (or needs none).
    Result<void> login();
    // By tag or by digest; a manifest named by digest must hash to it.
    Result<FetchedManifest> manifest(const QString &repository, const QString &reference);
    // Streams the blob into the store; its size and digest are checked before it is kept.
    // `progress` gets the bytes received so far.
    Result<Digest> blob(const QString &repository, const oci::Descriptor &descriptor, BlobStore &blobs,
                        const std::function<void(qint64)> &progress);

    // Push: whether the repository has the blob (HEAD), a blob's upload from a file descriptor
    // of the store, the manifest under a tag (the digest the registry stored it by).
    Result<bool> hasBlob(const QString &repository, const Digest &digest);
    Result<void> uploadBlob(const QString &repository, const Digest &digest, int fd, qint64 size,
                            const std::function<void(qint64)> &progress);
    Result<Digest> putManifest(const QString &repository, const QString &tag, const QByteArray &bytes, const QString &mediaType);

private:
    QUrl url(const QString &path) const;
    // Sends the request and waits for the reply's end (or cancellation); `chunk` gets the body
    // as it arrives when set, else the body is collected up to `maxBytes`.
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QString contentType;
        QUrl location;
        QString digest; // Docker-Content-Digest
        QByteArray challenge; // WWW-Authenticate
    };
    Result<Answer> fetch(QNetworkRequest request, qint64 maxBytes, const std::function<Result<void>(QByteArrayView)> &chunk = {});
    // One request with its authentication (a 401's challenge answered once) and redirects.
    Result<Answer> send(const QByteArray &verb, QNetworkRequest request, QIODevice *body, qint64 maxBytes,
                        const std::function<Result<void>(QByteArrayView)> &chunk = {},
                        const std::function<void(qint64)> &sent = {});
    // One HTTP exchange, as it is.
    Result<Answer> exchange(const QByteArray &verb, QNetworkRequest request, QIODevice *body, qint64 maxBytes,
                            const std::function<Result<void>(QByteArrayView)> &chunk, const std::function<void(qint64)> &sent);
    Result<void> authenticate(const QByteArray &challenge);
    Error httpError(const Answer &answer, const QString &what) const;

    QString m_host;
    bool m_plainHttp;
    std::optional<RegistryCredentials> m_credentials;
    QByteArray m_authorization; // the header the registry accepted
    QString m_scope;
    const std::atomic<bool> *m_cancelled;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

// docker's rule: a registry on this machine's loopback may be spoken to over plain HTTP.
bool isLoopbackRegistry(const QString &host);

} // namespace berth
