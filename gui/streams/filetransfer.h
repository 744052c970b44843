#pragma once

// FileTransfer: one copy between the host and a container, as `berth cp` makes it: the engine's
// job (CopyFromContainer or CopyToContainer) at one end of a pipe, a thread of ours at the other
// reading or writing the person's own files (common/files/hostarchive.h).  Progress and the end
// arrive as signals on the GUI thread; nothing here blocks it.
//
//     auto *copy = FileTransfer::download(id, "/etc", u"/home/me/etc"_s, this);
//     connect(copy, &FileTransfer::finished, this, [](bool ok, const QString &message) { ... });

#include "files/hostarchive.h"

#include <QObject>
#include <QVariantMap>

#include <atomic>
#include <optional>
#include <thread>

namespace berth::gui {

class FileTransfer : public QObject
{
    Q_OBJECT
public:
    // The container's file or directory at `containerPath` lands at `hostTarget` (a directory
    // there is merged into).
    static FileTransfer *download(const QString &container, const QByteArray &containerPath, const QString &hostTarget,
                                  QObject *parent);
    // The host's file or directory at `hostPath` lands in the container's directory
    // `containerDirectory`, under its own name.
    static FileTransfer *upload(const QString &hostPath, const QString &container, const QByteArray &containerDirectory,
                                QObject *parent);
    ~FileTransfer() override;

    bool isFinished() const { return m_finished; }
    qint64 bytes() const { return m_bytes; }

Q_SIGNALS:
    void progressed(qint64 bytes);
    void finished(bool ok, const QString &message);

private:
    explicit FileTransfer(QObject *parent);
    bool makeChannel(int fds[2]);
    void start(const QString &method, const QVariantList &arguments, int enginesEnd, std::function<QString(int ours)> hostSide,
               int ours);
    void followJob(const QString &path);
    // For the worker's copy: progress to the GUI thread; false once this transfer is closing.
    CopyProgress progressReporter();
    void settle();

    std::thread m_worker;
    std::atomic<bool> m_stopping = false; // the worker's copy stops at its next progress report
    int m_ours = -1;
    std::optional<QString> m_hostError; // set when our side is done; empty: it went well
    std::optional<QString> m_jobError; // set when the engine's job is done
    qint64 m_bytes = 0;
    QString m_title; // in the Jobs panel
    bool m_finished = false;
};

} // namespace berth::gui
