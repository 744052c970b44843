#include "filetransfer.h"

#include "engine.h"
#include "files/hostarchive.h"
#include "jobfollower.h"
#include "pages/whenanswered.h"

#include <QDBusObjectPath>
#include <QDBusUnixFileDescriptor>
#include <QFileInfo>
#include <QPointer>

#include <csignal>
#include <fcntl.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

namespace berth::gui {

FileTransfer::FileTransfer(QObject *parent)
    : QObject(parent)
{ }

FileTransfer::~FileTransfer()
{
    // A copy still under way stops here: shutting the socket down wakes the worker wherever it
    // waits, and the engine sees its job's stream end; a file's content passed beside the
    // stream stops at its next progress report, within 16 MiB.
    m_stopping = true;
    if (m_ours >= 0)
        ::shutdown(m_ours, SHUT_RDWR);
    if (m_worker.joinable())
        m_worker.join();
    if (m_ours >= 0)
        ::close(m_ours);
}

// A socket pair, not a pipe: shutdown() can end it from our side whatever the worker is doing.
bool FileTransfer::makeChannel(int fds[2])
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) == 0)
        return true;
    m_hostError = tr("Cannot make a pipe to the engine.");
    m_jobError = QString();
    QMetaObject::invokeMethod(this, &FileTransfer::settle, Qt::QueuedConnection);
    return false;
}

FileTransfer *FileTransfer::download(const QString &container, const QByteArray &containerPath, const QString &hostTarget,
                                     QObject *parent)
{
    auto *transfer = new FileTransfer(parent);
    transfer->m_title = tr("Copy %1 from %2").arg(QFile::decodeName(containerPath), container.left(12));
    int fds[2] = {-1, -1};
    if (!transfer->makeChannel(fds))
        return transfer;
    transfer->start(
        QStringLiteral("CopyFromContainer"),
        {container, containerPath, QVariant(), QVariantMap{{QStringLiteral("passContent"), true}}}, fds[1],
        [transfer, hostTarget](int ours) {
            const auto copied = extractHostArchive(ours, hostTarget, ExtractOptions{false, transfer->progressReporter(), true});
            return copied ? QString() : copied.error().message();
        },
        fds[0]);
    return transfer;
}

FileTransfer *FileTransfer::upload(const QString &hostPath, const QString &container, const QByteArray &containerDirectory,
                                   QObject *parent)
{
    auto *transfer = new FileTransfer(parent);
    transfer->m_title = tr("Copy %1 into %2").arg(QFileInfo(hostPath).fileName(), container.left(12));
    int fds[2] = {-1, -1};
    if (!transfer->makeChannel(fds))
        return transfer;
    const QByteArray name = QFile::encodeName(QFileInfo(hostPath).fileName());
    transfer->start(
        QStringLiteral("CopyToContainer"), {container, containerDirectory, QVariant(), QVariantMap{}}, fds[0],
        [transfer, hostPath, name](int ours) {
            const auto copied
                = writeHostArchive(hostPath, name, false, ours, transfer->progressReporter(), PassedContent::TheFile);
            return copied ? QString() : copied.error().message();
        },
        fds[1]);
    return transfer;
}

CopyProgress FileTransfer::progressReporter()
{
    return [this](qint64 bytes) {
        QMetaObject::invokeMethod(this, [this, bytes] {
            m_bytes = bytes;
            Q_EMIT progressed(bytes);
        });
        return !m_stopping;
    };
}

void FileTransfer::start(const QString &method, const QVariantList &arguments, int enginesEnd,
                         std::function<QString(int ours)> hostSide, int ours)
{
    QVariantList args = arguments;
    args[2] = QVariant::fromValue(QDBusUnixFileDescriptor(enginesEnd)); // a copy of its own goes with the call
    const QDBusPendingCall call = engine::call(engine::kFilesPath, engine::kFilesInterface, method, args, true);
    ::close(enginesEnd);
    whenAnswered(
        this, call, [this](const QVariantList &reply) { followJob(qvariant_cast<QDBusObjectPath>(reply.value(0)).path()); },
        [this](const QString &message) {
            m_jobError = message;
            settle();
        });
    m_ours = ours;
    QPointer<FileTransfer> self(this);
    m_worker = std::thread([self, this, hostSide = std::move(hostSide), ours] {
        // Writing into a stream the engine closed must fail, not end the app.
        sigset_t pipeSignal;
        sigemptyset(&pipeSignal);
        sigaddset(&pipeSignal, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &pipeSignal, nullptr);
        const QString error = hostSide(ours);
        ::shutdown(ours, SHUT_WR); // the end of what we send; the descriptor closes with us
        QMetaObject::invokeMethod(self, [this, error] {
            m_hostError = error;
            settle();
        });
    });
}

void FileTransfer::followJob(const QString &path)
{
    auto *job = new JobFollower(path, m_title, this);
    connect(job, &JobFollower::finished, this, [this](bool ok, const QString &message) {
        m_jobError = ok ? QString() : message;
        settle();
    });
}

void FileTransfer::settle()
{
    if (m_finished || !m_hostError || !m_jobError)
        return;
    m_finished = true;
    if (m_worker.joinable())
        m_worker.join();
    // The engine's error says why; ours is then only its echo (a stream that ended early).
    const QString message = !m_jobError->isEmpty() ? *m_jobError : *m_hostError;
    Q_EMIT finished(message.isEmpty(), message);
}

} // namespace berth::gui
