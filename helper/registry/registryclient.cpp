#include "registryclient.h"

#include "store/blobstore.h"

#include <QBuffer>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <unistd.h>

namespace berth {
namespace {

constexpr int kPollCancelMs = 200;

// "bytes 100-199/1000" -> 100; a range that does not parse is -1, which matches no offset.
qint64 rangeStart(const QByteArray &contentRange)
{
    static const QRegularExpression range(QStringLiteral("^bytes (\\d+)-\\d+/(\\d+|\\*)$"));
    const auto match = range.match(QString::fromLatin1(contentRange).trimmed());
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

const QStringList &manifestTypes()
{
    static const QStringList types{oci::media::kManifest, oci::media::kIndex, oci::media::kDockerManifest,
                                   oci::media::kDockerList};
    return types;
}

// A part of a file read with pread, as the body of a request.
class FileSlice : public QIODevice
{
public:
    FileSlice(int fd, qint64 offset, qint64 size)
        : m_fd(fd)
    {
        setSlice(offset, size);
    }
    void setSlice(qint64 offset, qint64 size)
    {
        m_offset = offset;
        m_size = size;
        close();
        open(QIODevice::ReadOnly | QIODevice::Unbuffered); // reads at pos(), with no read-ahead
    }
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 wanted = qMin(maxSize, m_size - pos());
        if (wanted <= 0)
            return wanted == 0 ? 0 : -1;
        const ssize_t got = ::pread(m_fd, data, size_t(wanted), m_offset + pos());
        return got < 0 ? -1 : qint64(got);
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    int m_fd;
    qint64 m_offset = 0;
    qint64 m_size = 0;
};

} // namespace

bool isLoopbackRegistry(const QString &host)
{
    QString name = host;
    if (name.startsWith(u'[')) // [::1]:5000
        name = name.mid(1, name.indexOf(u']') - 1);
    else if (name.count(u':') == 1)
        name = name.section(u':', 0, 0);
    if (name == u"localhost")
        return true;
    const QHostAddress address(name);
    return !address.isNull() && address.isLoopback();
}

RegistryClient::RegistryClient(const QString &registry, RegistryAccess access, const std::atomic<bool> *cancelled)
    // Docker Hub's images are named "docker.io/…" but served from its own host.
    : m_host(registry == u"docker.io" ? QStringLiteral("registry-1.docker.io") : registry)
    , m_insecure(access.insecureRegistries.contains(m_host))
    , m_plainAllowed(m_insecure || isLoopbackRegistry(m_host))
    , m_tls(QSslConfiguration::defaultConfiguration())
    , m_credentials(std::move(access.credentials))
    , m_cancelled(cancelled)
    , m_network(std::make_unique<QNetworkAccessManager>())
{
    if (const QUrl endpoint(registry); endpoint.scheme() == u"https" || endpoint.scheme() == u"http") {
        m_host = endpoint.authority();
        m_scheme = endpoint.scheme();
        m_insecure = access.insecureRegistries.contains(m_host);
        m_plainAllowed = false; // a URL's scheme is the only one tried
    }
    // docker's layout: <dir>/<host:port>/ca.crt (any *.crt there).
    if (!access.certsDirectory.isEmpty())
        m_tls.addCaCertificates(access.certsDirectory + u'/' + m_host + QStringLiteral("/*.crt"), QSsl::Pem,
                                QSslCertificate::PatternSyntax::Wildcard);
    // Redirects are followed by send(), which keeps credentials from other hosts.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

void RegistryClient::setScope(const QString &repository, bool push)
{
    m_scope = QStringLiteral("repository:%1:%2").arg(repository, push ? QStringLiteral("pull,push") : QStringLiteral("pull"));
}

RegistryClient::~RegistryClient() = default;

QUrl RegistryClient::url(const QString &path) const
{
    return QUrl(m_scheme + QStringLiteral("://") + m_host + path);
}

Result<RegistryClient::Answer> RegistryClient::fetch(QNetworkRequest request, qint64 maxBytes, const BodySink &sink)
{
    return send(QByteArrayLiteral("GET"), std::move(request), nullptr, maxBytes, sink);
}

Result<RegistryClient::Answer> RegistryClient::send(const QByteArray &verb, QNetworkRequest request, QIODevice *body,
                                                    qint64 maxBytes, const BodySink &sink,
                                                    const std::function<void(qint64)> &sent)
{
    bool authenticated = false;
    for (int hop = 0;; ++hop) {
        // Credentials go to the registry itself only, never to where it redirects.
        const bool registryItself = request.url().authority() == m_host;
        if (registryItself && !m_authorization.isEmpty())
            request.setRawHeader("Authorization", m_authorization);
        else
            request.setRawHeader("Authorization", QByteArray());
        if (body)
            body->seek(0);
        auto answer = exchange(verb, request, body, maxBytes, sink, sent);
        if (!answer)
            return answer;
        if (answer->status == 401 && registryItself && !authenticated && !answer->challenge.isEmpty()) {
            authenticated = true;
            if (auto granted = authenticate(answer->challenge); !granted)
                return granted.error();
            continue;
        }
        const bool redirect = answer->status == 301 || answer->status == 302 || answer->status == 303 || answer->status == 307
            || answer->status == 308;
        if (!redirect || !answer->location.isValid())
            return answer;
        const QUrl target = request.url().resolved(answer->location);
        if (hop >= 5)
            return Error::unavailable(QStringLiteral("the registry %1 redirected too often").arg(m_host));
        if (request.url().scheme() == u"https" && target.scheme() != u"https")
            return Error::permissionDenied(QStringLiteral("the registry %1 redirected from HTTPS to %2; Berth does not follow")
                                               .arg(m_host, target.toString()));
        request.setUrl(target);
    }
}

Result<void> RegistryClient::authenticate(const QByteArray &challenge)
{
    const QString scheme = QString::fromLatin1(challenge).section(u' ', 0, 0).toLower();
    QMap<QString, QString> parameters;
    static const QRegularExpression pair(QStringLiteral("(\\w+)=\"([^\"]*)\""));
    for (auto it = pair.globalMatch(QString::fromLatin1(challenge)); it.hasNext();) {
        const auto match = it.next();
        parameters.insert(match.captured(1).toLower(), match.captured(2));
    }
    const QByteArray basic = m_credentials
        ? "Basic " + (m_credentials->username + u':' + m_credentials->password).toUtf8().toBase64()
        : QByteArray();
    if (scheme == u"basic") {
        if (basic.isEmpty())
            return Error::permissionDenied(
                QStringLiteral("the registry %1 wants credentials: log in with `berth login %1`").arg(m_host));
        m_authorization = basic;
        return {};
    }
    if (scheme != u"bearer" || parameters.value(QStringLiteral("realm")).isEmpty())
        return Error::notSupported(QStringLiteral("the registry %1 asks for an authentication Berth does not know: %2")
                                       .arg(m_host, QString::fromLatin1(challenge.left(100))));
    // A token for the repository from the registry's token service, with the person's
    // credentials when there are any (anonymous otherwise).
    QUrl realm(parameters.value(QStringLiteral("realm")));
    QUrlQuery query(realm);
    if (parameters.contains(QStringLiteral("service")))
        query.addQueryItem(QStringLiteral("service"), parameters.value(QStringLiteral("service")));
    query.addQueryItem(QStringLiteral("scope"), parameters.value(QStringLiteral("scope"), m_scope));
    realm.setQuery(query);
    if (realm.scheme() != u"https" && !(realm.scheme() == u"http" && isLoopbackRegistry(realm.authority())))
        return Error::permissionDenied(
            QStringLiteral("the registry %1 names a token service without TLS: %2").arg(m_host, realm.toString()));
    QNetworkRequest tokenRequest(realm);
    if (!basic.isEmpty())
        tokenRequest.setRawHeader("Authorization", basic);
    auto answer = exchange(QByteArrayLiteral("GET"), tokenRequest, nullptr, 64 * 1024, {}, {});
    if (!answer)
        return answer.error();
    if (answer->status == 401 || answer->status == 403)
        return Error::permissionDenied(
            basic.isEmpty()
                ? QStringLiteral("the registry %1 wants credentials: log in with `berth login %1`").arg(m_host)
                : QStringLiteral("the registry %1 refused the credentials: log in again with `berth login %1`").arg(m_host));
    if (answer->status != 200)
        return httpError(*answer, QStringLiteral("the token service of %1").arg(m_host));
    const auto json = oci::Json::parse(answer->body.constData(), answer->body.constData() + answer->body.size(), nullptr, false);
    for (const char *key : {"token", "access_token"})
        if (json.is_object() && json.contains(key) && json[key].is_string() && !json[key].get<std::string>().empty()) {
            m_authorization = "Bearer " + QByteArray::fromStdString(json[key].get<std::string>());
            return {};
        }
    return Error::invalidArgument(QStringLiteral("the token service of %1 gave no token").arg(m_host));
}

Result<RegistryClient::Answer> RegistryClient::exchange(const QByteArray &verb, QNetworkRequest request, QIODevice *body,
                                                        qint64 maxBytes, const BodySink &sink,
                                                        const std::function<void(qint64)> &sent)
{
    request.setTransferTimeout(60000);
    request.setSslConfiguration(m_tls);
    m_sslErrors.clear();
    // HEAD through head(): an answer to a custom verb is expected to carry the body it announces.
    std::unique_ptr<QNetworkReply> reply(verb == "HEAD"      ? m_network->head(request)
                                             : verb == "GET" ? m_network->get(request)
                                                             : m_network->sendCustomRequest(request, verb, body));
    QObject::connect(reply.get(), &QNetworkReply::sslErrors, reply.get(), [this, &reply](const QList<QSslError> &errors) {
        m_sslErrors = errors;
        if (m_insecure)
            reply->ignoreSslErrors();
    });
    if (sent)
        QObject::connect(reply.get(), &QNetworkReply::uploadProgress, reply.get(), [&sent](qint64 done, qint64) { sent(done); });
    Answer answer;
    std::optional<Error> failure;
    std::optional<qint64> offset; // of the next byte in the whole, once the answer says where it starts
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, [&] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool streamed = sink && (status == 200 || status == 206);
        if (streamed && !offset)
            offset = status == 206 ? rangeStart(reply->rawHeader("Content-Range")) : 0;
        while (reply->bytesAvailable() > 0 && !failure) {
            const QByteArray bytes = reply->read(256 * 1024);
            if (!streamed) {
                if (answer.body.size() + bytes.size() > maxBytes) {
                    failure = Error::limitExceeded(QStringLiteral("the registry's answer for %1 is larger than %2 bytes")
                                                       .arg(request.url().path())
                                                       .arg(maxBytes));
                    break;
                }
                answer.body += bytes;
            } else if (auto written = sink(*offset, bytes); !written) {
                failure = written.error();
            } else {
                *offset += bytes.size();
            }
        }
        if (failure)
            reply->abort();
    });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer cancelPoll;
    QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [&] {
        if (m_cancelled && *m_cancelled) {
            failure = Error::cancelled(QStringLiteral("the pull was cancelled"));
            reply->abort();
        }
    });
    cancelPoll.start(kPollCancelMs);
    if (!reply->isFinished())
        loop.exec();
    if (failure)
        return *failure;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString().section(u';', 0, 0).trimmed();
    answer.location = reply->header(QNetworkRequest::LocationHeader).toUrl();
    answer.digest = QString::fromLatin1(reply->rawHeader("Docker-Content-Digest"));
    answer.challenge = reply->rawHeader("WWW-Authenticate");
    answer.link = reply->rawHeader("Link");
    answer.range = reply->rawHeader("Range");
    if (answer.status == 0)
        return Error::unavailable(QStringLiteral("cannot reach the registry %1: %2").arg(m_host, reply->errorString()));
    // Below 100 Qt's errors are the connection's (closed, reset, timed out), not the answer's.
    if (reply->error() != QNetworkReply::NoError && reply->error() < 100)
        answer.interrupted = reply->errorString();
    answer.body += reply->readAll().left(qMax<qint64>(0, maxBytes - answer.body.size()));
    return answer;
}

