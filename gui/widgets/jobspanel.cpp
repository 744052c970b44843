#include "jobspanel.h"

#include "engine.h"
#include "streams/jobfollower.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace berth::gui {
namespace {

enum Column { Title, State, Progress, Action };

} // namespace

JobsPanel::JobsPanel(QWidget *parent)
    : QWidget(parent)
    , m_list(new QTreeWidget(this))
    , m_clear(new QPushButton(tr("Clear finished"), this))
{
    m_list->setObjectName(QStringLiteral("jobsList"));
    m_list->setHeaderLabels({tr("Job"), tr("State"), tr("Progress"), QString()});
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(Title, QHeaderView::Stretch);
    m_clear->setObjectName(QStringLiteral("clearJobs"));
    m_clear->setEnabled(false);
    connect(m_clear, &QPushButton::clicked, this, &JobsPanel::clearFinished);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    connect(&StartedJobs::instance(), &StartedJobs::started, this, &JobsPanel::add);
}

void JobsPanel::add(const QString &path, const QString &title)
{
    auto *row = new QTreeWidgetItem(m_list, {title, tr("Starting")});
    auto *bar = new QProgressBar(m_list);
    bar->setRange(0, 0); // busy until there is something to count
    m_list->setItemWidget(row, Progress, bar);
    auto *cancel = new QPushButton(tr("Cancel"), m_list);
    cancel->setObjectName(QStringLiteral("cancelJob"));
    m_list->setItemWidget(row, Action, cancel);
    auto *job = new JobFollower(path, this);
    m_running.insert(row, job);
    connect(cancel, &QPushButton::clicked, job, [job, cancel] {
        cancel->setEnabled(false);
        job->cancel();
    });
    connect(job, &JobFollower::progressed, this, [this, row](const QVariantMap &status) { showProgress(row, status); });
    connect(job, &JobFollower::finished, this,
            [this, row, job](bool ok, const QString &message) { finish(row, job, ok, message); });
    Q_EMIT runningChanged(running());
    Q_EMIT jobStarted();
}

void JobsPanel::showProgress(QTreeWidgetItem *row, const QVariantMap &status)
{
    row->setText(State, tr("Running"));
    qint64 done = 0;
    qint64 total = 0;
    for (const QVariant &entry : engine::demarshal(status.value(QStringLiteral("Items"))).toList()) {
        const QVariantMap item = entry.toMap();
        done += item.value(QStringLiteral("BytesDone")).toLongLong();
        total += item.value(QStringLiteral("BytesTotal")).toLongLong();
    }
    if (total <= 0)
        return;
    auto *bar = qobject_cast<QProgressBar *>(m_list->itemWidget(row, Progress));
    bar->setRange(0, 100); // percent, so that sizes past 2 GiB fit the bar's int range
    bar->setValue(int(done * 100 / total));
    bar->setFormat(QStringLiteral("%1 / %2").arg(QLocale().formattedDataSize(done), QLocale().formattedDataSize(total)));
}

void JobsPanel::finish(QTreeWidgetItem *row, JobFollower *job, bool ok, const QString &message)
{
    row->setText(State, ok ? tr("Done") : job->state() == u"cancelled" ? tr("Cancelled") : tr("Failed"));
    if (!ok)
        row->setToolTip(State, message);
    auto *bar = qobject_cast<QProgressBar *>(m_list->itemWidget(row, Progress));
    bar->setRange(0, 100);
    if (ok)
        bar->setValue(100);
    m_list->removeItemWidget(row, Action);
    m_running.remove(row);
    job->deleteLater();
    m_clear->setEnabled(true);
    Q_EMIT runningChanged(running());
}

void JobsPanel::clearFinished()
{
    for (int i = m_list->topLevelItemCount() - 1; i >= 0; --i)
        if (!m_running.contains(m_list->topLevelItem(i)))
            delete m_list->takeTopLevelItem(i);
    m_clear->setEnabled(false);
}

} // namespace berth::gui
