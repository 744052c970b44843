#include "imagespage.h"

#include "dialogs/transferdialog.h"
#include "engine.h"
#include "engineconnection.h"
#include "models/imagemodel.h"
#include "pagetitle.h"
#include "whenanswered.h"
#include "widgets/jsontree.h"
#include "widgets/layergraph.h"

#include <QDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace berth::gui {
namespace {

QDBusPendingCall callImages(const QString &method, const QVariantList &args, bool interactive)
{
    return engine::call(engine::kImagesPath, engine::kImagesInterface, method, args, interactive);
}

QPushButton *button(const QString &text, const char *objectName, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QLatin1StringView(objectName));
    return b;
}

} // namespace

ImagesPage::ImagesPage(EngineConnection &engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_model(new ImageModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_message(new QLabel(this))
    , m_empty(new QLabel(tr("No images. Pull or build one, or load an archive."), this))
    , m_remove(button(tr("Remove"), "removeImage", this))
    , m_tag(button(tr("Tag…"), "tagImage", this))
    , m_inspect(button(tr("Inspect"), "inspectImage", this))
    , m_pull(button(tr("Pull…"), "pullImage", this))
    , m_push(button(tr("Push…"), "pushImage", this))
    , m_graph(new LayerGraphView(this))
    , m_layerFiles(new QTreeWidget(this))
    , m_layerSummary(new QLabel(tr("Click a layer to see its files."), this))
{
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(ImageModel::SortRole);
    m_view->setObjectName(QStringLiteral("imageList"));
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ImageModel::Created, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ImageModel::Repository, QHeaderView::Stretch);
    m_view->setWordWrap(false);
    m_message->setObjectName(QStringLiteral("imagesMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);

    auto *header = new QHBoxLayout;
    header->addWidget(pageTitle(tr("Images"), this), 1);
    for (QPushButton *b : {m_pull, m_push, m_inspect, m_tag, m_remove})
        header->addWidget(b);
    auto *list = new QWidget(this);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_view, 1);
    listLayout->addWidget(m_empty, 1);
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("imageTabs"));
    tabs->addTab(list, tr("List"));
    tabs->addTab(makeLayersTab(), tr("Layers"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_message);
    layout->addWidget(tabs, 1);

    connect(m_remove, &QPushButton::clicked, this, &ImagesPage::removeSelected);
    connect(m_tag, &QPushButton::clicked, this, &ImagesPage::tagSelected);
    connect(m_inspect, &QPushButton::clicked, this, &ImagesPage::inspectSelected);
    connect(m_pull, &QPushButton::clicked, this, &ImagesPage::pullImage);
    connect(m_push, &QPushButton::clicked, this, &ImagesPage::pushSelected);
    connect(m_view, &QTableView::doubleClicked, this, &ImagesPage::inspectSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ImagesPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ImagesPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &ImagesPage::updateActions);
    connect(&m_engine, &EngineConnection::stateChanged, this, [this](EngineConnection::State state) {
        if (state == EngineConnection::State::Connected)
            refresh();
    });
    connect(&m_engine, &EngineConnection::eventReceived, this, [this](const QString &type) {
        if (type == u"image")
            refresh();
    });
    updateActions();
}

void ImagesPage::refresh()
{
    whenAnswered(callImages(QStringLiteral("ListImages"), {QVariantMap{}}, false), [this](const QVariantList &reply) {
        const QVariantList images = engine::demarshal(reply.value(0)).toList();
        m_model->setImages(images);
        m_graph->setGraph(LayerGraph::fromImages(images));
        updateActions();
    });
}

QWidget *ImagesPage::makeLayersTab()
{
    m_graph->setObjectName(QStringLiteral("layerGraph"));
    m_layerFiles->setObjectName(QStringLiteral("layerFiles"));
    m_layerFiles->setHeaderLabels({tr("Change"), tr("Path"), tr("Size")});
    m_layerFiles->setRootIsDecorated(false);
    m_layerFiles->setUniformRowHeights(true);
    m_layerSummary->setObjectName(QStringLiteral("layerSummary"));
    m_layerSummary->setWordWrap(true);
    connect(m_graph, &LayerGraphView::layerSelected, this, &ImagesPage::showLayerChanges);
    auto *files = new QWidget(this);
    auto *filesLayout = new QVBoxLayout(files);
    filesLayout->setContentsMargins(0, 0, 0, 0);
    filesLayout->addWidget(m_layerSummary);
    filesLayout->addWidget(m_layerFiles, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_graph);
    splitter->addWidget(files);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    // Made while its tab is hidden, the splitter would size both from their hints and leave the
    // graph a sliver; these sizes are read as the proportions 3:2.
    splitter->setSizes({3000, 2000});
    return splitter;
}

void ImagesPage::showLayerChanges(const QString &chainId)
{
    whenAnswered(callImages(QStringLiteral("LayerChanges"), {chainId, QVariantMap{}}, false), [this](const QVariantList &reply) {
        const QVariantMap result = engine::demarshal(reply.value(0)).toMap();
        static const QHash<QString, QString> kinds{
            {QStringLiteral("A"), tr("added")}, {QStringLiteral("C"), tr("changed")}, {QStringLiteral("D"), tr("deleted")}};
        m_layerFiles->clear();
        QList<QTreeWidgetItem *> items;
        for (const QVariant &item : result.value(QStringLiteral("Changes")).toList()) {
            const QVariantMap change = item.toMap();
            const quint64 size = change.value(QStringLiteral("Size")).toULongLong();
            items << new QTreeWidgetItem(QStringList{
                kinds.value(change.value(QStringLiteral("Change")).toString()), change.value(QStringLiteral("Path")).toString(),
                size ? QLocale().formattedDataSize(qint64(size), 1, QLocale::DataSizeSIFormat) : QString()});
        }
        m_layerFiles->addTopLevelItems(items);
        //: %1 is a number of files, %2 a size such as "1.9 MB"
        QString summary = tr("%1 files, %2 added by this layer")
                              .arg(items.size())
                              .arg(QLocale().formattedDataSize(result.value(QStringLiteral("AddedBytes")).toLongLong(), 1,
                                                               QLocale::DataSizeSIFormat));
        if (result.value(QStringLiteral("Truncated")).toBool())
            summary += u' ' + tr("(only the first %1 are listed)").arg(items.size());
        m_layerSummary->setText(summary);
    });
}

void ImagesPage::whenAnswered(const QDBusPendingCall &call, std::function<void(const QVariantList &)> done)
{
    gui::whenAnswered(
        this, call,
        [this, done = std::move(done)](const QVariantList &reply) {
            m_message->hide();
            done(reply);
        },
        [this](const QString &error) { showMessage(error); });
}

void ImagesPage::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->show();
}

QModelIndex ImagesPage::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel() ? m_view->selectionModel()->selectedRows() : QModelIndexList{};
    return rows.isEmpty() ? QModelIndex() : m_sorted->mapToSource(rows.first());
}

