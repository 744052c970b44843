#include "filesbrowser.h"

#include "engine.h"
#include "models/containerfilesmodel.h"
#include "streams/filetransfer.h"
#include "streams/jobfollower.h"
#include "whenanswered.h"

#include <QBoxLayout>
#include <QDBusObjectPath>
#include <QDBusUnixFileDescriptor>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeView>
#include <QUrl>

#include <fcntl.h>
#include <unistd.h>

namespace berth::gui {
namespace {

QPushButton *button(QWidget *parent, const QString &text, const QString &name)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    return b;
}

QDBusPendingCall callFiles(const QString &method, const QVariantList &args)
{
    return engine::call(engine::kFilesPath, engine::kFilesInterface, method, args, true);
}

} // namespace

FilesBrowser::FilesBrowser(QWidget *parent)
    : QWidget(parent)
    , m_model(new ContainerFilesModel(this))
    , m_tree(new QTreeView(this))
    , m_newFolder(button(this, tr("New Folder"), QStringLiteral("newFolder")))
    , m_upload(button(this, tr("Upload…"), QStringLiteral("uploadFiles")))
    , m_download(button(this, tr("Download…"), QStringLiteral("downloadFiles")))
    , m_delete(button(this, tr("Delete"), QStringLiteral("deleteFiles")))
    , m_commit(button(this, tr("Commit…"), QStringLiteral("commitContainer")))
    , m_export(button(this, tr("Export…"), QStringLiteral("exportContainer")))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    m_tree->setObjectName(QStringLiteral("containerFiles"));
    m_tree->setModel(m_model);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setDragEnabled(true);
    m_tree->setAcceptDrops(true);
    m_tree->setDropIndicatorShown(true);
    m_tree->setDragDropMode(QAbstractItemView::DragDrop);
    m_tree->setDefaultDropAction(Qt::CopyAction);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(ContainerFilesModel::Name, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_progress->setObjectName(QStringLiteral("filesProgress"));
    m_progress->setRange(0, 0);
    m_progress->hide();
    m_status->setObjectName(QStringLiteral("filesStatus"));
    m_status->setWordWrap(true);

    auto *bar = new QHBoxLayout;
    auto *refresh = button(this, tr("Refresh"), QStringLiteral("refreshFiles"));
    for (QPushButton *b : {refresh, m_newFolder, m_upload, m_download, m_delete})
        bar->addWidget(b);
    bar->addStretch();
    bar->addWidget(m_commit);
    bar->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);

    connect(refresh, &QPushButton::clicked, this, [this] { m_model->reload({}); });
    connect(m_newFolder, &QPushButton::clicked, this, [this] {
        const QString name = QInputDialog::getText(this, tr("New Folder"), tr("Name of the new folder:"));
        if (!name.isEmpty())
            createFolder(name);
    });
    connect(m_upload, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Upload into the container"));
        if (!files.isEmpty())
            uploadFiles(files);
    });
    connect(m_download, &QPushButton::clicked, this, [this] {
        const QString directory = QFileDialog::getExistingDirectory(this, tr("Download to"));
        if (!directory.isEmpty())
            downloadSelected(directory);
    });
    connect(m_delete, &QPushButton::clicked, this, &FilesBrowser::removeSelected);
    connect(m_commit, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString reference = QInputDialog::getText(
            this, tr("Commit"), tr("Name of the new image (optional), as repository:tag:"), QLineEdit::Normal, {}, &ok);
        if (ok)
            commit(reference);
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString file
            = QFileDialog::getSaveFileName(this, tr("Export the container's file system"), {}, tr("Tar archives (*.tar)"));
        if (!file.isEmpty())
            exportTo(file);
    });
    connect(m_model, &ContainerFilesModel::transferStarted, this, &FilesBrowser::track);
    connect(m_model, &ContainerFilesModel::problem, this, &FilesBrowser::showProblem);
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &FilesBrowser::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FilesBrowser::updateButtons);
    updateButtons();
}

void FilesBrowser::setContainer(const QString &id)
{
    if (id == m_model->container())
        return;
    m_status->clear();
    m_model->setContainer(id);
}

void FilesBrowser::updateButtons()
{
    const bool any = !m_model->container().isEmpty();
    const bool selected = any && !m_tree->selectionModel()->selectedRows().isEmpty();
    for (QPushButton *b : {m_newFolder, m_upload, m_commit, m_export})
        b->setEnabled(any);
    m_download->setEnabled(selected);
    m_delete->setEnabled(selected);
}

void FilesBrowser::showProblem(const QString &message)
{
    m_status->setText(message);
}

