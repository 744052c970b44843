#pragma once

// ContainerFilesModel: a container's file system as a tree for the Files tab, read directory by
// directory as the person opens them (ListDirectory, asynchronously).  It speaks drag and drop:
// dragged out, its entries offer text/uri-list, and the copy out runs when the drop target asks
// for the URLs (that is, on the drop); files dropped on a directory are copied into it.
// Copies are FileTransfers, announced by transferStarted so the page can show their progress.

#include <QAbstractItemModel>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace berth::gui {

class FileTransfer;

class ContainerFilesModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, Size, Modified, Mode, Owner, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1, DirectoryRole };

    explicit ContainerFilesModel(QObject *parent = nullptr);
    ~ContainerFilesModel() override;

    // Shows this container's files from "/" (empty: none).
    void setContainer(const QString &id);
    const QString &container() const { return m_container; }

    QByteArray pathOf(const QModelIndex &index) const; // "/" for the invalid index
    bool isDirectory(const QModelIndex &index) const;
    // The directory an action on `index` works in: itself if a directory, else its parent.
    QModelIndex directoryOf(const QModelIndex &index) const;
    // Reads the directory again (the invalid index: "/").
    void reload(const QModelIndex &directory);

    // Copies the host's files into the container's directory; reloads it when each is done.
    void upload(const QList<QUrl> &files, const QModelIndex &directory);
    // Copies the entries out into `hostDirectory`, each under its own name.
    QList<FileTransfer *> download(const QModelIndexList &entries, const QString &hostDirectory);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;

Q_SIGNALS:
    void directoryLoaded(const QModelIndex &directory);
    void transferStarted(berth::gui::FileTransfer *transfer, const QString &what);
    void problem(const QString &message);

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    Node *nodeAt(const QByteArray &path) const; // null when the tree does not hold it (any more)
    QModelIndex indexOf(Node *node, int column = 0) const;
    void load(Node *directory);
    friend class DraggedFiles;
    // Copies the entries out into a directory of its own for a drop; returns their URLs once done.
    QList<QUrl> downloadForDrop(const QList<QByteArray> &paths) const;

    QString m_container;
    std::unique_ptr<Node> m_root;
    quint64 m_generation = 0; // answers for an earlier container are dropped
    mutable std::vector<std::unique_ptr<QTemporaryDir>> m_dropDirectories; // kept while the app runs
};

} // namespace berth::gui
