#include "hostinfo.h"

#include <QFile>
#include <QSysInfo>
#include <QTextStream>

#include <linux/magic.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

namespace berth {
namespace {

QByteArray readSmallFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(64 * 1024) : QByteArray();
}

QString prettyOsName()
{
    for (const QByteArray &line : readSmallFile(QStringLiteral("/etc/os-release")).split('\n'))
        if (line.startsWith("PRETTY_NAME="))
            return QString::fromUtf8(line.mid(12)).remove(u'"');
    return QSysInfo::prettyProductName();
}

bool kernelHasOverlay()
{
    for (const QByteArray &line : readSmallFile(QStringLiteral("/proc/filesystems")).split('\n'))
        if (line.trimmed().endsWith("overlay"))
            return true;
    // overlay may be a module that mount(2) loads on first use.
    return QFile::exists(QStringLiteral("/sys/module/overlay"))
        || QFile::exists(QStringLiteral("/lib/modules/") + QSysInfo::kernelVersion() + QStringLiteral("/kernel/fs/overlayfs"));
}

QStringList v1Controllers()
{
    QStringList controllers;
    // /proc/cgroups: "#subsys_name hierarchy num_cgroups enabled"
    for (const QByteArray &line : readSmallFile(QStringLiteral("/proc/cgroups")).split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() == 4 && !line.startsWith('#') && fields[3] == "1" && fields[1] != "0")
            controllers << QString::fromLatin1(fields[0]);
    }
    return controllers;
}

} // namespace

CgroupLayout detectCgroups(const QString &cgroupRoot)
{
    struct statfs fs
    {
    };
    if (::statfs(QFile::encodeName(cgroupRoot).constData(), &fs) == 0 && fs.f_type == CGROUP2_SUPER_MAGIC) {
        const QString list = QString::fromLatin1(readSmallFile(cgroupRoot + QStringLiteral("/cgroup.controllers"))).trimmed();
        return {QStringLiteral("2"), list.split(u' ', Qt::SkipEmptyParts)};
    }
    return {QStringLiteral("1"), v1Controllers()};
}

HostInfo HostInfo::read()
{
    HostInfo info;
    struct utsname uts
    {
    };
    if (::uname(&uts) == 0) {
        info.kernelVersion = QString::fromLatin1(uts.release);
        info.architecture = QString::fromLatin1(uts.machine);
        info.hostName = QString::fromLatin1(uts.nodename);
    }
    info.operatingSystem = prettyOsName();
    info.cpus = int(::sysconf(_SC_NPROCESSORS_ONLN));
    struct sysinfo si
    {
    };
    if (::sysinfo(&si) == 0)
        info.memTotal = quint64(si.totalram) * si.mem_unit;
    info.overlaySupported = kernelHasOverlay();
    info.cgroups = detectCgroups();
    return info;
}

} // namespace berth
