#include "containerdetail.h"

#include "engine.h"
#include "filesbrowser.h"
#include "streams/enginestream.h"
#include "whenanswered.h"
#include "widgets/jsontree.h"
#include "widgets/statediagram.h"
#include "widgets/statscharts.h"
#include "widgets/terminalwidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace berth::gui {
namespace {

QDBusPendingCall callContainers(const QString &method, const QVariantList &args)
{
    return engine::call(engine::kContainersPath, engine::kContainersInterface, method, args, true);
}

QString localTime(const QString &rfc3339)
{
    const QDateTime time = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    return time.isValid() && time.date().year() > 1 ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

QWidget *column(QWidget *parent, QLayout *top, QWidget *body)
{
    auto *tab = new QWidget(parent);
    auto *layout = new QVBoxLayout(tab);
    if (top)
        layout->addLayout(top);
    layout->addWidget(body, 1);
    return tab;
}

// ps -ef's columns, as docker top shows them.
const QStringList &topColumns()
{
    static const QStringList columns
        = {QStringLiteral("UID"),   QStringLiteral("PID"), QStringLiteral("PPID"), QStringLiteral("C"),
           QStringLiteral("STIME"), QStringLiteral("TTY"), QStringLiteral("TIME"), QStringLiteral("CMD")};
    return columns;
}

} // namespace

ContainerDetail::ContainerDetail(QWidget *parent)
    : QTabWidget(parent)
    , m_logs(new QPlainTextEdit(this))
    , m_logSearch(new QLineEdit(this))
    , m_timestamps(new QCheckBox(tr("Timestamps"), this))
    , m_follow(new QCheckBox(tr("Follow"), this))
    , m_diagram(new StateDiagram(this))
    , m_facts(new QLabel(this))
    , m_terminal(new TerminalWidget(this))
    , m_shell(new QComboBox(this))
    , m_shellButton(new QPushButton(tr("Open Shell"), this))
    , m_terminalStatus(new QLabel(this))
    , m_stats(new StatsCharts(this))
    , m_processes(new QTableWidget(this))
    , m_files(new FilesBrowser(this))
    , m_inspect(new JsonTree(this))
    , m_sampler(new QTimer(this))
{
    setObjectName(QStringLiteral("containerDetail"));
    setDocumentMode(true);
    addTab(makeLogsTab(), tr("Logs"));
    addTab(makeOverviewTab(), tr("Overview"));
    addTab(makeTerminalTab(), tr("Terminal"));
    auto *statsArea = new QScrollArea(this);
    statsArea->setWidget(m_stats);
    statsArea->setWidgetResizable(true);
    m_stats->setObjectName(QStringLiteral("containerStats"));
    addTab(statsArea, tr("Stats"));
    addTab(makeProcessesTab(), tr("Processes"));
    m_files->setObjectName(QStringLiteral("containerFilesTab"));
    addTab(m_files, tr("Files"));
    m_inspect->setObjectName(QStringLiteral("containerInspect"));
    addTab(m_inspect, tr("Inspect"));
    setEnabled(false);

    m_sampler->setInterval(1000);
    connect(m_sampler, &QTimer::timeout, this, &ContainerDetail::sample);
    connect(this, &QTabWidget::currentChanged, this, &ContainerDetail::onTabChanged);
}

ContainerDetail::~ContainerDetail() = default;

QWidget *ContainerDetail::makeLogsTab()
{
    m_logs->setObjectName(QStringLiteral("containerLogs"));
    m_logs->setReadOnly(true);
    m_logs->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_logs->setMaximumBlockCount(20000);
    m_logs->setPlaceholderText(tr("Select a container to follow its output."));
    m_logSearch->setObjectName(QStringLiteral("logSearch"));
    m_logSearch->setPlaceholderText(tr("Find in logs"));
    m_logSearch->setClearButtonEnabled(true);
    m_timestamps->setObjectName(QStringLiteral("logTimestamps"));
    m_follow->setObjectName(QStringLiteral("logFollow"));
    m_follow->setChecked(true);
    auto *save = new QPushButton(tr("Save…"), this);
    save->setObjectName(QStringLiteral("saveLogs"));

    connect(m_logSearch, &QLineEdit::returnPressed, this, [this] { findInLogs(false); });
    connect(m_logSearch, &QLineEdit::textChanged, this, [this] { findInLogs(false); });
    connect(m_timestamps, &QCheckBox::toggled, this, &ContainerDetail::followLogs);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getSaveFileName(this, tr("Save Logs"), QDir::home().filePath(m_id.left(12) + QStringLiteral(".log")));
        if (!path.isEmpty())
            saveLogs(path);
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_logSearch, 1);
    bar->addWidget(m_follow);
    bar->addWidget(m_timestamps);
    bar->addWidget(save);
    return column(this, bar, m_logs);
}

