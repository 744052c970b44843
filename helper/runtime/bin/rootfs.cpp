#include "rootfs.h"

#include "system/uniquefd.h"

#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <map>
#include <set>
#include <sstream>
#include <string_view>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace berth::runtime {

namespace {

struct MountFlags
{
    unsigned long flags = 0;
    unsigned long propagation = 0;
    bool bind = false;
    std::string data;
};

MountFlags parseOptions(const std::vector<std::string> &options)
{
    struct Option
    {
        const char *name;
        bool clear;
        unsigned long flag;
    };
    static const Option table[] = {
        {"ro", false, MS_RDONLY},
        {"rw", true, MS_RDONLY},
        {"nosuid", false, MS_NOSUID},
        {"suid", true, MS_NOSUID},
        {"nodev", false, MS_NODEV},
        {"dev", true, MS_NODEV},
        {"noexec", false, MS_NOEXEC},
        {"exec", true, MS_NOEXEC},
        {"sync", false, MS_SYNCHRONOUS},
        {"noatime", false, MS_NOATIME},
        {"relatime", false, MS_RELATIME},
        {"strictatime", false, MS_STRICTATIME},
        {"nodiratime", false, MS_NODIRATIME},
    };
    static const std::pair<const char *, unsigned long> propagation[] = {
        {"private", MS_PRIVATE},       {"rprivate", MS_PRIVATE | MS_REC},
        {"slave", MS_SLAVE},           {"rslave", MS_SLAVE | MS_REC},
        {"shared", MS_SHARED},         {"rshared", MS_SHARED | MS_REC},
        {"unbindable", MS_UNBINDABLE}, {"runbindable", MS_UNBINDABLE | MS_REC},
    };
    MountFlags result;
    for (const std::string &option : options) {
        bool known = false;
        for (const Option &o : table)
            if (option == o.name) {
                result.flags = o.clear ? result.flags & ~o.flag : result.flags | o.flag;
                known = true;
            }
        for (const auto &[name, flag] : propagation)
            if (option == name) {
                result.propagation = flag;
                known = true;
            }
        if (option == "bind" || option == "rbind") {
            result.bind = true;
            result.flags |= MS_BIND | (option == "rbind" ? MS_REC : 0);
            known = true;
        }
        if (!known)
            result.data += (result.data.empty() ? "" : ",") + option;
    }
    return result;
}

long openat2(int dirfd, const std::string &path, int flags)
{
    open_how how{};
    how.flags = static_cast<uint64_t>(flags) | O_CLOEXEC;
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
    long fd;
    do
        fd = ::syscall(SYS_openat2, dirfd, path.c_str(), &how, sizeof how);
    while (fd < 0 && errno == EAGAIN);
    return fd;
}

// Opens `path` inside the tree at `rootFd` (an O_PATH fd), creating what is missing: directories
// on the way and, for the last component, a directory or an empty file.
UniqueFd ensureInRoot(int rootFd, const std::string &path, bool directory)
{
    std::string prefix;
    std::istringstream parts(path);
    std::vector<std::string> components;
    for (std::string part; std::getline(parts, part, '/');)
        if (!part.empty() && part != ".")
            components.push_back(part);
    if (components.empty())
        return UniqueFd(static_cast<int>(openat2(rootFd, ".", O_PATH | O_DIRECTORY)));

    UniqueFd parent(static_cast<int>(openat2(rootFd, ".", O_PATH | O_DIRECTORY)));
    for (size_t i = 0; i < components.size(); ++i) {
        if (components[i] == "..")
            throw RuntimeError("mount destination \"" + path + "\" climbs with \"..\"");
        prefix += "/" + components[i];
        const bool last = i + 1 == components.size();
        long fd = openat2(rootFd, prefix, O_PATH | (last && !directory ? 0 : O_DIRECTORY));
        if (fd < 0 && errno == ENOENT) {
            if (last && !directory) {
                // O_PATH cannot create; make the file through its resolved parent.
                UniqueFd created(
                    ::openat(parent.get(), components[i].c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
                if (!created && errno != EEXIST)
                    throwErrno("cannot create the mount point " + path);
            } else if (::mkdirat(parent.get(), components[i].c_str(), 0755) != 0 && errno != EEXIST) {
                throwErrno("cannot create the mount point " + path);
            }
            fd = openat2(rootFd, prefix, O_PATH | (last && !directory ? 0 : O_DIRECTORY));
        }
        if (fd < 0)
            throwErrno("cannot open the mount point " + path + " inside the container");
        parent.reset(static_cast<int>(fd));
    }
    return parent;
}

// Where a copy into a volume is: its root, the path below it, and the files copied so far
// that have more links, so a hard link stays one.
struct CopyState
{
    int root = -1;
    std::string prefix;
    std::map<std::pair<dev_t, ino_t>, std::string> linked;
};

// Copies the tree at `from` into the directory `to`, entry by entry through descriptors and
// never following a symlink: the image's owners, modes, times and hard links kept; device
// nodes, sockets and FIFOs left out.  A volume's first mount fills it this way.
void copyTree(int from, int to, int depth, CopyState &state)
{
    if (depth > 256)
        throw RuntimeError("the image's tree to copy into a volume is more than 256 levels deep");
    DIR *dir = ::fdopendir(::fcntl(from, F_DUPFD_CLOEXEC, 3));
    if (!dir)
        throwErrno("cannot read a directory to copy into a volume");
    for (dirent *entry; (entry = ::readdir(dir));) {
        const std::string_view name(entry->d_name);
        if (name == "." || name == "..")
            continue;
        struct stat st
        {
        };
        if (::fstatat(from, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        const timespec times[2] = {st.st_atim, st.st_mtim};
        if (S_ISDIR(st.st_mode)) {
            if (::mkdirat(to, entry->d_name, 0700) != 0)
                throwErrno("cannot copy " + std::string(name) + " into the volume");
            UniqueFd source(::openat(from, entry->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            UniqueFd target(::openat(to, entry->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (!source || !target)
                throwErrno("cannot copy " + std::string(name) + " into the volume");
            const std::string outer = state.prefix;
            state.prefix += std::string(name) + "/";
            copyTree(source.get(), target.get(), depth + 1, state);
            state.prefix = outer;
            (void)::fchown(target.get(), st.st_uid, st.st_gid);
            (void)::fchmod(target.get(), st.st_mode & 07777);
            (void)::futimens(target.get(), times);
        } else if (S_ISREG(st.st_mode)) {
            const auto inode = std::pair{st.st_dev, st.st_ino};
            if (st.st_nlink > 1) {
                if (const auto first = state.linked.find(inode); first != state.linked.end()) {
                    if (::linkat(state.root, first->second.c_str(), to, entry->d_name, 0) != 0)
                        throwErrno("cannot link " + std::string(name) + " in the volume");
                    continue;
                }
                state.linked.emplace(inode, state.prefix + std::string(name));
            }
            UniqueFd source(::openat(from, entry->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
            UniqueFd target(::openat(to, entry->d_name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
            if (!source || !target)
                throwErrno("cannot copy " + std::string(name) + " into the volume");
            char buffer[65536];
            for (ssize_t n; (n = ::read(source.get(), buffer, sizeof buffer)) != 0;) {
                if (n < 0 && errno == EINTR)
                    continue;
                if (n < 0 || ::write(target.get(), buffer, size_t(n)) != n)
                    throwErrno("cannot copy " + std::string(name) + " into the volume");
            }
            (void)::fchown(target.get(), st.st_uid, st.st_gid); // before the mode: chown clears set-id bits
            (void)::fchmod(target.get(), st.st_mode & 07777);
            (void)::futimens(target.get(), times);
        } else if (S_ISLNK(st.st_mode)) {
            char link[4096];
            const ssize_t n = ::readlinkat(from, entry->d_name, link, sizeof link - 1);
            if (n < 0)
                continue;
            link[n] = '\0';
            if (::symlinkat(link, to, entry->d_name) != 0)
                throwErrno("cannot copy " + std::string(name) + " into the volume");
            (void)::fchownat(to, entry->d_name, st.st_uid, st.st_gid, AT_SYMLINK_NOFOLLOW);
            (void)::utimensat(to, entry->d_name, times, AT_SYMLINK_NOFOLLOW);
        }
    }
    ::closedir(dir);
}

// Fills the volume at `source` with what the image has at `destination`, when the volume is
// still empty and the image has something there.
void copyUp(int rootFd, const std::string &destination, const std::string &source)
{
    UniqueFd volume(::open(source.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!volume)
        return;
    DIR *dir = ::fdopendir(::fcntl(volume.get(), F_DUPFD_CLOEXEC, 3));
    if (!dir)
        return;
    bool empty = true;
    for (dirent *entry; empty && (entry = ::readdir(dir));)
        empty = std::string_view(entry->d_name) == "." || std::string_view(entry->d_name) == "..";
    ::closedir(dir);
    const long image = openat2(rootFd, destination, O_RDONLY | O_DIRECTORY);
    if (!empty || image < 0)
        return;
    UniqueFd content(static_cast<int>(image));
    CopyState state;
    state.root = volume.get();
    copyTree(content.get(), volume.get(), 0, state);
    struct stat st
    {
    };
    if (::fstat(content.get(), &st) == 0) { // the mount point's owner and mode, as docker copies them
        (void)::fchown(volume.get(), st.st_uid, st.st_gid);
        (void)::fchmod(volume.get(), st.st_mode & 07777);
    }
}

std::string fdPath(int fd)
{
    return "/proc/self/fd/" + std::to_string(fd);
}

void mountAt(const char *source, int targetFd, const char *type, unsigned long flags, const std::string &data,
             const std::string &what)
{
    if (::mount(source, fdPath(targetFd).c_str(), type, flags, data.empty() ? nullptr : data.c_str()) != 0)
        throwErrno("cannot mount " + what);
}

void mountCgroups(int rootFd, const Mount &mount, const MountFlags &options, const CgroupLayout &layout)
{
    UniqueFd target = ensureInRoot(rootFd, mount.destination, true);
    const unsigned long flags = options.flags & ~MS_RDONLY;
    if (layout.unified) {
        mountAt("cgroup", target.get(), "cgroup2", options.flags, {}, mount.destination);
        return;
    }
    // v1: a tmpfs holding one mount per hierarchy, as runc lays it out.
    mountAt("tmpfs", target.get(), "tmpfs", flags, "mode=755", mount.destination);
    for (const auto &[mountPoint, controllers] : layout.v1Mounts) {
        const std::string name = mountPoint.substr(mountPoint.rfind('/') + 1);
        const std::string destination = mount.destination + "/" + name;
        UniqueFd sub = ensureInRoot(rootFd, destination, true);
        mountAt("cgroup", sub.get(), "cgroup", options.flags, controllers, destination);
    }
    if (options.flags & MS_RDONLY) {
        target = ensureInRoot(rootFd, mount.destination, true); // now the tmpfs, not what it covers
        mountAt(nullptr, target.get(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY | flags, {}, mount.destination);
    }
}

void mountOne(int rootFd, const Mount &mount, const CgroupLayout &cgroups)
{
    const MountFlags options = parseOptions(mount.options);
    if (mount.type == "cgroup" || mount.type == "cgroup2") {
        mountCgroups(rootFd, mount, options, cgroups);
        return;
    }
    if (options.bind || mount.type == "bind") {
        struct stat source
        {
        };
        if (::stat(mount.source.c_str(), &source) != 0)
            throwErrno("bind mount source " + mount.source);
        UniqueFd target = ensureInRoot(rootFd, mount.destination, S_ISDIR(source.st_mode));
        mountAt(mount.source.c_str(), target.get(), nullptr, MS_BIND | (options.flags & MS_REC), {},
                mount.source + " on " + mount.destination);
        // The descriptor still names what the bind covers; the flags belong to the new mount.
        target = ensureInRoot(rootFd, mount.destination, S_ISDIR(source.st_mode));
        const unsigned long rest = options.flags & ~(MS_BIND | MS_REC);
        if (rest)
            mountAt(nullptr, target.get(), nullptr, MS_REMOUNT | MS_BIND | rest, {}, mount.destination + " (remount)");
        if (options.propagation)
            mountAt(nullptr, target.get(), nullptr, options.propagation, {}, mount.destination + " (propagation)");
        return;
    }
    UniqueFd target = ensureInRoot(rootFd, mount.destination, true);
    mountAt(mount.source.c_str(), target.get(), mount.type.c_str(), options.flags, options.data, mount.destination);
    if (options.propagation) {
        target = ensureInRoot(rootFd, mount.destination, true);
        mountAt(nullptr, target.get(), nullptr, options.propagation, {}, mount.destination + " (propagation)");
    }
}

// The devices every container gets (as in the OCI spec's default list), those the spec
// adds, and the links that programs expect in /dev.
void populateDev(int rootFd, const std::vector<DeviceNode> &added)
{
    struct Device
    {
        const char *name;
        unsigned major, minor;
    };
    static const Device devices[]
        = {{"null", 1, 3}, {"zero", 1, 5}, {"full", 1, 7}, {"random", 1, 8}, {"urandom", 1, 9}, {"tty", 5, 0}};
    UniqueFd dev = ensureInRoot(rootFd, "/dev", true);
    UniqueFd devDir(::openat(dev.get(), ".", O_DIRECTORY | O_CLOEXEC));
    if (!devDir)
        throwErrno("cannot open /dev in the container");
    const mode_t oldMask = ::umask(0);
    for (const Device &d : devices)
        if (::mknodat(devDir.get(), d.name, S_IFCHR | 0666, makedev(d.major, d.minor)) != 0 && errno != EEXIST)
            throwErrno(std::string("cannot create /dev/") + d.name);
    for (const DeviceNode &node : added) {
        const size_t slash = node.path.rfind('/');
        const UniqueFd parent = ensureInRoot(rootFd, node.path.substr(0, slash), true);
        const std::string name = node.path.substr(slash + 1);
        const mode_t type = node.type == "b" ? S_IFBLK : S_IFCHR;
        if (::mknodat(parent.get(), name.c_str(), type | (node.fileMode & 07777),
                      makedev(unsigned(node.major), unsigned(node.minor)))
            != 0) {
            if (errno == EEXIST)
                continue; // one of the standard ones
            throwErrno("cannot create " + node.path);
        }
        if (::fchownat(parent.get(), name.c_str(), node.uid, node.gid, AT_SYMLINK_NOFOLLOW) != 0)
            throwErrno("cannot set the owner of " + node.path);
    }
    ::umask(oldMask);
    static const std::pair<const char *, const char *> links[] = {
        {"/proc/self/fd", "fd"},       {"/proc/self/fd/0", "stdin"}, {"/proc/self/fd/1", "stdout"},
        {"/proc/self/fd/2", "stderr"}, {"pts/ptmx", "ptmx"},         {"/proc/kcore", "core"},
    };
    for (const auto &[target, name] : links) {
        // As runc: no /dev/core on a kernel without /proc/kcore.
        if (std::string_view(name) == "core" && ::access("/proc/kcore", F_OK) != 0)
            continue;
        if (::symlinkat(target, devDir.get(), name) != 0 && errno != EEXIST)
            throwErrno(std::string("cannot create /dev/") + name);
    }
}

void pivotInto(const std::string &root)
{
    UniqueFd oldRoot(::open("/", O_DIRECTORY | O_PATH | O_CLOEXEC));
    if (::chdir(root.c_str()) != 0)
        throwErrno("cannot enter the container root");
    if (::syscall(SYS_pivot_root, ".", ".") != 0)
        throwErrno("pivot_root");
    // The old root now sits on top of the new one; keep its unmount from reaching the host.
    if (::mount(nullptr, ".", nullptr, MS_SLAVE | MS_REC, nullptr) != 0)
        throwErrno("cannot make the old root a slave");
    if (::umount2(".", MNT_DETACH) != 0)
        throwErrno("cannot detach the old root");
    if (::chdir("/") != 0)
        throwErrno("chdir /");
}

} // namespace

void prepareRootfs(const Spec &spec, const CgroupLayout &cgroups, const std::function<void()> &enterCgroup)
{
    // Nothing done in this namespace may propagate back to the host.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        throwErrno("cannot make the mounts private");
    auto overlay = spec.annotations.find(kOverlayAnnotation);
    if (overlay != spec.annotations.end()) {
        if (::mount("overlay", spec.rootPath.c_str(), "overlay", 0, overlay->second.c_str()) != 0)
            throwErrno("cannot mount the container's overlay filesystem");
    } else if (::mount(spec.rootPath.c_str(), spec.rootPath.c_str(), nullptr, MS_BIND | MS_REC, nullptr) != 0) {
        throwErrno("cannot bind the root " + spec.rootPath);
    }
    UniqueFd rootFd(::open(spec.rootPath.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!rootFd)
        throwErrno("cannot open the root " + spec.rootPath);

    std::set<std::string> copyUps;
    if (const auto listed = spec.annotations.find(kCopyUpAnnotation); listed != spec.annotations.end()) {
        std::istringstream lines(listed->second);
        for (std::string line; std::getline(lines, line);)
            copyUps.insert(line);
    }
    bool freshDev = false;
    bool inCgroup = false;
    for (const Mount &mount : spec.mounts) {
        if (!inCgroup && (mount.type == "cgroup" || mount.type == "cgroup2")) {
            enterCgroup();
            inCgroup = true;
        }
        if (copyUps.contains(mount.destination))
            copyUp(rootFd.get(), mount.destination, mount.source);
        mountOne(rootFd.get(), mount, cgroups);
        freshDev = freshDev || (mount.destination == "/dev" && mount.type == "tmpfs");
    }
    if (freshDev)
        populateDev(rootFd.get(), spec.devices);
    if (!inCgroup)
        enterCgroup();
    pivotInto(spec.rootPath);
}

void finishRootfs(const Spec &spec)
{
    UniqueFd rootFd(::open("/", O_PATH | O_DIRECTORY | O_CLOEXEC));
    for (const std::string &path : spec.readonlyPaths) {
        const long fd = openat2(rootFd.get(), path, O_PATH);
        if (fd < 0)
            continue; // absent on this kernel
        UniqueFd target(static_cast<int>(fd));
        mountAt(fdPath(target.get()).c_str(), target.get(), nullptr, MS_BIND | MS_REC, {}, path);
        target.reset(static_cast<int>(openat2(rootFd.get(), path, O_PATH)));
        mountAt(nullptr, target.get(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, {},
                path + " read-only");
    }
    for (const std::string &path : spec.maskedPaths) {
        const long fd = openat2(rootFd.get(), path, O_PATH);
        if (fd < 0)
            continue;
        UniqueFd target(static_cast<int>(fd));
        struct stat st
        {
        };
        ::fstat(target.get(), &st);
        if (S_ISDIR(st.st_mode))
            mountAt("tmpfs", target.get(), "tmpfs", MS_RDONLY, {}, path + " (mask)");
        else
            mountAt("/dev/null", target.get(), nullptr, MS_BIND, {}, path + " (mask)");
    }
    if (spec.rootReadonly && ::mount(nullptr, "/", nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0)
        throwErrno("cannot make the root read-only");
}

} // namespace berth::runtime
