#include "kernelfilesystems.h"

#include <linux/magic.h>
#include <sys/statfs.h>

namespace berth {

bool onKernelFileSystem(int fd)
{
    constexpr unsigned long kMqueueMagic = 0x19800202; // not in linux/magic.h
    struct statfs fs = {};
    if (::fstatfs(fd, &fs) != 0)
        return true;
    switch (static_cast<unsigned long>(fs.f_type)) {
    case PROC_SUPER_MAGIC:
    case SYSFS_MAGIC:
    case DEVPTS_SUPER_MAGIC:
    case kMqueueMagic:
    case CGROUP_SUPER_MAGIC:
    case CGROUP2_SUPER_MAGIC:
    case SECURITYFS_MAGIC:
    case SELINUX_MAGIC:
    case SMACK_MAGIC:
    case DEBUGFS_MAGIC:
    case TRACEFS_MAGIC:
    case BPF_FS_MAGIC:
    case PSTOREFS_MAGIC:
    case EFIVARFS_MAGIC:
    case BINFMTFS_MAGIC:
    case NSFS_MAGIC:
    case ANON_INODE_FS_MAGIC: return true;
    default: return false;
    }
}

} // namespace berth
