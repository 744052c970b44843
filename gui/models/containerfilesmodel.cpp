#include "containerfilesmodel.h"

#include "engine.h"
#include "pages/whenanswered.h"
#include "streams/filetransfer.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QLocale>
#include <QMimeData>
#include <QPointer>
#include <QStandardPaths>
#include <QStyle>
#include <QUrl>

#include <sys/stat.h>

namespace berth::gui {

struct ContainerFilesModel::Node
{
    QByteArray name;
    uint mode = S_IFDIR | 0755;
    qint64 size = 0;
    qint64 modified = 0;
    uint uid = 0;
    uint gid = 0;
    QByteArray linkTarget;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
    bool loaded = false;
    bool loading = false;

    bool isDirectory() const { return S_ISDIR(mode); }
    QByteArray path() const
    {
        if (!parent)
            return QByteArrayLiteral("/");
        const QByteArray above = parent->path();
        return above + (above.endsWith('/') ? "" : "/") + name;
    }
    int row() const
    {
        if (!parent)
            return 0;
        for (std::size_t i = 0; i < parent->children.size(); ++i)
            if (parent->children[i].get() == this)
                return int(i);
        return 0;
    }
    void setFrom(const QVariantMap &entry)
    {
        name = entry.value(QStringLiteral("Name")).toByteArray();
        mode = entry.value(QStringLiteral("Mode")).toUInt();
        size = entry.value(QStringLiteral("Size")).toLongLong();
        modified = entry.value(QStringLiteral("Modified")).toLongLong();
        uid = entry.value(QStringLiteral("Uid")).toUInt();
        gid = entry.value(QStringLiteral("Gid")).toUInt();
        linkTarget = entry.value(QStringLiteral("LinkTarget")).toByteArray();
    }
};

namespace {

QString permissions(uint mode)
{
    const char type = S_ISDIR(mode) ? 'd' : S_ISLNK(mode) ? 'l' : S_ISREG(mode) ? '-' : S_ISFIFO(mode) ? 'p' : '?';
    QString text(1, QLatin1Char(type));
    const char letters[] = "rwxrwxrwx";
    for (int bit = 0; bit < 9; ++bit)
        text += (mode & (0400 >> bit)) ? QLatin1Char(letters[bit]) : QLatin1Char('-');
    return text;
}

} // namespace

// What a drag out carries: the entries' paths, copied out only when the drop target asks for
// the URLs, so a drag that is abandoned copies nothing.
class DraggedFiles : public QMimeData
{
public:
    DraggedFiles(ContainerFilesModel *model, QList<QByteArray> paths)
        : m_model(model)
        , m_paths(std::move(paths))
    { }

