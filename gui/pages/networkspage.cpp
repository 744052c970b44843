#include "networkspage.h"

#include "engine.h"
#include "engineconnection.h"
#include "pagetitle.h"
#include "whenanswered.h"
#include "widgets/jsontree.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace berth::gui {
namespace {

enum Column { Name, Driver, Subnet, Gateway, Internal, Containers };
constexpr int kIdRole = Qt::UserRole;

QDBusPendingCall callNetworks(const QString &method, const QVariantList &args)
{
    return engine::call(engine::kNetworksPath, engine::kNetworksInterface, method, args, true);
}

bool isBuiltin(const QString &name)
{
    return name == u"bridge" || name == u"host" || name == u"none";
}

} // namespace

NetworkDialog::NetworkDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_subnet(new QLineEdit(this))
    , m_gateway(new QLineEdit(this))
    , m_internal(new QCheckBox(tr("Internal: no way in or out but between its containers"), this))
{
    setWindowTitle(tr("Create a Network"));
    m_name->setObjectName(QStringLiteral("networkName"));
    m_subnet->setObjectName(QStringLiteral("networkSubnet"));
    m_subnet->setPlaceholderText(tr("chosen by the engine (e.g. 10.1.0.0/24)"));
    m_gateway->setObjectName(QStringLiteral("networkGateway"));
    m_gateway->setPlaceholderText(tr("the range's first address"));
    m_internal->setObjectName(QStringLiteral("networkInternal"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Subnet:"), m_subnet);
    form->addRow(tr("&Gateway:"), m_gateway);
    form->addRow(QString(), m_internal);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QString NetworkDialog::name() const
{
    return m_name->text().trimmed();
}

QVariantMap NetworkDialog::options() const
{
    QVariantMap options{{QStringLiteral("internal"), m_internal->isChecked()}};
    if (!m_subnet->text().trimmed().isEmpty())
        options.insert(QStringLiteral("subnet"), m_subnet->text().trimmed());
    if (!m_gateway->text().trimmed().isEmpty())
        options.insert(QStringLiteral("gateway"), m_gateway->text().trimmed());
    return options;
}

NetworksPage::NetworksPage(EngineConnection &engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_list(new QTreeWidget(this))
    , m_detail(new JsonTree(this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_message(new QLabel(this))
{
    m_list->setObjectName(QStringLiteral("networkList"));
    m_list->setHeaderLabels({tr("Name"), tr("Driver"), tr("Subnet"), tr("Gateway"), tr("Internal"), tr("Containers")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_detail->setObjectName(QStringLiteral("networkDetail"));
    m_message->setObjectName(QStringLiteral("networksMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    auto *create = new QPushButton(tr("Create…"), this);
    create->setObjectName(QStringLiteral("createNetwork"));
    m_remove->setObjectName(QStringLiteral("removeNetwork"));
    m_remove->setEnabled(false);

    auto *header = new QHBoxLayout;
    header->addWidget(pageTitle(tr("Networks"), this), 1);
    header->addWidget(create);
    header->addWidget(m_remove);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_detail);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(create, &QPushButton::clicked, this, &NetworksPage::createNetwork);
    connect(m_remove, &QPushButton::clicked, this, &NetworksPage::removeSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &NetworksPage::showSelected);
    connect(&m_engine, &EngineConnection::stateChanged, this, [this](EngineConnection::State state) {
        if (state == EngineConnection::State::Connected)
            refresh();
    });
    connect(&m_engine, &EngineConnection::eventReceived, this, [this](const QString &type) {
        if (type == u"network" || type == u"container")
            refresh();
    });
}

void NetworksPage::refresh()
{
    whenAnswered(
        this, callNetworks(QStringLiteral("ListNetworks"), {QVariantMap{}}),
        [this](const QVariantList &reply) {
            const QString selected = m_list->currentItem() ? m_list->currentItem()->data(Name, kIdRole).toString() : QString();
            m_list->clear();
            for (const QVariant &entry : engine::demarshal(reply.value(0)).toList()) {
                const QVariantMap network = entry.toMap();
                auto *item = new QTreeWidgetItem(
                    m_list,
                    {network.value(QStringLiteral("Name")).toString(), network.value(QStringLiteral("Driver")).toString()});
                const QString id = network.value(QStringLiteral("Id")).toString();
                item->setData(Name, kIdRole, id);
                if (id == selected)
                    m_list->setCurrentItem(item);
                // The range, gateway and containers come with the network's inspect.
                whenAnswered(
                    this, callNetworks(QStringLiteral("InspectNetwork"), {id, QVariantMap{}}),
                    [this, id](const QVariantList &inspected) {
                        const QJsonObject json = QJsonDocument::fromJson(inspected.value(0).toString().toUtf8()).object();
                        const QJsonObject ipam = json.value(u"IPAM").toObject().value(u"Config").toArray().first().toObject();
                        for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
                            QTreeWidgetItem *item = m_list->topLevelItem(row);
                            if (item->data(Name, kIdRole).toString() != id)
                                continue;
                            item->setText(Subnet, ipam.value(u"Subnet").toString());
                            item->setText(Gateway, ipam.value(u"Gateway").toString());
                            item->setText(Internal, json.value(u"Internal").toBool() ? tr("yes") : QString());
                            item->setText(Containers, QString::number(json.value(u"Containers").toObject().size()));
                        }
                    },
                    [](const QString &) {});
            }
            showSelected();
        },
        [this](const QString &error) { showMessage(error); });
}

void NetworksPage::showSelected()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    m_remove->setEnabled(item && !isBuiltin(item->text(Name)));
    if (!item)
        return m_detail->setJson({});
    whenAnswered(
        this, callNetworks(QStringLiteral("InspectNetwork"), {item->data(Name, kIdRole).toString(), QVariantMap{}}),
        [this](const QVariantList &reply) {
            m_detail->setJson(reply.value(0).toString().toUtf8());
            m_detail->expandPath({QStringLiteral("Containers")});
        },
        [](const QString &) {});
}

void NetworksPage::createNetwork()
{
    auto *dialog = new NetworkDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        whenAnswered(
            this, callNetworks(QStringLiteral("CreateNetwork"), {dialog->name(), dialog->options()}),
            [this](const QVariantList &) {
                m_message->hide();
                refresh();
            },
            [this](const QString &error) { showMessage(error); });
    });
    dialog->open();
}

void NetworksPage::removeSelected()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString name = item->text(Name);
    if (QMessageBox::question(this, tr("Remove network"), tr("Remove the network %1?").arg(name)) != QMessageBox::Yes)
        return;
    whenAnswered(
        this, callNetworks(QStringLiteral("RemoveNetwork"), {name, QVariantMap{}}),
        [this](const QVariantList &) {
            m_message->hide();
            refresh();
        },
        [this](const QString &error) { showMessage(error); });
}

void NetworksPage::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->show();
}

} // namespace berth::gui
