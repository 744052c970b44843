#include "containerstore.h"

#include "system/randomid.h"

#include "asciitext.h"
#include "system/fileops.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <algorithm>

Q_LOGGING_CATEGORY(lcContainers, "berth.containers")

namespace berth {
namespace {

const QString kRecordFile = QStringLiteral("/container.json");
const QString kRunStateFile = QStringLiteral("/run-state.json");

} // namespace

ContainerStore::ContainerStore(QString dataRoot)
    : m_dir(dataRoot + QStringLiteral("/containers"))
{ }

QString ContainerStore::directory(const QString &id) const
{
    return m_dir + u'/' + id;
}

Result<void> ContainerStore::open()
{
    if (!QDir().mkpath(m_dir))
        return Error::unavailable(QStringLiteral("cannot create %1").arg(m_dir));
    if (auto cleared = removeLeftovers(m_dir); !cleared)
        return cleared;
    for (const QString &id : QDir(m_dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(directory(id) + kRecordFile);
        if (!file.open(QIODevice::ReadOnly) || file.size() == 0) {
            // A create that died before writing its record, or the unsynced record of a
            // container that removes itself, emptied by a power loss: nothing refers to it.
            qCWarning(lcContainers) << "removing incomplete container directory" << id;
            (void)removeTree(directory(id));
            continue;
        }
        auto record = ContainerRecord::fromJson(file.readAll());
        if (!record || record->id != id) {
            qCWarning(lcContainers) << "skipping unreadable container record" << id;
            continue;
        }
        // The unsynced run state, if a power loss left it whole and it is the newer one.
        QFile runState(directory(id) + kRunStateFile);
        if (runState.open(QIODevice::ReadOnly))
            if (auto newer = ContainerRecord::fromJson(runState.readAll());
                newer && newer->id == id && newer->revision > record->revision)
                record = newer;
        m_records.insert(id, *record);
    }
    return {};
}

Result<ContainerRecord> ContainerStore::find(const QString &nameOrId) const
{
    const QString key = nameOrId.startsWith(u'/') ? nameOrId.mid(1) : nameOrId;
    if (auto it = m_records.constFind(key); it != m_records.cend())
        return *it;
    for (const ContainerRecord &record : m_records)
        if (record.name == key)
            return record;
    const ContainerRecord *match = nullptr;
    if (ascii::allOf(key, ascii::isLowerHex)) {
        for (const ContainerRecord &record : m_records) {
            if (!record.id.startsWith(key))
                continue;
            if (match)
                return Error::invalidArgument(QStringLiteral("multiple containers found with provided prefix: %1").arg(key));
            match = &record;
        }
    }
    if (!match)
        return Error::notFound(QStringLiteral("No such container: %1").arg(nameOrId));
    return *match;
}

QList<ContainerRecord> ContainerStore::list() const
{
    return m_records.values();
}

Result<void> ContainerStore::checkNameFree(const QString &name, const QString &exceptId) const
{
    for (const ContainerRecord &record : m_records)
        if (record.name == name && record.id != exceptId)
            return Error::conflict(QStringLiteral("Conflict. The container name \"/%1\" is already in use by container "
                                                  "\"%2\". You have to remove (or rename) that container to be able to "
                                                  "reuse that name.")
                                       .arg(name, record.id));
    return {};
}

QString ContainerStore::generateName() const
{
    static const char *const adjectives[]
        = {"brave", "calm",  "eager", "gentle", "happy", "jolly", "keen", "lively", "nimble", "proud",
           "quiet", "sharp", "swift", "tidy",   "vivid", "wise",  "bold", "bright", "clever", "steady"};
    static const char *const nouns[]
        = {"anchor", "beacon",  "buoy", "cargo", "compass", "dock",   "ferry", "harbor", "hull", "jetty",
           "keel",   "lantern", "mast", "pier",  "quay",    "rudder", "sail",  "skiff",  "tide", "wharf"};
    for (;;) {
        auto *random = QRandomGenerator::global();
        QString name = QStringLiteral("%1_%2").arg(QLatin1StringView(adjectives[random->bounded(int(std::size(adjectives)))]),
                                                   QLatin1StringView(nouns[random->bounded(int(std::size(nouns)))]));
        if (checkNameFree(name))
            return name;
        name += QString::number(random->bounded(10)); // docker appends a digit too
        if (checkNameFree(name))
            return name;
    }
}

QString ContainerStore::newId()
{
    return randomId();
}

ContainerRecord ContainerStore::nextRevision(const ContainerRecord &record) const
{
    ContainerRecord next = record;
    next.revision = std::max(record.revision, m_records.value(record.id).revision) + 1;
    return next;
}

Result<void> ContainerStore::save(const ContainerRecord &record)
{
    const QString dir = directory(record.id);
    if (!QDir().mkpath(dir))
        return Error::unavailable(QStringLiteral("cannot create %1").arg(dir));
    const ContainerRecord next = nextRevision(record);
    // A container that removes itself when it ends need not outlive a power loss, which ends
    // it: its record is not synced, and `docker run --rm` waits for no disk flush.
    const bool durable = !record.spec.host.autoRemove;
    if (auto written
        = durable ? writeFileAtomically(dir + kRecordFile, next.toJson()) : replaceFileUnsynced(dir + kRecordFile, next.toJson());
        !written)
        return written;
    m_records.insert(next.id, next);
    return {};
}

Result<void> ContainerStore::saveRunState(const ContainerRecord &record)
{
    if (!m_records.contains(record.id))
        return save(record);
    const ContainerRecord next = nextRevision(record);
    if (auto written = replaceFileUnsynced(directory(record.id) + kRunStateFile, next.toJson()); !written)
        return written;
    m_records.insert(next.id, next);
    return {};
}

Result<void> ContainerStore::remove(const QString &id)
{
    // One rename takes the record with the rest; a crash before the removal ends leaves only
    // a hidden directory that open() clears.
    m_records.remove(id);
    return removeTreeLater(directory(id));
}

} // namespace berth
