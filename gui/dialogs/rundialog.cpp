#include "rundialog.h"

#include "container/units.h"
#include "network/portspec.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace berth::gui {
namespace {

// The command as a shell would split it: 'single' and "double" quotes and backslashes, so
// what a person types here works as it does after `berth run IMAGE`.  Nothing is expanded.
Result<QStringList> shellWords(const QString &text)
{
    QStringList words;
    QString word;
    bool inWord = false;
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quote == u'\'') {
            if (c == u'\'')
                quote = QChar();
            else
                word += c;
        } else if (quote == u'"') {
            if (c == u'"')
                quote = QChar();
            else if (c == u'\\' && i + 1 < text.size() && QStringLiteral("\"\\$`").contains(text.at(i + 1)))
                word += text.at(++i);
            else
                word += c;
        } else if (c == u'\'' || c == u'"') {
            quote = c;
            inWord = true;
        } else if (c == u'\\' && i + 1 < text.size()) {
            word += text.at(++i);
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words << word;
            word.clear();
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (!quote.isNull())
        return Error::invalidArgument(RunDialog::tr("Command: a quote is not closed"));
    if (inWord)
        words << word;
    return words;
}

} // namespace

RunDialog::RunDialog(const QStringList &images, int hostCpus, QWidget *parent)
    : QDialog(parent)
    , m_hostCpus(hostCpus)
    , m_image(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_command(new QLineEdit(this))
    , m_env(new QPlainTextEdit(this))
    , m_ports(new QLineEdit(this))
    , m_network(new QComboBox(this))
    , m_aliases(new QLineEdit(this))
    , m_memory(new QLineEdit(this))
    , m_cpus(new QDoubleSpinBox(this))
    , m_restart(new QComboBox(this))
    , m_interactive(new QCheckBox(tr("Keep input open, with a terminal (-i -t)"), this))
    , m_autoRemove(new QCheckBox(tr("Remove the container when it exits"), this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Run a Container"));
    m_image->setObjectName(QStringLiteral("runImage"));
    m_image->setEditable(true);
    m_image->addItems(images);
    m_name->setObjectName(QStringLiteral("runName"));
    m_name->setPlaceholderText(tr("chosen by the engine"));
    m_command->setObjectName(QStringLiteral("runCommand"));
    m_command->setPlaceholderText(tr("the image's default command"));
    m_env->setObjectName(QStringLiteral("runEnv"));
    m_env->setPlaceholderText(tr("NAME=value, one per line"));
    m_env->setMaximumHeight(80);
    m_ports->setObjectName(QStringLiteral("runPorts"));
    //: -p specs as docker takes them; keep the examples as they are
    m_ports->setPlaceholderText(tr("none (e.g. 8080:80, 127.0.0.1:5353:53/udp)"));
    m_network->setObjectName(QStringLiteral("runNetwork"));
    m_network->addItem(tr("Bridge (the default network)"), QStringLiteral("bridge"));
    m_network->addItem(tr("None (loopback only)"), QStringLiteral("none"));
    m_network->addItem(tr("Host (the host's own network)"), QStringLiteral("host"));
    m_aliases->setObjectName(QStringLiteral("runAliases"));
    m_aliases->setPlaceholderText(tr("more names on a user-defined network, separated by spaces"));
    m_memory->setObjectName(QStringLiteral("runMemory"));
    m_memory->setPlaceholderText(tr("no limit (e.g. 256m, 1g)"));
    m_cpus->setObjectName(QStringLiteral("runCpus"));
    m_cpus->setRange(0, hostCpus);
    m_cpus->setSingleStep(0.5);
    m_cpus->setSpecialValueText(tr("no limit"));
    m_restart->setObjectName(QStringLiteral("runRestart"));
    m_restart->addItem(tr("Never"), QStringLiteral("no"));
    m_restart->addItem(tr("On failure"), QStringLiteral("on-failure"));
    m_restart->addItem(tr("Unless stopped"), QStringLiteral("unless-stopped"));
    m_restart->addItem(tr("Always"), QStringLiteral("always"));
    // On, as in Podman Desktop: a shell, busybox's default command, then keeps running
    // instead of ending at once at the end of its empty input.
    m_interactive->setObjectName(QStringLiteral("runInteractive"));
    m_interactive->setChecked(true);
    m_autoRemove->setObjectName(QStringLiteral("runAutoRemove"));
    m_error->setObjectName(QStringLiteral("runError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(link-visited)"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Image:"), m_image);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Command:"), m_command);
    form->addRow(tr("&Environment:"), m_env);
    form->addRow(tr("&Ports:"), m_ports);
    form->addRow(tr("Ne&twork:"), m_network);
    form->addRow(tr("&Aliases:"), m_aliases);
    form->addRow(tr("&Memory limit:"), m_memory);
    form->addRow(tr("C&PUs:"), m_cpus);
    form->addRow(tr("&Restart:"), m_restart);
    form->addRow(QString(), m_interactive);
    form->addRow(QString(), m_autoRemove);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Run"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RunDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RunDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void RunDialog::addNetworks(const QStringList &names)
{
    for (const QString &name : names)
        if (m_network->findData(name) < 0)
            m_network->addItem(name, name);
}

Result<ContainerSpec> RunDialog::specFromFields() const
{
    ContainerSpec spec;
    spec.name = m_name->text().trimmed();
    spec.config.image = m_image->currentText().trimmed();
    auto command = shellWords(m_command->text());
    if (!command)
        return command.error();
    spec.config.cmd = *command;
    for (const QString &line : m_env->toPlainText().split(u'\n', Qt::SkipEmptyParts))
        if (!line.trimmed().isEmpty())
            spec.config.env << line.trimmed();
    if (!m_memory->text().trimmed().isEmpty()) {
        auto bytes = parseBytes(m_memory->text());
        if (!bytes)
            return Error::invalidArgument(tr("Memory limit: %1").arg(bytes.error().message()));
        spec.host.memory = *bytes;
    }
    QList<PortBinding> ports;
    for (const QString &text : m_ports->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        auto bindings = parsePublish(text);
        if (!bindings)
            return Error::invalidArgument(tr("Ports: %1").arg(bindings.error().message()));
        ports << *bindings;
        for (const PortBinding &binding : std::as_const(*bindings))
            spec.config.exposedPorts << binding.containerKey();
    }
    spec.host.portBindings = bindingsToJson(ports);
    spec.host.networkMode = m_network->currentData().toString();
    spec.networkAliases = m_aliases->text().split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
    spec.host.nanoCpus = qint64(m_cpus->value() * 1e9);
    spec.host.restartPolicy.name = m_restart->currentData().toString();
    spec.config.openStdin = m_interactive->isChecked();
    spec.config.tty = m_interactive->isChecked();
    spec.host.autoRemove = m_autoRemove->isChecked();
    if (auto valid = spec.validate(m_hostCpus); !valid)
        return valid.error();
    return spec;
}

void RunDialog::accept()
{
    auto spec = specFromFields();
    if (!spec) {
        m_error->setText(spec.error().message());
        m_error->show();
        return;
    }
    m_spec = *spec;
    QDialog::accept();
}

} // namespace berth::gui
