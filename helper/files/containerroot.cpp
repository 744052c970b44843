#include "containerroot.h"

#include "files/treewriter.h"
#include "system/fileops.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <fcntl.h>
#include <linux/mount.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace berth {
namespace {

bool stillRunning(int pidfd)
{
    return ::syscall(SYS_pidfd_send_signal, pidfd, 0, nullptr, 0) == 0;
}

Result<UniqueFd> runningRoot(const ContainerFiles &files)
{
    const QByteArray root = "/proc/" + QByteArray::number(files.pid) + "/root";
    UniqueFd fd(::open(root.constData(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    // Checked after opening: had the pid been reused, the pidfd would say the process is gone.
    if (!fd || !files.pidfd || !stillRunning(files.pidfd->get()))
        return Error::conflict(
            QStringLiteral("container %1 stopped while its files were opened; try again").arg(files.id.left(12)));
    return fd;
}

// Runs `work` with this thread in the running container's mount namespace, where its mounts can
// be copied, and brings the thread back: /proc there is the container's own, which the walks
// that follow would not find themselves in.
template<typename Work> auto inMountNamespaceOf(const ContainerFiles &files, Work work) -> decltype(work())
{
    const QByteArray path = "/proc/" + QByteArray::number(files.pid) + "/ns/mnt";
    const UniqueFd ns(::open(path.constData(), O_RDONLY | O_CLOEXEC));
    const UniqueFd home(::open("/proc/thread-self/ns/mnt", O_RDONLY | O_CLOEXEC));
    if (!ns || !home || !files.pidfd || !stillRunning(files.pidfd->get()))
        return Error::conflict(
            QStringLiteral("container %1 stopped while its files were opened; try again").arg(files.id.left(12)));
    if (::unshare(CLONE_FS) != 0 || ::setns(ns.get(), CLONE_NEWNS) != 0)
        return Error::fromErrno(errno, QStringLiteral("cannot enter the mount namespace of container %1").arg(files.id.left(12)));
    auto result = work();
    if (::setns(home.get(), CLONE_NEWNS) != 0)
        return Error::fromErrno(errno, QStringLiteral("cannot leave the mount namespace of container %1").arg(files.id.left(12)));
    return result;
}

// A detached copy of the mount tree at `root`, sealed: read-only, noexec, nosuid, nodev.
Result<UniqueFd> sealedCopy(int root)
{
    UniqueFd tree(int(::syscall(SYS_open_tree, root, "", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_EMPTY_PATH | AT_RECURSIVE)));
    if (!tree)
        return Error::fromErrno(errno, QStringLiteral("cannot copy the container's mounts"));
    mount_attr sealed{};
    sealed.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOEXEC | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV;
    if (::syscall(SYS_mount_setattr, tree.get(), "", AT_EMPTY_PATH | AT_RECURSIVE, &sealed, sizeof sealed) != 0)
        return Error::fromErrno(errno, QStringLiteral("cannot seal the copy of the container's mounts"));
    return tree;
}

QByteArray procPath(int fd)
{
    return "/proc/thread-self/fd/" + QByteArray::number(fd);
}

Error mountFailed(const QString &what)
{
    return Error::fromErrno(errno, QStringLiteral("cannot mount %1").arg(what));
}

Result<void> privateNamespace()
{
    if (::unshare(CLONE_FS | CLONE_NEWNS) != 0)
        return Error::fromErrno(errno, QStringLiteral("cannot make a mount namespace for the copy"));
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return mountFailed(QStringLiteral("the copy's namespace private"));
    return {};
}

// Export stacks the upper directory as one more read-only layer: no volumes to place, and the
// upper directory is not taken from a container that starts meanwhile.  Copies and browsing
// mount it as the upper directory (the engine holds the container meanwhile), so that missing
// mount points can be made as the runtime makes them, then make it read-only if they only read.
Result<void> mountOverlay(const ContainerFiles &files, RootUse use)
{
    const QByteArray target = QFile::encodeName(files.mountPoint);
    QStringList lowers = files.lowerDirs;
    QString options;
    if (use == RootUse::Export) {
        lowers.prepend(files.upperDir);
        options = QStringLiteral("lowerdir=%1").arg(lowers.join(u':'));
    } else {
        clearVolatileMark(files.workDir);
        options
            = QStringLiteral("lowerdir=%1,upperdir=%2,workdir=%3,volatile").arg(lowers.join(u':'), files.upperDir, files.workDir);
    }
    if (::mount("overlay", target.constData(), "overlay", use == RootUse::Export ? MS_RDONLY : 0,
                QFile::encodeName(options).constData())
        != 0)
        return mountFailed(QStringLiteral("the files of container %1").arg(files.id.left(12)));
    return {};
}

Result<void> makeReadOnly(const QString &path, const QString &what)
{
    if (::mount(nullptr, QFile::encodeName(path).constData(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0)
        return mountFailed(QStringLiteral("%1 read-only").arg(what));
    return {};
}

// A volume or bind mount at its place in the container, found from the root like every other
// path, so a symlink in the container cannot move it onto a host directory.
Result<void> bindInto(int rootFd, const ContainerFiles::Bind &bind, RootUse use)
{
    const QByteArray destination = QFile::encodeName(bind.destination);
    auto target = openInRoot(rootFd, destination, O_PATH, 0, Mounts::Cross);
    if (!target && target.error().kind() == ErrorKind::NotFound) {
        // The runtime makes a missing mount point at start; so does a copy, or it would land in
        // the container's own layer where the container will see the volume.
        auto tree = TreeWriter::rootedAt(UniqueFd(::fcntl(rootFd, F_DUPFD_CLOEXEC, 0)), Mounts::Cross);
        const EntryMeta meta{0, 0, 0755, {}, {}};
        if (QFileInfo(bind.source).isDir()) {
            if (auto made = tree.directory(destination, meta); !made)
                return made;
        } else { // a file is bound onto a file
            auto file = tree.createFile(destination);
            if (!file)
                return file.error();
            if (auto made = tree.finishFile(file->get(), meta); !made)
                return made;
        }
        target = openInRoot(rootFd, destination, O_PATH, 0, Mounts::Cross);
    }
    if (!target)
        return target.error();
    const QByteArray source = QFile::encodeName(bind.source);
    if (::mount(source.constData(), procPath(target->get()).constData(), nullptr, MS_BIND | MS_REC, nullptr) != 0)
        return mountFailed(bind.destination);
    if (!bind.readOnly && use == RootUse::Write)
        return {};
    // Looked up again: the descriptor from before names the directory under the new mount.
    auto mounted = openInRoot(rootFd, destination, O_PATH, 0, Mounts::Cross);
    if (!mounted)
        return mounted.error();
    return makeReadOnly(QFile::decodeName(procPath(mounted->get())), bind.destination);
}

Result<UniqueFd> mountedRoot(const ContainerFiles &files, RootUse use)
{
    if (auto made = privateNamespace(); !made)
        return made.error();
    if (auto mounted = mountOverlay(files, use); !mounted)
        return mounted.error();
    auto root = openDirectory(files.mountPoint);
    if (!root || use == RootUse::Export)
        return root;
    for (const ContainerFiles::Bind &bind : files.binds)
        if (auto bound = bindInto(root->get(), bind, use); !bound)
            return bound.error();
    if (use == RootUse::Read || files.readOnlyRoot)
        if (auto readOnly = makeReadOnly(files.mountPoint, QStringLiteral("the files of container %1").arg(files.id.left(12)));
            !readOnly)
            return readOnly.error();
    return root;
}

} // namespace

void clearVolatileMark(const QString &workDir)
{
    const QByteArray incompat = QFile::encodeName(workDir) + "/work/incompat";
    ::unlink((incompat + "/volatile/dirty").constData());
    ::rmdir((incompat + "/volatile").constData());
    ::rmdir(incompat.constData());
}

Result<UniqueFd> openContainerRoot(const ContainerFiles &files, RootUse use)
{
    if (use == RootUse::HandOut) {
        // Opened first: once in the container's namespace, /proc is the container's own.
        auto root = openContainerRoot(files, RootUse::Read);
        if (!root)
            return root.error();
        const int rootFd = root->get();
        return files.pid > 0 ? inMountNamespaceOf(files, [rootFd] { return sealedCopy(rootFd); }) : sealedCopy(rootFd);
    }
    if (files.pid > 0 && use != RootUse::Export)
        return runningRoot(files);
    return mountedRoot(files, use);
}

} // namespace berth
