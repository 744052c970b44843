#pragma once

// VolumeStore: docker's named volumes of the "local" driver.  A volume is a directory
// <data-root>/volumes/<name>/_data, mounted into containers by name (-v name:/path), with its
// record (created, labels, whether it is anonymous) in <name>/volume.json.

#include "result.h"

#include <QMap>
#include <QString>

namespace berth {

struct VolumeRecord
{
    QString name;
    QString created; // RFC 3339
    QMap<QString, QString> labels;
    bool anonymous = false; // made for a container's image VOLUME; `rm -v` removes it
};

class VolumeStore
{
public:
    explicit VolumeStore(QString directory);

    Result<void> load();
    Result<VolumeRecord> find(const QString &name) const;
    QList<VolumeRecord> list() const;
    // Creates the volume, or answers the existing one of that name (as docker does).
    Result<VolumeRecord> create(const QString &name, const QMap<QString, QString> &labels = {}, bool anonymous = false);
    // Refused (Conflict) while `users` is not empty: the containers that use it, by name.
    Result<void> remove(const QString &name, const QStringList &users);
    // The directory mounted into containers.
    QString dataPath(const QString &name) const;
    qint64 sizeOf(const QString &name) const;

    // docker's rule for volume names.
    static bool isValidName(const QString &name);

private:
    QString m_directory;
    QMap<QString, VolumeRecord> m_volumes;
};

} // namespace berth