    QStringList formats() const override { return {QStringLiteral("text/uri-list")}; }
    bool hasFormat(const QString &mimeType) const override { return mimeType == u"text/uri-list"; }

protected:
    QVariant retrieveData(const QString &mimeType, QMetaType type) const override
    {
        if (mimeType != u"text/uri-list")
            return {};
        if (!m_copied && m_model) {
            m_urls = m_model->downloadForDrop(m_paths);
            m_copied = true;
        }
        if (type.id() == QMetaType::QByteArray) {
            QByteArray list;
            for (const QUrl &url : std::as_const(m_urls))
                list += url.toEncoded() + "\r\n";
            return list;
        }
        QVariantList urls;
        for (const QUrl &url : std::as_const(m_urls))
            urls << url;
        return urls;
    }

private:
    QPointer<ContainerFilesModel> m_model;
    QList<QByteArray> m_paths;
    mutable QList<QUrl> m_urls;
    mutable bool m_copied = false;
};

ContainerFilesModel::ContainerFilesModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{ }

ContainerFilesModel::~ContainerFilesModel() = default;

void ContainerFilesModel::setContainer(const QString &id)
{
    beginResetModel();
    m_container = id;
    m_root = std::make_unique<Node>();
    ++m_generation;
    endResetModel();
    if (!id.isEmpty())
        load(m_root.get());
}

ContainerFilesModel::Node *ContainerFilesModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

ContainerFilesModel::Node *ContainerFilesModel::nodeAt(const QByteArray &path) const
{
    Node *node = m_root.get();
    for (const QByteArray &name : path.split('/')) {
        if (name.isEmpty())
            continue;
        auto child = std::find_if(node->children.begin(), node->children.end(), [&](const auto &c) { return c->name == name; });
        if (child == node->children.end())
            return nullptr;
        node = child->get();
    }
    return node;
}

QModelIndex ContainerFilesModel::indexOf(Node *node, int column) const
{
    return !node || !node->parent ? QModelIndex() : createIndex(node->row(), column, node);
}

QByteArray ContainerFilesModel::pathOf(const QModelIndex &index) const
{
    return nodeOf(index)->path();
}

bool ContainerFilesModel::isDirectory(const QModelIndex &index) const
{
    return nodeOf(index)->isDirectory();
}

QModelIndex ContainerFilesModel::directoryOf(const QModelIndex &index) const
{
    return !index.isValid() || isDirectory(index) ? index.siblingAtColumn(0) : index.parent();
}

void ContainerFilesModel::reload(const QModelIndex &directory)
{
    Node *node = nodeOf(directory);
    if (node->isDirectory())
        load(node);
}

void ContainerFilesModel::load(Node *directory)
{
    directory->loading = true;
    const QByteArray path = directory->path();
    const quint64 generation = m_generation;
    whenAnswered(
        this,
        engine::call(engine::kFilesPath, engine::kFilesInterface, QStringLiteral("ListDirectory"),
                     {m_container, path, QVariantMap{}}, false),
        [this, path, generation](const QVariantList &reply) {
            if (generation != m_generation)
                return;
            // Found again by its path: the tree may have changed while the engine answered.
            Node *node = nodeAt(path);
            if (!node)
                return;
            QList<QVariantMap> entries;
            for (const QVariant &entry : engine::demarshal(reply.value(0)).toList())
                entries << entry.toMap();
            const QModelIndex parent = indexOf(node);
            // Merged into what is shown, both sorted by name: open subdirectories stay open.
            QSet<QByteArray> names;
            for (const QVariantMap &entry : std::as_const(entries))
                names.insert(entry.value(QStringLiteral("Name")).toByteArray());
            for (int row = int(node->children.size()) - 1; row >= 0; --row)
                if (!names.contains(node->children[std::size_t(row)]->name)) {
                    beginRemoveRows(parent, row, row);
                    node->children.erase(node->children.begin() + row);
                    endRemoveRows();
                }
            for (int row = 0; row < entries.size(); ++row) {
                const QByteArray name = entries[row].value(QStringLiteral("Name")).toByteArray();
                if (std::size_t(row) < node->children.size() && node->children[std::size_t(row)]->name == name) {
                    node->children[std::size_t(row)]->setFrom(entries[row]);
                    Q_EMIT dataChanged(index(row, 0, parent), index(row, ColumnCount - 1, parent));
                    continue;
                }
                auto child = std::make_unique<Node>();
                child->setFrom(entries[row]);
                child->parent = node;
                beginInsertRows(parent, row, row);
                node->children.insert(node->children.begin() + row, std::move(child));
                endInsertRows();
            }
            node->loading = false;
            node->loaded = true;
            Q_EMIT directoryLoaded(parent);
        },
        [this, path, generation](const QString &message) {
            if (generation == m_generation)
                Q_EMIT problem(message);
        });
}

QModelIndex ContainerFilesModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    if (row < 0 || std::size_t(row) >= node->children.size() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column, node->children[std::size_t(row)].get());
}

QModelIndex ContainerFilesModel::parent(const QModelIndex &child) const
{
    return child.isValid() ? indexOf(nodeOf(child)->parent) : QModelIndex();
}

int ContainerFilesModel::rowCount(const QModelIndex &parent) const
{
    return parent.column() > 0 ? 0 : int(nodeOf(parent)->children.size());
}

int ContainerFilesModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool ContainerFilesModel::hasChildren(const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    return node->isDirectory() && (!node->loaded || !node->children.empty());
}

bool ContainerFilesModel::canFetchMore(const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    return !m_container.isEmpty() && node->isDirectory() && !node->loaded && !node->loading;
}

void ContainerFilesModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        load(nodeOf(parent));
}

QVariant ContainerFilesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    if (role == PathRole)
        return node->path();
    if (role == DirectoryRole)
        return node->isDirectory();
    if (role == Qt::ToolTipRole && S_ISLNK(node->mode))
        return tr("Symbolic link to %1").arg(QString::fromUtf8(node->linkTarget));
    if (role == Qt::DecorationRole && index.column() == Name) {
        const QStyle::StandardPixmap icon = node->isDirectory() ? QStyle::SP_DirIcon
            : S_ISLNK(node->mode)                               ? QStyle::SP_FileLinkIcon
                                                                : QStyle::SP_FileIcon;
        return QApplication::style()->standardIcon(icon);
    }
    if (role == Qt::TextAlignmentRole && index.column() == Size)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name: return QString::fromUtf8(node->name);
    case Size: return S_ISREG(node->mode) ? QLocale().formattedDataSize(node->size) : QString();
    case Modified: return QLocale().toString(QDateTime::fromSecsSinceEpoch(node->modified), QLocale::ShortFormat);
    case Mode: return permissions(node->mode);
    case Owner: return QStringLiteral("%1:%2").arg(node->uid).arg(node->gid);
    default: return {};
    }
}