QWidget *ContainerDetail::makeOverviewTab()
{
    m_facts->setObjectName(QStringLiteral("containerFacts"));
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_facts->setWordWrap(true);
    auto *tab = new QWidget(this);
    auto *layout = new QHBoxLayout(tab);
    layout->addWidget(m_diagram, 3);
    layout->addWidget(m_facts, 2);
    auto *area = new QScrollArea(this);
    area->setWidget(tab);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}

QWidget *ContainerDetail::makeTerminalTab()
{
    m_terminal->setObjectName(QStringLiteral("containerTerminal"));
    m_shell->setObjectName(QStringLiteral("terminalShell"));
    m_shell->setEditable(true);
    m_shell->addItems({QStringLiteral("sh"), QStringLiteral("bash"), QStringLiteral("ash")});
    m_shell->setToolTip(tr("The command to run in the container"));
    m_shellButton->setObjectName(QStringLiteral("terminalOpen"));
    m_terminalStatus->setObjectName(QStringLiteral("terminalStatus"));
    connect(m_shellButton, &QPushButton::clicked, this, [this] { m_session ? closeShell() : openShell(); });

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Command:"), this));
    bar->addWidget(m_shell);
    bar->addWidget(m_shellButton);
    bar->addWidget(m_terminalStatus, 1);
    return column(this, bar, m_terminal);
}

QWidget *ContainerDetail::makeProcessesTab()
{
    m_processes->setObjectName(QStringLiteral("containerProcesses"));
    m_processes->setColumnCount(int(topColumns().size()));
    m_processes->setHorizontalHeaderLabels(topColumns());
    m_processes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_processes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_processes->verticalHeader()->hide();
    m_processes->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_processes->horizontalHeader()->setStretchLastSection(true);
    return m_processes;
}

bool ContainerDetail::isRunning() const
{
    return !m_id.isEmpty() && (m_state == u"running" || m_state == u"paused");
}

void ContainerDetail::showContainer(const QString &id, const QString &state)
{
    const bool wasRunning = isRunning();
    const bool changed = id != m_id;
    const bool stateChanged = state != m_state;
    m_id = id;
    m_state = state;
    setEnabled(!id.isEmpty());
    m_diagram->setState(state);
    if (changed) {
        closeShell();
        m_terminal->reset();
        m_terminalStatus->clear();
        m_stats->clear();
        m_processes->setRowCount(0);
        m_inspect->setJson({});
        m_facts->clear();
        followLogs();
    } else if (isRunning() && !wasRunning) {
        followLogs(); // started again: its new output comes after the old
    }
    if (changed || stateChanged)
        refreshInspect();
    if (isRunning())
        m_sampler->start();
    else
        m_sampler->stop();
    onTabChanged();
}

void ContainerDetail::followLogs()
{
    delete m_logStream;
    m_logs->clear();
    if (m_id.isEmpty())
        return;
    m_logStream = new LogStream(m_id,
                                {{QStringLiteral("follow"), true},
                                 {QStringLiteral("tail"), 1000},
                                 {QStringLiteral("timestamps"), m_timestamps->isChecked()}},
                                this);
    connect(m_logStream, &LogStream::output, this, [this](const QByteArray &bytes) {
        QTextCursor end(m_logs->document());
        end.movePosition(QTextCursor::End);
        end.insertText(QString::fromUtf8(bytes));
        if (m_follow->isChecked())
            m_logs->moveCursor(QTextCursor::End);
    });
    connect(m_logStream, &LogStream::failed, this, &ContainerDetail::problem);
}

void ContainerDetail::findInLogs(bool backwards)
{
    const QString text = m_logSearch->text();
    // Every match highlighted; the cursor goes to the next one, wrapping around.
    QList<QTextEdit::ExtraSelection> matches;
    if (!text.isEmpty()) {
        QTextCursor at(m_logs->document());
        while (matches.size() < 1000 && !(at = m_logs->document()->find(text, at)).isNull()) {
            QTextEdit::ExtraSelection match;
            match.cursor = at;
            match.format.setBackground(palette().color(QPalette::Highlight).lighter(160));
            matches << match;
        }
        const QTextDocument::FindFlags flags = backwards ? QTextDocument::FindBackward : QTextDocument::FindFlags();
        if (!m_logs->find(text, flags)) {
            m_logs->moveCursor(backwards ? QTextCursor::End : QTextCursor::Start);
            m_logs->find(text, flags);
        }
    }
    m_logs->setExtraSelections(matches);
}