Error RegistryClient::httpError(const Answer &answer, const QString &what) const
{
    // The registry's own words, when it gave them in the Distribution error format.
    QString detail;
    const auto json = oci::Json::parse(answer.body.constData(), answer.body.constData() + answer.body.size(), nullptr, false);
    if (json.is_object() && json.contains("errors") && json["errors"].is_array() && !json["errors"].empty()
        && json["errors"][0].is_object() && json["errors"][0].contains("message") && json["errors"][0]["message"].is_string())
        detail = QString::fromStdString(json["errors"][0]["message"].get<std::string>());
    const QString message = QStringLiteral("%1: the registry %2 answered %3%4")
                                .arg(what, m_host)
                                .arg(answer.status)
                                .arg(detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail));
    switch (answer.status) {
    case 401:
    case 403:
        return Error::permissionDenied(
            message
            + QStringLiteral(": the registry does not allow it to %1; log in with `berth login %2` as someone it allows")
                  .arg(m_credentials ? m_credentials->username : QStringLiteral("anonymous users"), m_host));
    case 404: return Error::notFound(message);
    case 429: return Error::limitExceeded(message);
    default: return Error::unavailable(message);
    }
}

Result<void> RegistryClient::ping()
{
    auto answer = fetch(QNetworkRequest(url(QStringLiteral("/v2/"))), 64 * 1024);
    if (!answer && !m_sslErrors.isEmpty()) {
        QStringList reasons;
        for (const QSslError &error : std::as_const(m_sslErrors))
            reasons << error.errorString();
        return Error::permissionDenied(QStringLiteral("the TLS certificate of the registry %1 is not trusted (%2): put its CA "
                                                      "certificate in the registry-certs-dir, as %1/ca.crt, or list it in "
                                                      "insecure-registries")
                                           .arg(m_host, reasons.join(QStringLiteral("; "))));
    }
    if (!answer && answer.error().kind() == ErrorKind::Unavailable && m_plainAllowed && m_scheme == u"https") {
        // It does not speak TLS; allowed to use plain HTTP, so it is asked that way.
        m_scheme = QStringLiteral("http");
        answer = fetch(QNetworkRequest(url(QStringLiteral("/v2/"))), 64 * 1024);
    }
    if (!answer)
        return answer.error();
    // 401 says the API is there and wants credentials; the requests that need them say so.
    if (answer->status == 200 || answer->status == 401)
        return {};
    return httpError(*answer, QStringLiteral("%1 does not speak the registry API v2").arg(m_host));
}