void ImagesPage::updateActions()
{
    const bool selected = selectedRow().isValid();
    for (QPushButton *b : {m_remove, m_tag, m_inspect, m_push})
        b->setEnabled(selected);
    const bool empty = m_model->rowCount() == 0;
    m_view->setVisible(!empty);
    m_empty->setVisible(empty);
}

void ImagesPage::removeSelected()
{
    const QModelIndex row = selectedRow();
    if (!row.isValid())
        return;
    const QString reference = row.data(ImageModel::ReferenceRole).toString();
    const QString target = reference.isEmpty() ? row.data(ImageModel::IdRole).toString() : reference;
    const auto answer = QMessageBox::question(this, tr("Remove image"),
                                              tr("Remove %1? Layers no other image uses are deleted too.").arg(target));
    if (answer != QMessageBox::Yes)
        return;
    whenAnswered(callImages(QStringLiteral("RemoveImage"), {target, QVariantMap{}}, true),
                 [this](const QVariantList &) { refresh(); });
}

void ImagesPage::tagSelected()
{
    const QModelIndex row = selectedRow();
    if (!row.isValid())
        return;
    bool ok = false;
    const QString target
        = QInputDialog::getText(this, tr("Tag image"), tr("New name (repository[:tag]):"), QLineEdit::Normal, {}, &ok);
    if (!ok || target.isEmpty())
        return;
    whenAnswered(callImages(QStringLiteral("TagImage"), {row.data(ImageModel::IdRole).toString(), target, QVariantMap{}}, true),
                 [this](const QVariantList &) { refresh(); });
}

void ImagesPage::pullImage()
{
    auto *dialog = new TransferDialog(TransferDialog::Kind::Pull, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void ImagesPage::pushSelected()
{
    const QModelIndex row = selectedRow();
    const QString reference = row.isValid() ? row.data(ImageModel::ReferenceRole).toString() : QString();
    if (reference.isEmpty())
        return showMessage(tr("Tag the image with a registry's name first, then push it."));
    auto *dialog = new TransferDialog(TransferDialog::Kind::Push, reference, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->start();
}

void ImagesPage::inspectSelected()
{
    const QModelIndex row = selectedRow();
    if (!row.isValid())
        return;
    const QString id = row.data(ImageModel::IdRole).toString();
    whenAnswered(callImages(QStringLiteral("InspectImage"), {id, QVariantMap{}}, false), [this, id](const QVariantList &reply) {
        auto *dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("inspectDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Image %1").arg(id.mid(7, 12)));
        auto *tree = new JsonTree(dialog);
        tree->setJson(reply.value(0).toString().toUtf8());
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(tree);
        dialog->resize(640, 520);
        dialog->show();
    });
}

} // namespace berth::gui