void ContainerDetail::saveLogs(const QString &path)
{
    auto *file = new QSaveFile(path, this);
    if (!file->open(QIODevice::WriteOnly)) {
        delete file;
        return Q_EMIT problem(tr("Cannot save the logs to %1.").arg(path));
    }
    auto *stream = new LogStream(m_id, {{QStringLiteral("timestamps"), m_timestamps->isChecked()}}, file);
    connect(stream, &LogStream::output, file, [file](const QByteArray &bytes) { file->write(bytes); });
    // Whichever comes first ends it.
    connect(stream, &LogStream::ended, this, [this, stream, file, path] {
        QObject::disconnect(stream, nullptr, this, nullptr);
        const bool saved = file->commit();
        file->deleteLater();
        if (saved)
            Q_EMIT logsSaved(path);
        else
            Q_EMIT problem(tr("Cannot save the logs to %1.").arg(path));
    });
    connect(stream, &LogStream::failed, this, [this, stream, file](const QString &message) {
        QObject::disconnect(stream, nullptr, this, nullptr);
        file->cancelWriting();
        file->deleteLater();
        Q_EMIT problem(message);
    });
}

void ContainerDetail::refreshInspect()
{
    if (m_id.isEmpty())
        return;
    whenAnswered(
        this, callContainers(QStringLiteral("InspectContainer"), {m_id, QVariantMap{}}),
        [this, id = m_id](const QVariantList &reply) {
            if (id != m_id)
                return;
            const QByteArray json = reply.value(0).toString().toUtf8();
            m_inspect->setJson(json);
            showOverview(json);
        },
        [this](const QString &) {}); // removed meanwhile: the list follows
}

void ContainerDetail::showOverview(const QByteArray &inspectJson)
{
    const QJsonObject container = QJsonDocument::fromJson(inspectJson).object();
    const QJsonObject config = container.value(u"Config").toObject();
    const QJsonObject host = container.value(u"HostConfig").toObject();
    const QJsonObject state = container.value(u"State").toObject();
    QStringList command{container.value(u"Path").toString()};
    for (const QJsonValue &arg : container.value(u"Args").toArray())
        command << arg.toString();
    const QJsonObject restart = host.value(u"RestartPolicy").toObject();
    QString restartPolicy = restart.value(u"Name").toString();
    if (restartPolicy.isEmpty())
        restartPolicy = QStringLiteral("no");
    if (restart.value(u"MaximumRetryCount").toInt() > 0)
        restartPolicy += u':' + QString::number(restart.value(u"MaximumRetryCount").toInt());
    const qint64 memory = qint64(host.value(u"Memory").toDouble());
    const double cpus = host.value(u"NanoCpus").toDouble() / 1e9;
    const qint64 pids = qint64(host.value(u"PidsLimit").toDouble());

    QList<std::pair<QString, QString>> facts = {
        {tr("Name"), container.value(u"Name").toString().mid(1)},
        {tr("ID"), container.value(u"Id").toString().left(12)},
        {tr("Image"), config.value(u"Image").toString()},
        {tr("Command"), command.join(u' ')},
        {tr("Created"), localTime(container.value(u"Created").toString())},
        {tr("Started"), localTime(state.value(u"StartedAt").toString())},
        {tr("Finished"), localTime(state.value(u"FinishedAt").toString())},
        {tr("Restart policy"), restartPolicy},
        {tr("Memory limit"), memory > 0 ? QLocale().formattedDataSize(memory) : tr("none")},
        {tr("CPUs"), cpus > 0 ? QLocale().toString(cpus) : tr("all")},
        {tr("Process limit"), pids > 0 ? QString::number(pids) : tr("none")},
    };
    // Where it is on the network and what it publishes, while it runs.
    const QJsonObject settings = container.value(u"NetworkSettings").toObject();
    QStringList networks;
    const QJsonObject joined = settings.value(u"Networks").toObject();
    for (auto it = joined.begin(); it != joined.end(); ++it) {
        const QString address = it.value().toObject().value(u"IPAddress").toString();
        networks << (address.isEmpty() ? it.key() : QStringLiteral("%1 (%2)").arg(it.key(), address));
    }
    facts.append({tr("Networks"), networks.join(QStringLiteral(", "))});
    QStringList ports;
    const QJsonObject published = settings.value(u"Ports").toObject();
    for (auto it = published.begin(); it != published.end(); ++it)
        for (const QJsonValue &host : it.value().toArray())
            ports << QStringLiteral("%1:%2 → %3").arg(host[u"HostIp"].toString(), host[u"HostPort"].toString(), it.key());
    facts.append({tr("Ports"), ports.join(QStringLiteral(", "))});
    QStringList mounts;
    for (const QJsonValue &mount : container.value(u"Mounts").toArray()) {
        const QString source
            = mount[u"Type"].toString() == u"volume" ? mount[u"Name"].toString().left(24) : mount[u"Source"].toString();
        mounts << QStringLiteral("%1 → %2%3")
                      .arg(source, mount[u"Destination"].toString(), mount[u"RW"].toBool() ? QString() : QStringLiteral(" (ro)"));
    }
    facts.append({tr("Mounts"), mounts.join(QStringLiteral(", "))});
    if (!isRunning() && !state.value(u"FinishedAt").toString().isEmpty())
        facts.append({tr("Exit code"), QString::number(state.value(u"ExitCode").toInt())});
    if (state.value(u"OOMKilled").toBool())
        facts.append({tr("Out of memory"), tr("killed by the kernel's OOM killer")});
    QString html = QStringLiteral("<table cellspacing=\"4\">");
    for (const auto &[label, value] : std::as_const(facts))
        if (!value.isEmpty())
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    m_facts->setText(html + QStringLiteral("</table>"));
}

