#include "containerspage.h"

#include "container/containerconfig.h"
#include "containerdetail.h"
#include "dialogs/rundialog.h"
#include "engine.h"
#include "engineconnection.h"
#include "models/containermodel.h"
#include "pagetitle.h"
#include "whenanswered.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QUrl>
#include <QVBoxLayout>

namespace berth::gui {

// The search text in any column, and the states the state filter lets through.
class ContainerFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setStates(const QStringList &states)
    {
        m_states = states;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QString state = sourceModel()->index(row, 0, parent).data(ContainerModel::StateRole).toString();
        return (m_states.isEmpty() || m_states.contains(state)) && QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }

private:
    QStringList m_states; // empty: all
};

namespace {

QDBusPendingCall callContainers(const QString &method, const QVariantList &args)
{
    return engine::call(engine::kContainersPath, engine::kContainersInterface, method, args, true);
}

// The State column as a rounded badge in the state's colour.
class StateBadgeDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        // The cell without its text, which the badge carries instead.
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        const QStyle *style = background.widget ? background.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, background.widget);
        const QString text = index.data().toString();
        const QColor color = ContainerModel::stateColor(index.data(ContainerModel::StateRole).toString());
        const QFontMetrics metrics(option.font);
        QRect badge(0, 0, metrics.horizontalAdvance(text) + 16, metrics.height() + 4);
        badge.moveCenter(option.rect.center());
        badge.moveLeft(option.rect.left() + 4);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, text);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QSize size = QStyledItemDelegate::sizeHint(option, index);
        return {size.width() + 24, size.height() + 4};
    }
};

// The Ports column: published TCP ports drawn as links, opened with a click.
class PortLinkDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(ContainerModel::LinksRole).toStringList().isEmpty())
            return;
        option->font.setUnderline(true);
        if (!(option->state & QStyle::State_Selected))
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Link));
    }
};

// The CPU and Memory columns: the recent history as a sparkline behind the current value.
class SparklineDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        const auto history = index.data(ContainerModel::HistoryRole).value<QList<double>>();
        if (history.size() < 2)
            return;
        const double top = std::max(*std::max_element(history.cbegin(), history.cend()), 1e-9);
        const QRectF area = QRectF(option.rect).adjusted(2, 4, -2, -4);
        const double step = area.width() / (ContainerModel::kHistory - 1);
        QPolygonF line;
        for (qsizetype i = 0; i < history.size(); ++i)
            line << QPointF(area.right() - double(history.size() - 1 - i) * step,
                            area.bottom() - history[i] / top * area.height());
        const QColor color
            = option.palette.color((option.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Highlight);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(color, 1.2));
        painter->drawPolyline(line);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return QStyledItemDelegate::sizeHint(option, index).expandedTo(QSize(110, 0));
    }
};

} // namespace

