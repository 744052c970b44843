// ContainerStore's two kinds of writes: a synced record for what a container is, and an unsynced
// run state beside it, read back only when it is whole and newer.

#include "containers/containerstore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace berth;

namespace {

ContainerRecord aContainer()
{
    ContainerRecord record;
    record.id = QStringLiteral("ab").repeated(32);
    record.name = QStringLiteral("web");
    record.created = QStringLiteral("2026-11-26T00:00:00Z");
    record.path = QStringLiteral("sh");
    record.spec.config.image = QStringLiteral("busybox");
    return record;
}

ContainerRecord reopened(const QString &dataRoot, const QString &id)
{
    ContainerStore store(dataRoot);
    if (!store.open())
        return {};
    return store.find(id).value_or(ContainerRecord{});
}

} // namespace

class TestContainerStore : public QObject
{
    Q_OBJECT

    QString runStateFile() const { return m_root.filePath(QStringLiteral("containers/%1/run-state.json").arg(aContainer().id)); }

private Q_SLOTS:
    void init()
    {
        QDir(m_root.filePath(QStringLiteral("containers"))).removeRecursively();
        m_store = std::make_unique<ContainerStore>(m_root.path());
        QVERIFY(m_store->open());
    }

    void theRunStateIsReadBack()
    {
        ContainerRecord record = aContainer();
        QVERIFY(m_store->save(record));
        record.state.status = ContainerStatus::Exited;
        record.state.exitCode = 3;
        QVERIFY(m_store->saveRunState(record));
        QVERIFY(QFile::exists(runStateFile()));

        const ContainerRecord back = reopened(m_root.path(), record.id);
        QCOMPARE(back.state.status, ContainerStatus::Exited);
        QCOMPARE(back.state.exitCode, 3);
    }

    // A power loss may leave the unsynced file cut short: the synced record stands.
    void aRunStateCutShortFallsBackToTheSyncedRecord()
    {
        ContainerRecord record = aContainer();
        QVERIFY(m_store->save(record));
        record.state.status = ContainerStatus::Exited;
        QVERIFY(m_store->saveRunState(record));
        QFile file(runStateFile());
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(file.size() / 2));
        file.close();

        const ContainerRecord back = reopened(m_root.path(), record.id);
        QCOMPARE(back.id, record.id);
        QCOMPARE(back.state.status, ContainerStatus::Created);
    }

    // A synced save after the run state (a rename, say) is the newer one, whatever the files'
    // times; the run state it carried stays too.
    void aLaterSyncedSaveWinsOverAnOlderRunState()
    {
        ContainerRecord record = aContainer();
        QVERIFY(m_store->save(record));
        record.state.status = ContainerStatus::Exited;
        QVERIFY(m_store->saveRunState(record));
        record.name = QStringLiteral("renamed");
        QVERIFY(m_store->save(record));

        const ContainerRecord back = reopened(m_root.path(), record.id);
        QCOMPARE(back.name, QStringLiteral("renamed"));
        QCOMPARE(back.state.status, ContainerStatus::Exited);
    }

    // A caller holding an old copy still writes a newer revision than the store holds.
    void revisionsGrowWhateverCopyIsSaved()
    {
        const ContainerRecord old = aContainer();
        QVERIFY(m_store->save(old));
        ContainerRecord running = old;
        running.state.status = ContainerStatus::Running;
        QVERIFY(m_store->saveRunState(running));
        ContainerRecord exited = old; // the copy from before the run state
        exited.state.status = ContainerStatus::Exited;
        QVERIFY(m_store->saveRunState(exited));

        QCOMPARE(reopened(m_root.path(), old.id).state.status, ContainerStatus::Exited);
    }

    void removalLeavesNothing()
    {
        ContainerRecord record = aContainer();
        QVERIFY(m_store->save(record));
        QVERIFY(m_store->saveRunState(record));
        QVERIFY(m_store->remove(record.id));
        QVERIFY(!QFileInfo::exists(m_root.filePath(QStringLiteral("containers/") + record.id)));
        QVERIFY(!m_store->find(record.id));
        // Its files go on a worker thread, soon; meanwhile they sit under a hidden name.
        const QDir containers(m_root.filePath(QStringLiteral("containers")));
        QVERIFY(QTest::qWaitFor(
            [&] { return containers.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty(); }, 5000));
    }

    void aSelfRemovingContainerLostToAPowerLossIsCleared()
    {
        // Its record is written unsynced: whole, it is read back; emptied by a power loss, the
        // container is gone at the next open, as it would have been at its end.
        ContainerRecord record = aContainer();
        record.spec.host.autoRemove = true;
        QVERIFY(m_store->save(record));
        QVERIFY(reopened(m_root.path(), record.id).spec.host.autoRemove);
        QFile file(m_root.filePath(QStringLiteral("containers/%1/container.json").arg(record.id)));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.close();
        ContainerStore store(m_root.path());
        QVERIFY(store.open());
        QVERIFY(!store.find(record.id));
        QVERIFY(!QFileInfo::exists(m_root.filePath(QStringLiteral("containers/") + record.id)));
    }

    void whatARemovalLeftIsClearedAtOpen()
    {
        // An engine that stopped while removing: the hidden tree is gone at the next open, and
        // no record came back from it.
        const QString aside = m_root.filePath(QStringLiteral("containers/.removing-%1.0").arg(aContainer().id));
        QVERIFY(QDir().mkpath(aside + QStringLiteral("/diff/etc")));
        QFile record(aside + QStringLiteral("/container.json"));
        QVERIFY(record.open(QIODevice::WriteOnly));
        record.write(aContainer().toJson());
        record.close();
        ContainerStore store(m_root.path());
        QVERIFY(store.open());
        QVERIFY(!QFileInfo::exists(aside));
        QVERIFY(store.list().isEmpty());
    }

private:
    QTemporaryDir m_root;
    std::unique_ptr<ContainerStore> m_store;
};

QTEST_GUILESS_MAIN(TestContainerStore)
#include "tst_containerstore.moc"
