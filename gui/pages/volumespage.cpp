#include "volumespage.h"

#include "engine.h"
#include "engineconnection.h"
#include "pagetitle.h"
#include "whenanswered.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace berth::gui {
namespace {

enum Column { Name, Kind, UsedBy, Created, Mountpoint };

QDBusPendingCall callVolumes(const QString &method, const QVariantList &args)
{
    return engine::call(engine::kVolumesPath, engine::kVolumesInterface, method, args, true);
}

} // namespace

VolumesPage::VolumesPage(EngineConnection &engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_list(new QTreeWidget(this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_message(new QLabel(this))
{
    m_list->setObjectName(QStringLiteral("volumeList"));
    m_list->setHeaderLabels({tr("Name"), tr("Kind"), tr("Used by"), tr("Created"), tr("Mountpoint")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_message->setObjectName(QStringLiteral("volumesMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    auto *create = new QPushButton(tr("Create…"), this);
    create->setObjectName(QStringLiteral("createVolume"));
    auto *prune = new QPushButton(tr("Prune"), this);
    prune->setObjectName(QStringLiteral("pruneVolumes"));
    prune->setToolTip(tr("Remove every anonymous volume no container uses"));
    m_remove->setObjectName(QStringLiteral("removeVolume"));
    m_remove->setEnabled(false);

    auto *header = new QHBoxLayout;
    header->addWidget(pageTitle(tr("Volumes"), this), 1);
    header->addWidget(create);
    header->addWidget(m_remove);
    header->addWidget(prune);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_message);
    layout->addWidget(m_list, 1);

    connect(create, &QPushButton::clicked, this, &VolumesPage::createVolume);
    connect(m_remove, &QPushButton::clicked, this, &VolumesPage::removeSelected);
    connect(prune, &QPushButton::clicked, this, &VolumesPage::prune);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] { m_remove->setEnabled(m_list->currentItem()); });
    connect(&m_engine, &EngineConnection::stateChanged, this, [this](EngineConnection::State state) {
        if (state == EngineConnection::State::Connected)
            refresh();
    });
    connect(&m_engine, &EngineConnection::eventReceived, this, [this](const QString &type) {
        if (type == u"container")
            refresh();
    });
}

void VolumesPage::refresh()
{
    whenAnswered(
        this, callVolumes(QStringLiteral("ListVolumes"), {QVariantMap{}}),
        [this](const QVariantList &reply) {
            const QString selected = m_list->currentItem() ? m_list->currentItem()->text(Name) : QString();
            m_list->clear();
            for (const QVariant &entry : engine::demarshal(reply.value(0)).toList()) {
                const QVariantMap volume = entry.toMap();
                const QDateTime created
                    = QDateTime::fromString(volume.value(QStringLiteral("CreatedAt")).toString(), Qt::ISODate).toLocalTime();
                auto *item = new QTreeWidgetItem(
                    m_list,
                    {volume.value(QStringLiteral("Name")).toString(),
                     volume.value(QStringLiteral("Anonymous")).toBool() ? tr("anonymous") : tr("named"),
                     volume.value(QStringLiteral("Users")).toStringList().join(QStringLiteral(", ")),
                     QLocale().toString(created, QLocale::ShortFormat), volume.value(QStringLiteral("Mountpoint")).toString()});
                if (item->text(Name) == selected)
                    m_list->setCurrentItem(item);
            }
            m_remove->setEnabled(m_list->currentItem());
        },
        [this](const QString &error) { showMessage(error); });
}

void VolumesPage::call(const QString &method, const QVariantList &args)
{
    whenAnswered(
        this, callVolumes(method, args),
        [this](const QVariantList &) {
            m_message->hide();
            refresh();
        },
        [this](const QString &error) { showMessage(error); });
}

void VolumesPage::createVolume()
{
    bool ok = false;
    const QString name
        = QInputDialog::getText(this, tr("Create a Volume"), tr("Name (empty: one is made up):"), QLineEdit::Normal, {}, &ok);
    if (ok)
        call(QStringLiteral("CreateVolume"), {name.trimmed(), QVariantMap{}});
}

void VolumesPage::removeSelected()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString name = item->text(Name);
    if (QMessageBox::question(this, tr("Remove volume"), tr("Remove the volume %1 and everything in it?").arg(name))
        == QMessageBox::Yes)
        call(QStringLiteral("RemoveVolume"), {name, QVariantMap{}});
}

void VolumesPage::prune()
{
    call(QStringLiteral("PruneVolumes"), {QVariantMap{}});
}

void VolumesPage::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->show();
}

} // namespace berth::gui