ContainersPage::ContainersPage(EngineConnection &engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_model(new ContainerModel(this))
    , m_filtered(new ContainerFilter(this))
    , m_view(new QTableView(this))
    , m_search(new QLineEdit(this))
    , m_stateFilter(new QComboBox(this))
    , m_message(new QLabel(this))
    , m_empty(new QLabel(tr("No containers yet. Run one from an image."), this))
    , m_detail(new ContainerDetail(this))
    , m_sampler(new QTimer(this))
{
    m_filtered->setSourceModel(m_model);
    m_filtered->setSortRole(ContainerModel::SortRole);
    m_filtered->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filtered->setFilterKeyColumn(-1);
    m_view->setObjectName(QStringLiteral("containerList"));
    m_view->setModel(m_filtered);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ContainerModel::Created, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ContainerModel::Status, QHeaderView::Stretch);
    m_view->setItemDelegateForColumn(ContainerModel::State, new StateBadgeDelegate(m_view));
    for (int column : {ContainerModel::Cpu, ContainerModel::Memory})
        m_view->setItemDelegateForColumn(column, new SparklineDelegate(m_view));
    m_view->setItemDelegateForColumn(ContainerModel::Ports, new PortLinkDelegate(m_view));
    m_search->setObjectName(QStringLiteral("containerSearch"));
    m_search->setPlaceholderText(tr("Search by name, image or state"));
    m_search->setClearButtonEnabled(true);
    m_stateFilter->setObjectName(QStringLiteral("containerStateFilter"));
    m_stateFilter->addItem(tr("All containers"), QStringList());
    m_stateFilter->addItem(tr("Running"),
                           QStringList{QStringLiteral("running"), QStringLiteral("paused"), QStringLiteral("restarting")});
    m_stateFilter->addItem(tr("Stopped"),
                           QStringList{QStringLiteral("created"), QStringLiteral("exited"), QStringLiteral("dead")});
    m_message->setObjectName(QStringLiteral("containersMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);

    auto *toolbar = new QToolBar(this);
    QAction *run = toolbar->addAction(tr("Run…"));
    run->setObjectName(QStringLiteral("runContainer"));
    connect(run, &QAction::triggered, this, &ContainersPage::runContainer);
    toolbar->addSeparator();
    const QStringList stopped = {QStringLiteral("created"), QStringLiteral("exited")};
    const QStringList live = {QStringLiteral("running"), QStringLiteral("restarting"), QStringLiteral("paused")};
    addAction(tr("Start"), "startContainer", QStringLiteral("StartContainer"), stopped);
    addAction(tr("Stop"), "stopContainer", QStringLiteral("StopContainer"), live);
    addAction(tr("Restart"), "restartContainer", QStringLiteral("RestartContainer"),
              {QStringLiteral("running"), QStringLiteral("exited"), QStringLiteral("created")});
    addAction(tr("Pause"), "pauseContainer", QStringLiteral("PauseContainer"), {QStringLiteral("running")});
    addAction(tr("Resume"), "unpauseContainer", QStringLiteral("UnpauseContainer"), {QStringLiteral("paused")});
    addAction(tr("Kill"), "killContainer", QStringLiteral("KillContainer"), {QStringLiteral("running")});
    addAction(tr("Remove"), "removeContainer", QStringLiteral("RemoveContainer"),
              stopped + live + QStringList{QStringLiteral("dead")});
    for (const auto &[action, states] : std::as_const(m_actions))
        toolbar->addAction(action);

    auto *header = new QHBoxLayout;
    header->addWidget(pageTitle(tr("Containers"), this), 1);
    header->addWidget(m_stateFilter);
    header->addWidget(m_search);
    auto *list = new QWidget(this);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_view, 1);
    listLayout->addWidget(m_empty, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(list);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(toolbar);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_search, &QLineEdit::textChanged, m_filtered, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_filtered->setStates(m_stateFilter->currentData().toStringList()); });
    const auto selectionOrStateChanged = [this] {
        updateActions();
        showSelected();
    };
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, selectionOrStateChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, selectionOrStateChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, selectionOrStateChanged);
    connect(m_detail, &ContainerDetail::problem, this, &ContainersPage::showMessage);
    m_sampler->setInterval(2000);
    connect(m_sampler, &QTimer::timeout, this, &ContainersPage::sampleUsage);
    m_sampler->start();
    connect(m_view, &QTableView::clicked, this, [](const QModelIndex &index) {
        const QStringList links = index.data(ContainerModel::LinksRole).toStringList();
        if (index.column() == ContainerModel::Ports && !links.isEmpty())
            QDesktopServices::openUrl(QUrl(links.first()));
    });
    connect(m_view, &QTableView::customContextMenuRequested, this, [this](const QPoint &at) {
        QMenu menu(this);
        for (const QString &link : m_view->indexAt(at).data(ContainerModel::LinksRole).toStringList())
            menu.addAction(tr("Open %1").arg(link), this, [link] { QDesktopServices::openUrl(QUrl(link)); });
        if (!menu.isEmpty())
            menu.addSeparator();
        for (const auto &[action, states] : std::as_const(m_actions))
            menu.addAction(action);
        menu.exec(m_view->viewport()->mapToGlobal(at));
    });
    connect(&m_engine, &EngineConnection::stateChanged, this, [this](EngineConnection::State state) {
        if (state == EngineConnection::State::Connected)
            refresh();
    });
    connect(&m_engine, &EngineConnection::eventReceived, this, [this](const QString &type) {
        if (type == u"container")
            refresh();
    });
    updateActions();
}

QAction *ContainersPage::addAction(const QString &text, const char *objectName, const QString &method, const QStringList &states)
{
    auto *action = new QAction(text, this);
    action->setObjectName(QLatin1StringView(objectName));
    connect(action, &QAction::triggered, this, [this, method] { actOnSelected(method); });
    m_actions.append({action, states});
    return action;
}

