#include "imagespage.h"

#include "engine.h"
#include "engineconnection.h"
#include "models/imagemodel.h"
#include "pagetitle.h"

#include <QDBusPendingCallWatcher>
#include <QDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
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
    for (QPushButton *b : {m_inspect, m_tag, m_remove})
        header->addWidget(b);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);

    connect(m_remove, &QPushButton::clicked, this, &ImagesPage::removeSelected);
    connect(m_tag, &QPushButton::clicked, this, &ImagesPage::tagSelected);
    connect(m_inspect, &QPushButton::clicked, this, &ImagesPage::inspectSelected);
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
        m_model->setImages(engine::demarshal(reply.value(0)).toList());
        updateActions();
    });
}

void ImagesPage::whenAnswered(const QDBusPendingCall &call, std::function<void(const QVariantList &)> done)
{
    auto *watcher = new QDBusPendingCallWatcher(call, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, done = std::move(done)](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        if (w->isError())
            return showMessage(w->error().message());
        m_message->hide();
        done(w->reply().arguments());
    });
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
    for (QPushButton *b : {m_remove, m_tag, m_inspect})
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
        auto *text
            = new QPlainTextEdit(QString::fromUtf8(QJsonDocument::fromJson(reply.value(0).toString().toUtf8()).toJson()), dialog);
        text->setReadOnly(true);
        text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(text);
        dialog->resize(640, 520);
        dialog->show();
    });
}

} // namespace berth::gui