void ContainerDetail::onTabChanged()
{
    const QWidget *tab = currentWidget();
    if (tab == m_terminal->parentWidget() && isRunning() && !m_session && m_terminalStatus->text().isEmpty())
        openShell();
    if (tab == m_inspect)
        refreshInspect();
    // Read only when shown: a stopped container's files are mounted for each look.
    if (tab == m_files)
        m_files->setContainer(m_id);
    if (isRunning() && (tab == m_processes || tab == m_stats->parentWidget()->parentWidget()))
        sample();
}

// One step of the Stats or Processes tab, whichever shows.
void ContainerDetail::sample()
{
    if (!isRunning() || !isVisible())
        return;
    const QString id = m_id;
    if (currentWidget() == m_processes) {
        whenAnswered(
            this, callContainers(QStringLiteral("ContainerTop"), {id, QVariantMap{}}),
            [this, id](const QVariantList &reply) {
                if (id != m_id)
                    return;
                const QVariantList processes = engine::demarshal(reply.value(0)).toList();
                m_processes->setRowCount(int(processes.size()));
                for (int row = 0; row < processes.size(); ++row)
                    for (int col = 0; col < topColumns().size(); ++col)
                        m_processes->setItem(row, col,
                                             new QTableWidgetItem(processes[row].toMap().value(topColumns()[col]).toString()));
            },
            [](const QString &) {});
    } else if (currentWidget() == m_stats->parentWidget()->parentWidget()) {
        whenAnswered(
            this, callContainers(QStringLiteral("ContainerStats"), {id, QVariantMap{}}),
            [this, id](const QVariantList &reply) {
                if (id == m_id)
                    m_stats->addSample(engine::demarshal(reply.value(0)).toMap());
            },
            [](const QString &) {});
    }
}

void ContainerDetail::openShell()
{
    if (!isRunning()) {
        m_terminalStatus->setText(tr("The container is not running."));
        return;
    }
    closeShell();
    m_terminal->reset();
    m_session
        = new ExecSession(m_id, QProcess::splitCommand(m_shell->currentText()), m_terminal->rows(), m_terminal->columns(), this);
    connect(m_session, &ExecSession::output, m_terminal, &TerminalWidget::feed);
    connect(m_terminal, &TerminalWidget::input, m_session, &ExecSession::write);
    connect(m_terminal, &TerminalWidget::sizeChanged, m_session, &ExecSession::resize);
    connect(m_session, &ExecSession::finished, this, [this](int exitCode) {
        m_terminalStatus->setText(tr("The command exited with code %1.").arg(exitCode));
        m_shellButton->setText(tr("Open Shell"));
        m_session->deleteLater();
    });
    connect(m_session, &ExecSession::failed, this, [this](const QString &message) {
        m_terminalStatus->setText(message);
        m_shellButton->setText(tr("Open Shell"));
        m_session->deleteLater();
    });
    m_terminalStatus->setText(tr("Connected"));
    m_shellButton->setText(tr("Close"));
    m_terminal->setFocus();
}

void ContainerDetail::closeShell()
{
    // Closing our ends hangs up the terminal; the shell gets SIGHUP and the exec ends.
    if (m_session)
        m_terminalStatus->setText(tr("Closed."));
    delete m_session;
    m_shellButton->setText(tr("Open Shell"));
}

} // namespace berth::gui