QVariant ContainerFilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Size: return tr("Size");
    case Modified: return tr("Modified");
    case Mode: return tr("Permissions");
    case Owner: return tr("Owner");
    default: return {};
    }
}

Qt::ItemFlags ContainerFilesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // the root directory
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
    if (isDirectory(index))
        flags |= Qt::ItemIsDropEnabled;
    return flags;
}

QStringList ContainerFilesModel::mimeTypes() const
{
    return {QStringLiteral("text/uri-list")};
}

QMimeData *ContainerFilesModel::mimeData(const QModelIndexList &indexes) const
{
    QList<QByteArray> paths;
    for (const QModelIndex &index : indexes)
        if (index.column() == 0 && !paths.contains(pathOf(index)))
            paths << pathOf(index);
    // The copy out happens later, on the drop, through the model.
    return new DraggedFiles(const_cast<ContainerFilesModel *>(this), paths);
}

bool ContainerFilesModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int, const QModelIndex &parent) const
{
    if (m_container.isEmpty() || !data->hasUrls() || !(action & (Qt::CopyAction | Qt::MoveAction)))
        return false;
    if (parent.isValid() && !isDirectory(parent))
        return false;
    // Our own drags land outside, in the person's file manager, not back in here.
    return !dynamic_cast<const DraggedFiles *>(data);
}

bool ContainerFilesModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                       const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    upload(data->urls(), parent);
    return true;
}

Qt::DropActions ContainerFilesModel::supportedDropActions() const
{
    return Qt::CopyAction;
}

Qt::DropActions ContainerFilesModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

void ContainerFilesModel::upload(const QList<QUrl> &files, const QModelIndex &directory)
{
    const QByteArray target = pathOf(directory);
    const quint64 generation = m_generation;
    for (const QUrl &url : files) {
        if (!url.isLocalFile())
            continue;
        const QString local = url.toLocalFile();
        auto *transfer = FileTransfer::upload(local, m_container, target, this);
        Q_EMIT transferStarted(transfer, tr("Copying %1 into %2").arg(QFileInfo(local).fileName(), QString::fromUtf8(target)));
        connect(transfer, &FileTransfer::finished, this, [this, transfer, target, generation](bool ok, const QString &message) {
            transfer->deleteLater();
            if (generation != m_generation)
                return;
            if (!ok)
                Q_EMIT problem(message);
            if (Node *node = nodeAt(target))
                load(node);
        });
    }
}

QList<FileTransfer *> ContainerFilesModel::download(const QModelIndexList &entries, const QString &hostDirectory)
{
    QList<FileTransfer *> transfers;
    for (const QModelIndex &entry : entries) {
        if (entry.column() != 0)
            continue;
        const Node *node = nodeOf(entry);
        const QString target = QDir(hostDirectory).filePath(QFile::decodeName(node->name));
        auto *transfer = FileTransfer::download(m_container, node->path(), target, this);
        Q_EMIT transferStarted(transfer, tr("Copying %1 to %2").arg(QString::fromUtf8(node->path()), hostDirectory));
        connect(transfer, &FileTransfer::finished, this, [this, transfer](bool ok, const QString &message) {
            transfer->deleteLater();
            if (!ok)
                Q_EMIT problem(message);
        });
        transfers << transfer;
    }
    return transfers;
}

QList<QUrl> ContainerFilesModel::downloadForDrop(const QList<QByteArray> &paths) const
{
    // A directory of its own per drop, kept while the app runs: the file manager may copy from
    // it after the drop has ended.
    const QString base = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/drops");
    QDir().mkpath(base);
    auto directory = std::make_unique<QTemporaryDir>(base + QStringLiteral("/XXXXXX"));
    if (!directory->isValid())
        return {};
    QList<QUrl> urls;
    QEventLoop loop;
    int pending = 0;
    auto *self = const_cast<ContainerFilesModel *>(this);
    for (const QByteArray &path : paths) {
        const QString target = directory->filePath(QFile::decodeName(path.mid(path.lastIndexOf('/') + 1)));
        auto *transfer = FileTransfer::download(m_container, path, target, self);
        Q_EMIT self->transferStarted(transfer, tr("Copying %1 out").arg(QString::fromUtf8(path)));
        ++pending;
        connect(transfer, &FileTransfer::finished, &loop, [&, transfer, target](bool ok, const QString &message) {
            transfer->deleteLater();
            if (ok)
                urls << QUrl::fromLocalFile(target);
            else
                Q_EMIT self->problem(message);
            if (--pending == 0)
                loop.quit();
        });
    }
    // The drop target waits for the URLs; the app stays responsive meanwhile.
    if (pending > 0)
        loop.exec();
    m_dropDirectories.push_back(std::move(directory));
    return urls;
}

} // namespace berth::gui
