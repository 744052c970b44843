#pragma once

// RegistryClient: the Registry (registry.h) over HTTP with Qt Network, the code of the module
// berth-registry.so: the /v2/ ping, manifests by tag or digest (OCI and Docker media types),
// blobs streamed into the blob store, each verified by its digest as it is written; and for a
// push, blob existence checks, uploads streamed from the store, and the manifest PUT.  It
// runs on a job's worker thread with a QNetworkAccessManager of its own, waiting for each
// answer in a local event loop, so the engine's thread never waits on the network.
//
// TLS first, verified against the system's CAs and the registry's own in registry-certs-dir.
// A registry that does not speak TLS is spoken to over plain HTTP only when it is on the
// loopback interface or listed in insecure-registries; only a listed one is spared the
// certificate check (docker spares loopback registries too; Berth does not).

#include "registry/registry.h"

#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>

class QIODevice;
class QNetworkReply;
class QNetworkRequest;

namespace berth {

class BlobWriter;

class RegistryClient final : public Registry
{
public:
    RegistryClient(const QString &registry, RegistryAccess access, const std::atomic<bool> *cancelled);
    ~RegistryClient() override;

    void setScope(const QString &repository, bool push) override;
    Result<void> ping() override;
    Result<void> login() override;
    Result<FetchedManifest> manifest(const QString &repository, const QString &reference) override;
    Result<Digest> blob(const QString &repository, const oci::Descriptor &descriptor, BlobStore &blobs,
                        const std::function<void(qint64)> &progress,
                        const std::function<void(int seconds)> &retrying = {}) override;
    Result<QStringList> catalog(int limit) override;
    Result<QStringList> tags(const QString &repository) override;
    Result<bool> hasBlob(const QString &repository, const Digest &digest) override;
    Result<QString> pushBlob(const QString &repository, const Digest &digest, int fd, qint64 size, const QStringList &mountFrom,
                             const std::function<void(qint64)> &progress) override;
    Result<Digest> putManifest(const QString &repository, const QString &tag, const QByteArray &bytes,
                               const QString &mediaType) override;

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
        QByteArray link; // Link, for the next page
        QByteArray range; // Range, of an upload's bytes the registry holds
        QString interrupted; // why the connection broke after the answer began, if it did
    };
    // A body streamed as it arrives: each piece with its offset in the whole (a 206 answer's
    // Content-Range start, else 0).
    using BodySink = std::function<Result<void>(qint64 offset, QByteArrayView bytes)>;
    Result<Answer> fetch(QNetworkRequest request, qint64 maxBytes, const BodySink &sink = {});
    // One request with its authentication (a 401's challenge answered once) and redirects.
    Result<Answer> send(const QByteArray &verb, QNetworkRequest request, QIODevice *body, qint64 maxBytes,
                        const BodySink &sink = {}, const std::function<void(qint64)> &sent = {});
    // One HTTP exchange, as it is.
    Result<Answer> exchange(const QByteArray &verb, QNetworkRequest request, QIODevice *body, qint64 maxBytes,
                            const BodySink &sink, const std::function<void(qint64)> &sent);
    // One attempt at a blob, from `writer`'s current length on (a Range request).
    Result<Answer> fetchBlobFrom(const QString &repository, const oci::Descriptor &descriptor, BlobStore &blobs,
                                 std::optional<BlobWriter> &writer, qint64 &received,
                                 const std::function<void(qint64)> &progress);
    // An upload session (POST …/blobs/uploads/), asking for a mount from `mountFrom` if set:
    // 201 when mounted, else 202 and the session's URL in `location`.
    Result<Answer> startUpload(const QString &repository, const Digest &digest, const QString &mountFrom);
    // The chunks of a large blob: PATCH by PATCH, resumed at the offset the registry reports.
    Result<QUrl> uploadChunks(QUrl session, const Digest &digest, int fd, qint64 size,
                              const std::function<void(qint64)> &progress);
    // Waits `seconds` unless the job is cancelled first.
    bool pause(int seconds) const;
    Result<void> authenticate(const QByteArray &challenge);
    Error httpError(const Answer &answer, const QString &what) const;

    QString m_host;
    QString m_scheme = QStringLiteral("https");
    bool m_insecure; // listed in insecure-registries: TLS errors ignored, plain HTTP allowed
    bool m_plainAllowed; // insecure, or on loopback
    QSslConfiguration m_tls;
    QList<QSslError> m_sslErrors; // of the last exchange
    std::optional<RegistryCredentials> m_credentials;
    QByteArray m_authorization; // the header the registry accepted
    QString m_scope;
    const std::atomic<bool> *m_cancelled;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

// docker's rule: a registry on this machine's loopback may be spoken to over plain HTTP.
bool isLoopbackRegistry(const QString &host);

} // namespace berth