void ContainersPage::call(const QString &method, const QVariantList &args, std::function<void(const QVariantList &)> done)
{
    whenAnswered(
        this, callContainers(method, args),
        [this, done = std::move(done)](const QVariantList &reply) {
            m_message->hide();
            if (done)
                done(reply);
        },
        [this](const QString &error) { showMessage(error); });
}

void ContainersPage::refresh()
{
    call(QStringLiteral("ListContainers"), {QVariantMap{{QStringLiteral("all"), true}}}, [this](const QVariantList &reply) {
        m_model->setContainers(engine::demarshal(reply.value(0)).toList());
        m_empty->setVisible(m_model->rowCount() == 0);
        m_view->setVisible(m_model->rowCount() > 0);
    });
}

QStringList ContainersPage::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
        ids << row.data(ContainerModel::IdRole).toString();
    return ids;
}

void ContainersPage::actOnSelected(const QString &method)
{
    const QStringList ids = selectedIds();
    QVariantMap options;
    if (method == u"RemoveContainer") {
        // What a container wrote is gone with it: asked first, as docker rm -f is not.
        const auto answer = QMessageBox::question(
            this, tr("Remove containers"),
            tr("Remove %n container(s)? What they wrote is deleted; running ones are stopped first.", nullptr, int(ids.size())));
        if (answer != QMessageBox::Yes)
            return;
        options.insert(QStringLiteral("force"), true);
    }
    for (const QString &id : ids)
        call(method, {id, options});
}

void ContainersPage::updateActions()
{
    QStringList states;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
        states << row.data(ContainerModel::StateRole).toString();
    for (const auto &[action, allowed] : std::as_const(m_actions))
        action->setEnabled(!states.isEmpty()
                           && std::all_of(states.cbegin(), states.cend(), [&](const QString &s) { return allowed.contains(s); }));
}

void ContainersPage::runContainer()
{
    whenAnswered(
        this, engine::call(engine::kImagesPath, engine::kImagesInterface, QStringLiteral("ListImages"), {QVariantMap{}}, false),
        [this](const QVariantList &reply) {
            QStringList images;
            for (const QVariant &image : engine::demarshal(reply.value(0)).toList())
                images << image.toMap().value(QStringLiteral("RepoTags")).toStringList();
            auto *dialog = new RunDialog(images, QThread::idealThreadCount(), this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            // The user-defined networks join the choices when the engine has named them.
            whenAnswered(
                dialog,
                engine::call(engine::kNetworksPath, engine::kNetworksInterface, QStringLiteral("ListNetworks"), {QVariantMap{}},
                             false),
                [dialog](const QVariantList &reply) {
                    QStringList names;
                    for (const QVariant &network : engine::demarshal(reply.value(0)).toList())
                        if (network.toMap().value(QStringLiteral("Driver")).toString() == u"bridge")
                            names << network.toMap().value(QStringLiteral("Name")).toString();
                    dialog->addNetworks(names);
                },
                [](const QString &) {});
            connect(dialog, &QDialog::accepted, this, [this, dialog] {
                // Created and started in one call: one authorization, so one password prompt
                // for a container that needs an administrator's consent.
                call(QStringLiteral("CreateContainer"),
                     {QString::fromUtf8(dialog->spec().toJson()), QVariantMap{{QStringLiteral("start"), true}}});
            });
            dialog->open();
        },
        [this](const QString &error) { showMessage(error); });
}

// A stats sample of every running container, while the page shows, for the sparklines.
void ContainersPage::sampleUsage()
{
    if (!isVisible())
        return;
    m_model->timePassed();
    for (const QString &id : m_model->runningIds())
        whenAnswered(
            this, callContainers(QStringLiteral("ContainerStats"), {id, QVariantMap{}}),
            [this, id](const QVariantList &reply) { m_model->addStats(id, engine::demarshal(reply.value(0)).toMap()); },
            [](const QString &) {}); // stopped meanwhile: the next event says so
}

void ContainersPage::showSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1)
        return m_detail->showContainer({}, {});
    m_detail->showContainer(rows.first().data(ContainerModel::IdRole).toString(),
                            rows.first().data(ContainerModel::StateRole).toString());
}

void ContainersPage::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->show();
}

} // namespace berth::gui