Result<void> RegistryClient::login()
{
    if (auto reached = ping(); !reached)
        return reached;
    auto answer = fetch(QNetworkRequest(url(QStringLiteral("/v2/"))), 64 * 1024);
    if (!answer)
        return answer.error();
    if (answer->status == 200)
        return {};
    if (answer->status == 401)
        return Error::permissionDenied(QStringLiteral("the registry %1 refused the credentials").arg(m_host));
    return httpError(*answer, QStringLiteral("logging in to %1").arg(m_host));
}

Result<FetchedManifest> RegistryClient::manifest(const QString &repository, const QString &reference)
{
    QNetworkRequest request(url(QStringLiteral("/v2/%1/manifests/%2").arg(repository, reference)));
    request.setRawHeader("Accept", manifestTypes().join(u", ").toLatin1());
    auto answer = fetch(request, oci::kMaxDocumentBytes);
    if (!answer)
        return answer.error();
    if (answer->status != 200)
        return httpError(*answer, QStringLiteral("manifest %1:%2").arg(repository, reference));
    FetchedManifest manifest{answer->body, answer->contentType, Digest::ofBytes(answer->body)};
    if (auto named = Digest::parse(reference); named && *named != manifest.digest)
        return Error::invalidArgument(QStringLiteral("the registry's manifest for %1@%2 has the digest %3")
                                          .arg(repository, reference, manifest.digest.toString()));
    if (!manifestTypes().contains(manifest.mediaType)) {
        // Some registries answer with a generic type; the document says what it is.
        const auto json
            = oci::Json::parse(manifest.bytes.constData(), manifest.bytes.constData() + manifest.bytes.size(), nullptr, false);
        const QString declared = json.is_object() && json.contains("mediaType") && json["mediaType"].is_string()
            ? QString::fromStdString(json["mediaType"].get<std::string>())
            : QString();
        if (!manifestTypes().contains(declared))
            return Error::notSupported(QStringLiteral("manifest %1:%2 has the media type \"%3\", which Berth does not pull")
                                           .arg(repository, reference, manifest.mediaType));
        manifest.mediaType = declared;
    }
    return manifest;
}

