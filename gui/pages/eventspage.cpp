#include "eventspage.h"

#include "pagetitle.h"

#include <QLabel>

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace berth::gui {
namespace {
// Enough history to scroll back through a busy hour without growing without bound.
constexpr int kMaxEvents = 2000;

QString describe(const QVariantMap &attributes)
{
    QStringList pairs;
    for (auto it = attributes.cbegin(); it != attributes.cend(); ++it)
        pairs << it.key() + u'=' + it.value().toString();
    return pairs.join(QStringLiteral(", "));
}
} // namespace

EventsPage::EventsPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new QStandardItemModel(0, 5, this))
    , m_view(new QTableView(this))
{
    m_model->setHorizontalHeaderLabels({tr("Time"), tr("Type"), tr("Action"), tr("Object"), tr("Details")});
    m_view->setObjectName(QStringLiteral("eventList"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);

    auto *clear = new QPushButton(tr("Clear"), this);
    clear->setObjectName(QStringLiteral("clearEvents"));
    connect(clear, &QPushButton::clicked, this, [this] { m_model->removeRows(0, m_model->rowCount()); });

    auto *header = new QHBoxLayout;
    header->addWidget(pageTitle(tr("Events"), this), 1);
    header->addWidget(clear);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);
}

void EventsPage::addEvent(const QString &type, const QString &action, const QString &actor, const QVariantMap &attributes,
                          qlonglong timeNano)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(timeNano / 1000000);
    QList<QStandardItem *> row{new QStandardItem(QLocale().toString(time, QLocale::ShortFormat)), new QStandardItem(type),
                               new QStandardItem(action), new QStandardItem(actor), new QStandardItem(describe(attributes))};
    m_model->insertRow(0, row);
    if (m_model->rowCount() > kMaxEvents)
        m_model->removeRows(kMaxEvents, m_model->rowCount() - kMaxEvents);
}

} // namespace berth::gui
