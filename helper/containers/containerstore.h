#pragma once

// ContainerStore: the container records, one directory each under <data-root>/containers,
// and their names.  Lookups go by full id, unique id prefix or name, as docker's do.
//
//     ContainerStore store(dataRoot);
//     store.open();                                  // reads every record
//     auto record = store.find(u"web"_s);            // NotFound: "No such container: web"
//     record->state.status = ContainerStatus::Running;
//     store.saveRunState(*record);                   // atomic

#include "containerrecord.h"

#include <QHash>
#include <QList>

namespace berth {

class ContainerStore
{
public:
    explicit ContainerStore(QString dataRoot);

    Result<void> open();

    Result<ContainerRecord> find(const QString &nameOrId) const;
    QList<ContainerRecord> list() const;
    int count() const { return int(m_records.size()); }

    // A name that is free, or a Conflict naming the container that has it.
    Result<void> checkNameFree(const QString &name, const QString &exceptId = {}) const;
    // A docker-like "adjective_name" no container has.
    QString generateName() const;
    static QString newId();

    // Writes the record so that it survives a power loss (fsync): for a new container and for
    // changes to what it is (name, networks, a person's stop).
    Result<void> save(const ContainerRecord &record);
    // Writes the record atomically but unsynced, beside the synced one: for changes of its run
    // state alone (running, exited, pid, times), which a reboot ends anyway.  Each costs a
    // start or an exit no disk flush; a power loss may take such changes back to the last
    // save(), nothing more (open() takes the newer of the two files it can read).
    Result<void> saveRunState(const ContainerRecord &record);
    Result<void> remove(const QString &id);

    // <data-root>/containers/<id>: the record, the log and the container's writable layer.
    QString directory(const QString &id) const;

private:
    ContainerRecord nextRevision(const ContainerRecord &record) const;

    QString m_dir;
    QHash<QString, ContainerRecord> m_records; // id -> record
};

} // namespace berth