bool RegistryClient::pause(int seconds) const
{
    for (QDeadlineTimer deadline(seconds * 1000); !deadline.hasExpired(); QThread::msleep(50))
        if (m_cancelled && *m_cancelled)
            return false;
    return true;
}

Result<RegistryClient::Answer> RegistryClient::fetchBlobFrom(const QString &repository, const oci::Descriptor &descriptor,
                                                             BlobStore &blobs, std::optional<BlobWriter> &writer,
                                                             qint64 &received, const std::function<void(qint64)> &progress)
{
    QNetworkRequest request(url(QStringLiteral("/v2/%1/blobs/%2").arg(repository, descriptor.digest.toString())));
    if (received > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(received) + '-');
    return fetch(request, 64 * 1024, [&](qint64 offset, QByteArrayView bytes) -> Result<void> {
        if (offset != received) {
            // A registry that ignores Range sends the whole blob again: start over.
            if (offset != 0)
                return Error::invalidArgument(QStringLiteral("the registry resumed blob %1 at byte %2, not at %3")
                                                  .arg(descriptor.digest.toString())
                                                  .arg(offset)
                                                  .arg(received));
            auto fresh = blobs.begin();
            if (!fresh)
                return fresh.error();
            writer.reset();
            writer.emplace(std::move(*fresh));
            received = 0;
        }
        received += bytes.size();
        if (received > descriptor.size)
            return Error::invalidArgument(
                QStringLiteral("blob %1 is larger than its %2 bytes").arg(descriptor.digest.toString()).arg(descriptor.size));
        if (progress)
            progress(received);
        return writer->write(bytes);
    });
}

