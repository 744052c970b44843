#pragma once

// FilesObject: the org.berth.Engine1.Files interface on /org/berth/Engine1/files, behind the
// generated FilesAdaptor: `cp` both ways, browsing and `export` (helper/files/).
//
// Every call works on a thread of its own: opening a stopped container's files moves that
// thread into a mount namespace of its own (files/containerroot.h).  Copies and exports are
// jobs; a stat or a listing answers from its thread when done.

#include "containers/containerengine.h"
#include "gate.h"

#include <QDBusObjectPath>
#include <QDBusUnixFileDescriptor>

#include <atomic>
#include <memory>

namespace berth {

class JobManager;

class FilesObject : public GatedObject
{
    Q_OBJECT
public:
    FilesObject(Gate &gate, ContainerEngine &engine, JobManager &jobs, QObject *parent = nullptr);

public Q_SLOTS: // called by the generated adaptor
    QVariantMap StatPath(const QString &container, const QByteArray &path, const QVariantMap &options);
    QList<QVariantMap> ListDirectory(const QString &container, const QByteArray &path, const QVariantMap &options,
                                     bool &truncated);
    QDBusObjectPath CopyFromContainer(const QString &container, const QByteArray &path, const QDBusUnixFileDescriptor &output,
                                      const QVariantMap &options);
    QDBusObjectPath CopyToContainer(const QString &container, const QByteArray &path, const QDBusUnixFileDescriptor &input,
                                    const QVariantMap &options);
    QDBusObjectPath ExportContainer(const QString &container, const QDBusUnixFileDescriptor &output, const QVariantMap &options);
    void MakeDirectory(const QString &container, const QByteArray &path, const QVariantMap &options);
    void RemovePath(const QString &container, const QByteArray &path, const QVariantMap &options);

private:
    // Runs `work` with the container's root on a thread of its own and answers with its result.
    void withRoot(const QString &container, RootUse use, std::function<Reply(int rootFd)> work, const Respond &respond);
    struct CopyRequest
    {
        QString container;
        QByteArray path;
        bool followLink = false;
        bool keepOwners = false;
        bool passContent = false;
    };
    // What ends the engine's hold on a stopped container's files (see ContainerEngine::files).
    std::function<void()> releaseOf(const ContainerFiles &files, RootUse use);
    Reply startJob(int kind, const CopyRequest &request, const QDBusUnixFileDescriptor &stream, const Call &call);

    ContainerEngine &m_engine;
    JobManager &m_jobs;
    std::shared_ptr<std::atomic<int>> m_lookers = std::make_shared<std::atomic<int>>(0);
};

} // namespace berth
