#pragma once

// ContainerStore: the container records, one directory each under <data-root>/containers,
// and their names.  Lookups go by full id, unique id prefix or name, as docker's do.
//
//     ContainerStore store(dataRoot);
//     store.open();                                  // reads every record
//     auto record = store.find(u"web"_s);            // NotFound: "No such container: web"
//     record->state.status = ContainerStatus::Running;
//     store.save(*record);                           // atomic

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

    Result<void> save(const ContainerRecord &record);
    Result<void> remove(const QString &id);

    // <data-root>/containers/<id>: the record, the log and the container's writable layer.
    QString directory(const QString &id) const;

private:
    QString m_dir;
    QHash<QString, ContainerRecord> m_records; // id -> record
};

} // namespace berth