Result<Digest> RegistryClient::blob(const QString &repository, const oci::Descriptor &descriptor, BlobStore &blobs,
                                    const std::function<void(qint64)> &progress, const std::function<void(int)> &retrying)
{
    auto begun = blobs.begin();
    if (!begun)
        return begun.error();
    std::optional<BlobWriter> writer(std::move(*begun));
    qint64 received = 0;
    for (int attempt = 1;; ++attempt) {
        auto answer = fetchBlobFrom(repository, descriptor, blobs, writer, received, progress);
        // What is worth another attempt: a connection that failed or broke, a registry in trouble.
        std::optional<Error> transient;
        if (!answer && answer.error().kind() == ErrorKind::Unavailable)
            transient = answer.error();
        else if (!answer)
            return answer.error();
        else if (answer->status >= 500 || answer->status == 429)
            transient = httpError(*answer, QStringLiteral("blob %1").arg(descriptor.digest.toString()));
        else if (answer->status != 200 && answer->status != 206)
            return httpError(*answer, QStringLiteral("blob %1").arg(descriptor.digest.toString()));
        else if (received < descriptor.size)
            transient = Error::unavailable(
                QStringLiteral("the download of blob %1 broke off after %2 of its %3 bytes (%4)")
                    .arg(descriptor.digest.toString())
                    .arg(received)
                    .arg(descriptor.size)
                    .arg(answer->interrupted.isEmpty() ? QStringLiteral("the registry ended it") : answer->interrupted));
        if (!transient)
            return writer->commit(descriptor.digest);
        if (attempt == kBlobAttempts)
            return transient->wrapped(QStringLiteral("after %1 attempts").arg(kBlobAttempts));
        const int seconds = 1 << (attempt - 1); // 1, 2, 4, 8: docker waits 5, 10, 15, 20
        if (retrying)
            retrying(seconds);
        if (!pause(seconds))
            return Error::cancelled(QStringLiteral("the pull was cancelled"));
    }
}

namespace {

// A string list member of a JSON answer ("repositories", "tags"); absent or null is empty.
Result<QStringList> stringList(const QByteArray &body, const char *key, const QString &what)
{
    const auto json = oci::Json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (!json.is_object())
        return Error::invalidArgument(QStringLiteral("%1 is not a JSON object").arg(what));
    QStringList values;
    if (json.contains(key) && json[key].is_array())
        for (const auto &value : json[key])
            if (value.is_string())
                values << QString::fromStdString(value.get<std::string>());
    return values;
}

} // namespace

