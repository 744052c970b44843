#include "containerstore.h"

#include "system/randomid.h"

#include "system/fileops.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>

Q_LOGGING_CATEGORY(lcContainers, "berth.containers")

namespace berth {

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
    for (const QString &id : QDir(m_dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(directory(id) + QStringLiteral("/container.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            // A create that died before writing its record: nothing else refers to it.
            qCWarning(lcContainers) << "removing incomplete container directory" << id;
            (void)removeTree(directory(id));
            continue;
        }
        auto record = ContainerRecord::fromJson(file.readAll());
        if (!record || record->id != id) {
            qCWarning(lcContainers) << "skipping unreadable container record" << id;
            continue;
        }
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
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]+$"));
    if (!key.isEmpty() && hex.match(key).hasMatch()) {
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

Result<void> ContainerStore::save(const ContainerRecord &record)
{
    const QString dir = directory(record.id);
    if (!QDir().mkpath(dir))
        return Error::unavailable(QStringLiteral("cannot create %1").arg(dir));
    if (auto written = writeFileAtomically(dir + QStringLiteral("/container.json"), record.toJson()); !written)
        return written;
    m_records.insert(record.id, record);
    return {};
}

Result<void> ContainerStore::remove(const QString &id)
{
    // The record goes first: a crash halfway leaves a directory that open() clears.
    QFile::remove(directory(id) + QStringLiteral("/container.json"));
    m_records.remove(id);
    return removeTree(directory(id));
}

} // namespace berth
