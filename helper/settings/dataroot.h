#pragma once

// DataRoot: the engine's directories on disk.  The layout is versioned; a layout change means
// a new version and a migration written here, never a silent reinterpretation.
//
//   <data-root>/              mode 0700, owned by root
//     layout                  "1\n": the layout version
//     containers/<id>/        one directory per container (containers/containerstore.h)
//     images/<id>.json        image records     } written by store/imagestore.h,
//     repositories.json       tags              } store/blobstore.h and
//     blobs/sha256/<hex>      blobs             } layers/layerstore.h, which
//     layers/<chain id>/      unpacked layers   } describe them
//     volumes/<name>/         named and anonymous volumes (volumes/volumestore.h)
// containers/, layers/ and volumes/ carry ext4's "top of hierarchies" flag (chattr +T): each
// new entry is placed in a block group of its own.
//   <run-root>/               mode 0700: state that a reboot clears

#include "result.h"

#include <QString>

namespace berth {

class DataRoot
{
public:
    static constexpr int kLayoutVersion = 1;

    // Creates the directories if needed and checks the layout version.
    static Result<DataRoot> open(const QString &dataRoot, const QString &runRoot);

    const QString &path() const { return m_path; }
    const QString &runPath() const { return m_runPath; }

    // Records in one of the data root's collections ("containers", "images").
    uint countRecords(const QString &collection) const;

private:
    DataRoot(QString path, QString runPath);
    QString m_path;
    QString m_runPath;
};

} // namespace berth