Result<QStringList> RegistryClient::catalog(int limit)
{
    m_scope = QStringLiteral("registry:catalog:*");
    QStringList repositories;
    QUrl next = url(QStringLiteral("/v2/_catalog?n=%1").arg(qMin(limit, 1000)));
    while (next.isValid() && repositories.size() < limit) {
        auto answer = fetch(QNetworkRequest(next), 1024 * 1024);
        if (!answer)
            return answer.error();
        if (answer->status != 200)
            return httpError(*answer, QStringLiteral("the catalog"));
        auto page = stringList(answer->body, "repositories", QStringLiteral("the catalog"));
        if (!page)
            return page.error();
        if (page->isEmpty())
            break;
        repositories += *page;
        // Pagination: Link: </v2/_catalog?last=x&n=y>; rel="next"
        static const QRegularExpression link(QStringLiteral("<([^>]+)>\\s*;\\s*rel=\"next\""));
        const auto match = link.match(QString::fromLatin1(answer->link));
        next = match.hasMatch() ? next.resolved(QUrl(match.captured(1))) : QUrl();
    }
    return repositories.mid(0, limit);
}

Result<QStringList> RegistryClient::tags(const QString &repository)
{
    auto answer = fetch(QNetworkRequest(url(QStringLiteral("/v2/%1/tags/list").arg(repository))), 1024 * 1024);
    if (!answer)
        return answer.error();
    if (answer->status != 200)
        return httpError(*answer, QStringLiteral("the tags of %1").arg(repository));
    return stringList(answer->body, "tags", QStringLiteral("the tags of %1").arg(repository));
}

Result<bool> RegistryClient::hasBlob(const QString &repository, const Digest &digest)
{
    auto answer
        = send(QByteArrayLiteral("HEAD"),
               QNetworkRequest(url(QStringLiteral("/v2/%1/blobs/%2").arg(repository, digest.toString()))), nullptr, 64 * 1024);
    if (!answer)
        return answer.error();
    if (answer->status == 200)
        return true;
    if (answer->status == 404)
        return false;
    return httpError(*answer, QStringLiteral("blob %1").arg(digest.toString()));
}

Result<RegistryClient::Answer> RegistryClient::startUpload(const QString &repository, const Digest &digest,
                                                           const QString &mountFrom)
{
    QUrl target = url(QStringLiteral("/v2/%1/blobs/uploads/").arg(repository));
    if (!mountFrom.isEmpty())
        target.setQuery(QUrlQuery{{QStringLiteral("mount"), digest.toString()}, {QStringLiteral("from"), mountFrom}});
    QNetworkRequest start(target);
    start.setHeader(QNetworkRequest::ContentLengthHeader, 0);
    auto answer = send(QByteArrayLiteral("POST"), start, nullptr, 64 * 1024);
    if (!answer)
        return answer.error();
    if (answer->status == 201 && !mountFrom.isEmpty())
        return answer;
    if (answer->status != 202 || !answer->location.isValid())
        return httpError(*answer, QStringLiteral("starting the upload of %1").arg(digest.toString()));
    answer->location = url(QStringLiteral("/v2/")).resolved(answer->location);
    return answer;
}

