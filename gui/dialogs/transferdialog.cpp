#include "transferdialog.h"

#include "credentials/registrykeyring.h"
#include "engine.h"
#include "image/imageref.h"
#include "pages/whenanswered.h"
#include "streams/jobfollower.h"

#include <QBoxLayout>
#include <QDBusObjectPath>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>

namespace berth::gui {
namespace {

enum Column { Layer, State, Progress };

QString stateText(const QString &state)
{
    if (state == u"downloading")
        return TransferDialog::tr("Downloading");
    if (state == u"retrying")
        return TransferDialog::tr("Retrying");
    if (state == u"extracting")
        return TransferDialog::tr("Extracting");
    if (state == u"done")
        return TransferDialog::tr("Pull complete");
    if (state == u"already exists" || state == u"layer already exists")
        return TransferDialog::tr("Already exists");
    if (state == u"pushing")
        return TransferDialog::tr("Pushing");
    if (state == u"pushed")
        return TransferDialog::tr("Pushed");
    if (state.startsWith(u"mounted from "))
        return TransferDialog::tr("Mounted from %1").arg(state.mid(13));
    return TransferDialog::tr("Waiting");
}

} // namespace

TransferDialog::TransferDialog(Kind kind, const QString &reference, QWidget *parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_reference(new QLineEdit(reference, this))
    , m_layers(new QTreeWidget(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_start(m_buttons->addButton(kind == Kind::Pull ? tr("Pull") : tr("Push"), QDialogButtonBox::AcceptRole))
{
    setWindowTitle(kind == Kind::Pull ? tr("Pull an image") : tr("Push an image"));
    m_reference->setObjectName(QStringLiteral("transferReference"));
    m_reference->setPlaceholderText(tr("registry.example.com/team/app:1"));
    m_reference->setReadOnly(kind == Kind::Push);
    m_layers->setObjectName(QStringLiteral("transferLayers"));
    m_layers->setHeaderLabels({tr("Layer"), tr("State"), tr("Progress")});
    m_layers->setRootIsDecorated(false);
    m_layers->header()->setSectionResizeMode(Progress, QHeaderView::Stretch);
    m_status->setObjectName(QStringLiteral("transferStatus"));
    m_status->setWordWrap(true);
    m_start->setObjectName(QStringLiteral("startTransfer"));

    auto *form = new QFormLayout;
    form->addRow(tr("Image:"), m_reference);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_layers, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    resize(560, 360);

    connect(m_start, &QPushButton::clicked, this, &TransferDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_job)
            m_job->cancel(); // the job ends as cancelled; the dialog says so
        else
            reject();
    });
}

void TransferDialog::start()
{
    auto ref = ImageRef::parse(m_reference->text().trimmed());
    if (!ref) {
        m_status->setText(ref.error().message());
        return;
    }
    m_start->setEnabled(false);
    m_reference->setReadOnly(true);
    m_layers->clear();
    m_rows.clear();
    m_status->setText(m_kind == Kind::Pull ? tr("Pulling %1…").arg(ref->familiarString())
                                           : tr("Pushing %1…").arg(ref->familiarString()));
    RegistryKeyring::lookup(ref->domain(), this, [this, ref = *ref](const std::optional<RegistryCredentials> &credentials) {
        transfer(ref, credentials);
    });
}

void TransferDialog::transfer(const ImageRef &ref, const std::optional<RegistryCredentials> &credentials)
{
    const QVariantMap options = credentialOptions(credentials);
    const QString method = m_kind == Kind::Pull ? QStringLiteral("PullImage") : QStringLiteral("PushImage");
    whenAnswered(
        this, engine::call(engine::kImagesPath, engine::kImagesInterface, method, {ref.toString(), options}, true),
        [this, title = m_kind == Kind::Pull ? tr("Pull %1").arg(ref.familiarString()) : tr("Push %1").arg(ref.familiarString())](
            const QVariantList &reply) {
            m_job = new JobFollower(qvariant_cast<QDBusObjectPath>(reply.value(0)).path(), title, this);
            connect(m_job, &JobFollower::progressed, this, &TransferDialog::showProgress);
            connect(m_job, &JobFollower::finished, this, &TransferDialog::finish);
        },
        [this](const QString &message) { finish(false, message, {}); });
}

void TransferDialog::showProgress(const QVariantMap &status)
{
    for (const QVariant &entry : engine::demarshal(status.value(QStringLiteral("Items"))).toList()) {
        const QVariantMap item = entry.toMap();
        const QString id = item.value(QStringLiteral("Id")).toString();
        QTreeWidgetItem *row = m_rows.value(id);
        if (!row) {
            row = new QTreeWidgetItem(m_layers, {id});
            auto *bar = new QProgressBar(m_layers);
            bar->setTextVisible(true);
            m_layers->setItemWidget(row, Progress, bar);
            m_rows.insert(id, row);
        }
        row->setText(State, stateText(item.value(QStringLiteral("State")).toString()));
        const qint64 done = item.value(QStringLiteral("BytesDone")).toLongLong();
        const qint64 total = item.value(QStringLiteral("BytesTotal")).toLongLong();
        auto *bar = qobject_cast<QProgressBar *>(m_layers->itemWidget(row, Progress));
        // Percent, so that sizes past 2 GiB fit the bar's int range.
        bar->setRange(0, 100);
        bar->setValue(total > 0 ? int(done * 100 / total) : 0);
        bar->setFormat(QStringLiteral("%1 / %2").arg(QLocale().formattedDataSize(done), QLocale().formattedDataSize(total)));
    }
}

void TransferDialog::finish(bool ok, const QString &message, const QVariantMap &result)
{
    if (m_job)
        m_job->deleteLater();
    m_job = nullptr;
    m_start->setEnabled(m_kind == Kind::Pull);
    m_reference->setReadOnly(m_kind == Kind::Push);
    if (ok)
        m_status->setText(
            m_kind == Kind::Pull
                ? tr("Downloaded %1 (%2)").arg(m_reference->text(), result.value(QStringLiteral("Digest")).toString())
                : tr("Pushed %1 (%2)").arg(m_reference->text(), result.value(QStringLiteral("Digest")).toString()));
    else
        m_status->setText(message);
    Q_EMIT transferred(ok, ok ? m_status->text() : message);
}

} // namespace berth::gui
