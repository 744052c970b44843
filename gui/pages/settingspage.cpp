#include "settingspage.h"

#include "engineconnection.h"
#include "pagetitle.h"

#include <QLabel>

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace berth::gui {
namespace {

QString display(const QVariant &value)
{
    switch (value.metaType().id()) {
    case QMetaType::Bool: return value.toBool() ? SettingsPage::tr("yes") : SettingsPage::tr("no");
    case QMetaType::QStringList: return value.toStringList().join(QStringLiteral(", "));
    case QMetaType::ULongLong:
        return QLocale().formattedDataSize(qint64(value.toULongLong()), 1, QLocale::DataSizeTraditionalFormat);
    default: return value.toString();
    }
}

} // namespace

SettingsPage::SettingsPage(EngineConnection &engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
{
    auto *box = new QGroupBox(tr("Engine"), this);
    auto *form = new QFormLayout(box);
    const std::pair<const char *, QString> rows[] = {
        {"ServerVersion", tr("Version")},
        {"DataRoot", tr("Data root")},
        {"RunRoot", tr("Run root")},
        {"SettingsFile", tr("Settings file")},
        {"StorageDriver", tr("Storage driver")},
        {"CgroupVersion", tr("Cgroup version")},
        {"CgroupControllers", tr("Controllers")},
        {"KernelVersion", tr("Kernel")},
        {"OperatingSystem", tr("Operating system")},
        {"CPUs", tr("CPUs")},
        {"MemTotal", tr("Memory")},
        {"AuthorizationBackend", tr("Authorization")},
        {"Debug", tr("Debug logging")},
    };
    for (const auto &[key, label] : rows) {
        auto *value = new QLabel(this);
        value->setObjectName(QStringLiteral("info") + QLatin1StringView(key));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        form->addRow(label, value);
        m_values.insert(QLatin1StringView(key), value);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pageTitle(tr("Settings"), this));
    layout->addWidget(box);
    layout->addStretch(1);
    connect(&m_engine, &EngineConnection::infoChanged, this, &SettingsPage::showInfo);
    showInfo();
}

void SettingsPage::showInfo()
{
    const QVariantMap &info = m_engine.info();
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
        it.value()->setText(info.contains(it.key()) ? display(info.value(it.key())) : tr("unknown"));
}

} // namespace berth::gui