Result<QString> RegistryClient::pushBlob(const QString &repository, const Digest &digest, int fd, qint64 size,
                                         const QStringList &mountFrom, const std::function<void(qint64)> &progress)
{
    // Each candidate in turn, as docker does.  A mount that fails opens an upload session
    // instead: given up (DELETE) while another candidate remains, the blob's way up after the last.
    std::optional<Answer> session;
    for (qsizetype i = 0; i < mountFrom.size() && !session; ++i) {
        auto started = startUpload(repository, digest, mountFrom[i]);
        if (!started)
            return started.error();
        if (started->status == 201)
            return mountFrom[i];
        if (i + 1 < mountFrom.size())
            (void)send(QByteArrayLiteral("DELETE"), QNetworkRequest(started->location), nullptr, 64 * 1024);
        else
            session = *started;
    }
    if (!session) {
        auto started = startUpload(repository, digest, {});
        if (!started)
            return started.error();
        session = *started;
    }
    QUrl target = session->location;
    FileSlice content(fd, 0, 0);
    if (size > kMonolithicUpload) {
        auto rest = uploadChunks(target, digest, fd, size, progress);
        if (!rest)
            return rest.error();
        target = *rest;
    } else {
        content.setSlice(0, size);
    }
    // The last request names the digest, which the registry checks: with the whole blob in a
    // monolithic upload, empty after chunks.
    QUrlQuery query(target);
    query.addQueryItem(QStringLiteral("digest"), digest.toString());
    target.setQuery(query);
    QNetworkRequest put(target);
    put.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/octet-stream"));
    put.setHeader(QNetworkRequest::ContentLengthHeader, content.size());
    auto done = send(QByteArrayLiteral("PUT"), put, &content, 64 * 1024, {}, content.size() > 0 ? progress : nullptr);
    if (!done)
        return done.error();
    if (done->status != 201)
        return httpError(*done, QStringLiteral("uploading %1").arg(digest.toString()));
    return QString();
}

Result<QUrl> RegistryClient::uploadChunks(QUrl session, const Digest &digest, int fd, qint64 size,
                                          const std::function<void(qint64)> &progress)
{
    qint64 offset = 0;
    int failures = 0;
    while (offset < size) {
        const qint64 length = qMin(kMonolithicUpload, size - offset);
        FileSlice chunk(fd, offset, length);
        QNetworkRequest patch(session);
        patch.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/octet-stream"));
        patch.setHeader(QNetworkRequest::ContentLengthHeader, length);
        patch.setRawHeader("Content-Range", QByteArray::number(offset) + '-' + QByteArray::number(offset + length - 1));
        auto answer = send(QByteArrayLiteral("PATCH"), patch, &chunk, 64 * 1024, {}, [&](qint64 sent) {
            if (progress)
                progress(offset + sent);
        });
        if (answer && answer->status == 202 && answer->location.isValid()) {
            session = session.resolved(answer->location);
            offset += length;
            continue;
        }
        if (!answer && answer.error().kind() != ErrorKind::Unavailable)
            return answer.error();
        if (answer && answer->status < 500)
            return httpError(*answer, QStringLiteral("uploading %1").arg(digest.toString()));
        if (++failures == kBlobAttempts)
            return (answer ? httpError(*answer, QStringLiteral("uploading %1").arg(digest.toString())) : answer.error())
                .wrapped(QStringLiteral("after %1 attempts").arg(kBlobAttempts));
        if (!pause(1 << (failures - 1)))
            return Error::cancelled(QStringLiteral("the push was cancelled"));
        // Where the registry got to: its Range header ("0-<last byte>").
        auto status = fetch(QNetworkRequest(session), 64 * 1024);
        if (!status)
            return status.error();
        if (status->status != 204)
            return httpError(*status, QStringLiteral("resuming the upload of %1").arg(digest.toString()));
        const QByteArray range = status->range;
        offset = range.isEmpty() ? 0 : range.mid(range.indexOf('-') + 1).toLongLong() + 1;
        if (status->location.isValid())
            session = session.resolved(status->location);
    }
    return session;
}

Result<Digest> RegistryClient::putManifest(const QString &repository, const QString &tag, const QByteArray &bytes,
                                           const QString &mediaType)
{
    QBuffer body;
    body.setData(bytes);
    body.open(QIODevice::ReadOnly);
    QNetworkRequest request(url(QStringLiteral("/v2/%1/manifests/%2").arg(repository, tag)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, mediaType);
    auto answer = send(QByteArrayLiteral("PUT"), request, &body, 64 * 1024);
    if (!answer)
        return answer.error();
    if (answer->status != 201)
        return httpError(*answer, QStringLiteral("manifest %1:%2").arg(repository, tag));
    const Digest digest = Digest::ofBytes(bytes);
    if (!answer->digest.isEmpty() && answer->digest != digest.toString())
        return Error::invalidArgument(QStringLiteral("the registry stored manifest %1:%2 as %3, not %4")
                                          .arg(repository, tag, answer->digest, digest.toString()));
    return digest;
}

} // namespace berth
