#include "mainwindow.h"

#include "engineconnection.h"
#include "pages/containerspage.h"
#include "pages/eventspage.h"
#include "pages/imagespage.h"
#include "pages/networkspage.h"
#include "pages/placeholderpage.h"
#include "pages/registriespage.h"
#include "pages/settingspage.h"
#include "pages/volumespage.h"
#include "widgets/jobspanel.h"

#include <QDockWidget>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace berth::gui {

MainWindow::MainWindow(EngineConnection &engine, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_sidebar(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Berth"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/org.berth.Berth.svg")));
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setFixedWidth(190);
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setStyleSheet(
        QStringLiteral("QListWidget#sidebar { background: palette(alternate-base); padding: 8px; outline: 0; }"
                       "QListWidget#sidebar::item { padding: 4px 10px; border-radius: 6px; }"
                       "QListWidget#sidebar::item:selected { background: palette(highlight);"
                       " color: palette(highlighted-text); }"));
    m_pages->setObjectName(QStringLiteral("pages"));
    m_status->setObjectName(QStringLiteral("engineStatus"));
    statusBar()->addPermanentWidget(m_status, 1);

    addPage(QStringLiteral("system-run"), tr("Containers"), new ContainersPage(m_engine));
    addPage(QStringLiteral("media-optical"), tr("Images"), new ImagesPage(m_engine));
    addPage(QStringLiteral("applications-development"), tr("Build"),
            new PlaceholderPage(tr("Build"), tr("Assemble a Dockerfile step by step and build it here.")));
    addPage(QStringLiteral("drive-harddisk"), tr("Volumes"), new VolumesPage(m_engine));
    addPage(QStringLiteral("network-wired"), tr("Networks"), new NetworksPage(m_engine));
    addPage(QStringLiteral("network-server"), tr("Registries"), new RegistriesPage);
    auto *events = new EventsPage;
    connect(&m_engine, &EngineConnection::eventReceived, events, &EventsPage::addEvent);
    addPage(QStringLiteral("view-list-details"), tr("Events"), events);
    addPage(QStringLiteral("preferences-system"), tr("Settings"), new SettingsPage(m_engine));
    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_sidebar->setCurrentRow(0);

    auto *content = new QVBoxLayout;
    content->setContentsMargins(0, 0, 0, 0);
    m_pages->setContentsMargins(16, 12, 16, 12);
    content->addWidget(makeBanner());
    content->addWidget(m_pages, 1);
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(makeSidebarColumn());
    layout->addLayout(content, 1);
    setCentralWidget(central);
    resize(1100, 700);

    addJobsDock();

    connect(&m_engine, &EngineConnection::stateChanged, this, &MainWindow::showEngineState);
    connect(&m_engine, &EngineConnection::infoChanged, this, &MainWindow::showEngineState);
    showEngineState();
}

void MainWindow::addJobsDock()
{
    // At the bottom, shown when a job starts; the status bar's button shows and hides it.
    auto *jobs = new JobsPanel(this);
    auto *dock = new QDockWidget(tr("Jobs"), this);
    dock->setObjectName(QStringLiteral("jobsDock"));
    dock->setWidget(jobs);
    dock->hide();
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    auto *toggle = new QToolButton(this);
    toggle->setObjectName(QStringLiteral("jobsButton"));
    toggle->setAutoRaise(true);
    toggle->setCheckable(true);
    connect(toggle, &QToolButton::toggled, dock, &QDockWidget::setVisible);
    connect(dock, &QDockWidget::visibilityChanged, toggle, &QToolButton::setChecked);
    statusBar()->addPermanentWidget(toggle);
    const auto count
        = [toggle](int running) { toggle->setText(running > 0 ? tr("Jobs (%1 running)").arg(running) : tr("Jobs")); };
    count(0);
    connect(jobs, &JobsPanel::runningChanged, toggle, count);
    connect(jobs, &JobsPanel::jobStarted, dock, &QDockWidget::show);
}

void MainWindow::addPage(const QString &iconName, const QString &title, QWidget *page)
{
    auto *item = new QListWidgetItem(QIcon::fromTheme(iconName), title, m_sidebar);
    item->setSizeHint(QSize(0, 36));
    m_pages->addWidget(page);
}

QWidget *MainWindow::makeSidebarColumn()
{
    auto *column = new QWidget(this);
    column->setAutoFillBackground(true);
    column->setBackgroundRole(QPalette::AlternateBase);
    auto *logo = new QLabel(column);
    logo->setPixmap(windowIcon().pixmap(32, 32));
    auto *name = new QLabel(tr("Berth"), column);
    QFont font = name->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setWeight(QFont::DemiBold);
    name->setFont(font);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(16, 14, 16, 6);
    header->addWidget(logo);
    header->addWidget(name, 1);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_sidebar, 1);
    return column;
}

QWidget *MainWindow::makeBanner()
{
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("engineBanner"));
    m_banner->setAutoFillBackground(true);
    QPalette palette = m_banner->palette();
    palette.setColor(QPalette::Window, QColor(0xfe, 0xf3, 0xc7));
    palette.setColor(QPalette::WindowText, QColor(0x78, 0x35, 0x0f));
    m_banner->setPalette(palette);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("engineBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(m_banner);
    layout->setContentsMargins(16, 10, 16, 10);
    layout->addWidget(m_bannerText, 1);
    m_banner->hide();
    return m_banner;
}

void MainWindow::showEngineState()
{
    switch (m_engine.state()) {
    case EngineConnection::State::Connecting:
        m_banner->hide();
        m_status->setText(tr("Connecting to the Berth engine…"));
        return;
    case EngineConnection::State::Unreachable:
        m_bannerText->setText(tr("<b>%1</b> Berth connects by itself as soon as the engine starts. To start it, run "
                                 "<tt>sudo systemctl start berth-helper</tt> (or <tt>sudo ./berth-dev engine</tt> in a "
                                 "source checkout).")
                                  .arg(m_engine.problem().toHtmlEscaped()));
        m_banner->show();
        m_status->setText(tr("Engine unreachable"));
        return;
    case EngineConnection::State::Refused:
        m_bannerText->setText(tr("<b>The Berth engine refused to answer.</b> %1").arg(m_engine.problem().toHtmlEscaped()));
        m_banner->show();
        m_status->setText(tr("Not authorized"));
        return;
    case EngineConnection::State::Connected: {
        m_banner->hide();
        const QVariantMap &info = m_engine.info();
        //: Status bar: engine version, then counts of containers and images
        m_status->setText(tr("Berth engine %1 · %2 containers (%3 running) · %4 images · %5, cgroup v%6")
                              .arg(info.value(QStringLiteral("ServerVersion")).toString())
                              .arg(info.value(QStringLiteral("Containers")).toUInt())
                              .arg(info.value(QStringLiteral("ContainersRunning")).toUInt())
                              .arg(info.value(QStringLiteral("Images")).toUInt())
                              .arg(info.value(QStringLiteral("StorageDriver")).toString(),
                                   info.value(QStringLiteral("CgroupVersion")).toString()));
        return;
    }
    }
}

} // namespace berth::gui
