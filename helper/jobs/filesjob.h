#pragma once

// FilesJob: `docker cp` both ways and `docker export` as a job.  On its worker thread it opens
// the container's root (see containerroot.h: for a stopped container that moves the thread
// into a mount namespace of its own, which is why each job has a thread to itself) and
// streams a tar stream to or from the caller's file descriptor.

#include "files/containerroot.h"
#include "system/uniquefd.h"
#include "threadedjob.h"

#include <QByteArray>

#include <functional>

namespace berth {

class FilesJob : public ThreadedJob
{
    Q_OBJECT
public:
    enum class Kind { CopyOut, CopyIn, Export };
    struct Request
    {
        Kind kind = Kind::CopyOut;
        ContainerFiles files;
        QByteArray path; // CopyOut: what to copy; CopyIn: the directory to unpack into
        bool followLink = false; // CopyOut: `cp -L`
        bool keepOwners = false; // CopyIn: `cp -a`; otherwise root owns what is copied in
        bool passContent = false; // CopyOut: large files' own descriptors (sealed) beside the stream
        UniqueFd stream;
    };
    // `done` runs on the engine's thread when the work has ended (the engine's hold on a
    // stopped container's layer ends there).
    FilesJob(Request request, uint ownerUid, std::function<void()> done);

protected:
    Result<QVariantMap> work() override;
    void completed(const Result<QVariantMap> &outcome) override;

private:
    Result<qint64> copyOut(int rootFd);
    Result<qint64> copyIn(int rootFd);

    Request m_request;
    std::function<void()> m_done;
};

} // namespace berth