void FilesBrowser::track(FileTransfer *transfer, const QString &what)
{
    ++m_running;
    m_progress->show();
    m_status->setText(what);
    connect(transfer, &FileTransfer::progressed, this,
            [this, what](qint64 bytes) { m_status->setText(tr("%1: %2").arg(what, QLocale().formattedDataSize(bytes))); });
    connect(transfer, &FileTransfer::finished, this, [this, what](bool ok, const QString &message) {
        if (--m_running == 0)
            m_progress->hide();
        m_status->setText(ok ? tr("%1: done").arg(what) : message);
    });
}

void FilesBrowser::createFolder(const QString &name)
{
    const QModelIndex directory = m_model->directoryOf(m_tree->currentIndex());
    QByteArray path = m_model->pathOf(directory);
    path += (path.endsWith('/') ? "" : "/") + QFile::encodeName(name);
    whenAnswered(
        this, callFiles(QStringLiteral("MakeDirectory"), {m_model->container(), path, QVariantMap{}}),
        [this, directory = QPersistentModelIndex(directory)](const QVariantList &) { m_model->reload(directory); },
        [this](const QString &message) { showProblem(message); });
}

void FilesBrowser::removeSelected()
{
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    QStringList names;
    for (const QModelIndex &row : rows)
        names << QString::fromUtf8(m_model->pathOf(row));
    const auto answer = QMessageBox::question(
        this, tr("Delete"), tr("Delete from the container? This cannot be undone: %1").arg(names.join(QStringLiteral(", "))));
    if (answer != QMessageBox::Yes)
        return;
    for (const QModelIndex &row : rows) {
        const QPersistentModelIndex directory(row.parent());
        whenAnswered(
            this, callFiles(QStringLiteral("RemovePath"), {m_model->container(), m_model->pathOf(row), QVariantMap{}}),
            [this, directory](const QVariantList &) { m_model->reload(directory); },
            [this](const QString &message) { showProblem(message); });
    }
}

void FilesBrowser::uploadFiles(const QStringList &hostPaths)
{
    QList<QUrl> urls;
    for (const QString &path : hostPaths)
        urls << QUrl::fromLocalFile(path);
    m_model->upload(urls, m_model->directoryOf(m_tree->currentIndex()));
}

void FilesBrowser::downloadSelected(const QString &hostDirectory)
{
    m_model->download(m_tree->selectionModel()->selectedRows(), hostDirectory);
}

void FilesBrowser::followJob(const QString &jobPath, const QString &title, std::function<void(const QVariantMap &)> done)
{
    ++m_running;
    m_progress->show();
    auto *job = new JobFollower(jobPath, title, this);
    connect(job, &JobFollower::finished, this,
            [this, job, done = std::move(done)](bool ok, const QString &message, const QVariantMap &result) {
                job->deleteLater();
                if (--m_running == 0)
                    m_progress->hide();
                if (ok)
                    done(result);
                else
                    showProblem(message);
            });
}

void FilesBrowser::commit(const QString &reference)
{
    QVariantMap options;
    if (!reference.isEmpty())
        options.insert(QStringLiteral("reference"), reference);
    m_status->setText(tr("Committing…"));
    whenAnswered(
        this,
        engine::call(engine::kImagesPath, engine::kImagesInterface, QStringLiteral("CommitContainer"),
                     {m_model->container(), options}, true),
        [this](const QVariantList &reply) {
            followJob(qvariant_cast<QDBusObjectPath>(reply.value(0)).path(), tr("Commit %1").arg(m_model->container().left(12)),
                      [this](const QVariantMap &result) {
                          const QString id = result.value(QStringLiteral("Id")).toString();
                          m_status->setText(tr("Committed as image %1").arg(id));
                          Q_EMIT imageMade(id);
                      });
        },
        [this](const QString &message) { showProblem(message); });
}

void FilesBrowser::exportTo(const QString &hostFile)
{
    // Opened here, as the person: the engine only gets the descriptor.
    const int fd = ::open(QFile::encodeName(hostFile).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return showProblem(tr("Cannot write %1: %2").arg(hostFile, QString::fromLocal8Bit(std::strerror(errno))));
    const QDBusPendingCall call
        = callFiles(QStringLiteral("ExportContainer"),
                    {m_model->container(), QVariant::fromValue(QDBusUnixFileDescriptor(fd)), QVariantMap{}});
    ::close(fd);
    m_status->setText(tr("Exporting to %1…").arg(hostFile));
    whenAnswered(
        this, call,
        [this, hostFile](const QVariantList &reply) {
            followJob(qvariant_cast<QDBusObjectPath>(reply.value(0)).path(),
                      tr("Export %1 to %2").arg(m_model->container().left(12), hostFile), [this, hostFile](const QVariantMap &) {
                          m_status->setText(tr("Exported to %1").arg(hostFile));
                          Q_EMIT exported(hostFile);
                      });
        },
        [this](const QString &message) { showProblem(message); });
}

} // namespace berth::gui
