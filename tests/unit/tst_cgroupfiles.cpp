// What berth-runtime writes to a cgroup v2 directory for a container's limits, and how the
// helper reads v2's files back.  Most desktops have cgroup v2 alone; this machine's cgroup2
// hierarchy holds no controllers (they are bound to its v1 hierarchies), so the limits cannot
// be set on a real v2 cgroup here.  The directory is a plain one with the files the kernel
// would offer, which tests the conversions (docker's v1-shaped values to v2's files) exactly.

#include "core/cgroups.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace berth::runtime;

class TestCgroupFiles : public QObject
{
    Q_OBJECT

    QString file(const QString &name) const { return m_dir.filePath(QStringLiteral("berth/c1/") + name); }

    QString contents(const QString &name) const
    {
        QFile f(file(name));
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QStringLiteral("<missing>");
    }

    void put(const QString &name, const QByteArray &text) const
    {
        QFile f(file(name));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }

    Cgroup cgroup() const
    {
        CgroupLayout layout;
        layout.unified = true;
        layout.unifiedRoot = m_dir.path().toStdString();
        return Cgroup(layout, "/berth/c1");
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("berth/c1")));
        for (const char *name :
             {"memory.max", "memory.swap.max", "cpu.weight", "cpu.max", "cpuset.cpus", "pids.max", "cgroup.freeze"})
            put(QLatin1StringView(name), "");
    }

    void limitsBecomeV2Values()
    {
        Resources limits;
        limits.memoryLimit = 64 << 20;
        limits.memorySwap = 96 << 20; // memory + swap, as docker and the OCI spec give it
        limits.cpuShares = 512;
        limits.cpuQuota = 50000;
        limits.cpuPeriod = 100000;
        limits.cpusetCpus = "0-1";
        limits.pidsLimit = 77;
        Cgroup group = cgroup();
        group.apply(limits);
        QCOMPARE(contents(QStringLiteral("memory.max")), QStringLiteral("67108864"));
        QCOMPARE(contents(QStringLiteral("memory.swap.max")), QStringLiteral("33554432")); // the swap alone
        QCOMPARE(contents(QStringLiteral("cpu.weight")), QStringLiteral("20")); // runc's and crun's conversion
        QCOMPARE(contents(QStringLiteral("cpu.max")), QStringLiteral("50000 100000"));
        QCOMPARE(contents(QStringLiteral("cpuset.cpus")), QStringLiteral("0-1"));
        QCOMPARE(contents(QStringLiteral("pids.max")), QStringLiteral("77"));
    }

    void unlimitedIsMax()
    {
        Resources limits;
        limits.memoryLimit = 64 << 20;
        limits.memorySwap = -1;
        limits.pidsLimit = -1;
        limits.cpuShares = 2;
        Cgroup group = cgroup();
        group.apply(limits);
        QCOMPARE(contents(QStringLiteral("memory.swap.max")), QStringLiteral("max"));
        QCOMPARE(contents(QStringLiteral("pids.max")), QStringLiteral("max"));
        QCOMPARE(contents(QStringLiteral("cpu.weight")), QStringLiteral("1"));
    }

    void pauseWritesFreeze()
    {
        Cgroup group = cgroup();
        group.setFrozen(true);
        QCOMPARE(contents(QStringLiteral("cgroup.freeze")), QStringLiteral("1"));
        group.setFrozen(false);
        QCOMPARE(contents(QStringLiteral("cgroup.freeze")), QStringLiteral("0"));
    }

    void anOomKillAndUsageAreRead()
    {
        put(QStringLiteral("memory.events"), "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\noom_group_kill 0\n");
        put(QStringLiteral("memory.current"), "1048576\n");
        put(QStringLiteral("memory.max"), "67108864\n");
        put(QStringLiteral("cpu.stat"), "usage_usec 2500\nuser_usec 2000\nsystem_usec 500\n");
        put(QStringLiteral("io.stat"), "8:0 rbytes=4096 wbytes=8192 rios=1 wios=2 dbytes=0 dios=0\n");
        put(QStringLiteral("pids.current"), "3\n");
        const Cgroup group = cgroup();
        QVERIFY(group.oomKilled());
        const CgroupStats stats = group.stats();
        QCOMPARE(stats.memoryUsage, quint64(1048576));
        QCOMPARE(stats.memoryLimit, quint64(67108864));
        QCOMPARE(stats.cpuUsageNanoseconds, quint64(2500000));
        QCOMPARE(stats.blockRead, quint64(4096));
        QCOMPARE(stats.blockWritten, quint64(8192));
        QCOMPARE(stats.pids, quint64(3));
        put(QStringLiteral("memory.events"), "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\n");
        QVERIFY(!group.oomKilled());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCgroupFiles)
#include "tst_cgroupfiles.moc"
