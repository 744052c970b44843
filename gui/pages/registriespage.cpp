#include "registriespage.h"

#include "credentials/registrykeyring.h"
#include "dialogs/transferdialog.h"
#include "engine.h"
#include "pagetitle.h"
#include "whenanswered.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace berth::gui {
namespace {

QDBusPendingCall callImages(const QString &method, const QVariantList &args)
{
    return engine::call(engine::kImagesPath, engine::kImagesInterface, method, args, true);
}

} // namespace

RegistriesPage::RegistriesPage(QWidget *parent)
    : QWidget(parent)
    , m_registries(new QTreeWidget(this))
    , m_server(new QLineEdit(this))
    , m_repositories(new QTreeWidget(this))
    , m_message(new QLabel(this))
    , m_logOut(new QPushButton(tr("Log Out"), this))
    , m_browse(new QPushButton(tr("Browse"), this))
{
    m_registries->setObjectName(QStringLiteral("registryList"));
    m_registries->setHeaderLabels({tr("Registry"), tr("Login")});
    m_registries->setRootIsDecorated(false);
    m_registries->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_server->setObjectName(QStringLiteral("registryServer"));
    m_server->setPlaceholderText(tr("registry.example.com:5000"));
    m_repositories->setObjectName(QStringLiteral("repositoryList"));
    m_repositories->setHeaderLabels({tr("Repository or tag")});
    m_message->setObjectName(QStringLiteral("registriesMessage"));
    m_message->setWordWrap(true);
    auto *logIn = new QPushButton(tr("Log In…"), this);
    logIn->setObjectName(QStringLiteral("logIn"));
    m_logOut->setObjectName(QStringLiteral("logOut"));
    m_browse->setObjectName(QStringLiteral("browseRegistry"));

    auto *header = new QHBoxLayout;
    header->addWidget(pageTitle(tr("Registries"), this), 1);
    header->addWidget(logIn);
    header->addWidget(m_logOut);
    auto *browseBar = new QHBoxLayout;
    browseBar->addWidget(new QLabel(tr("Registry:"), this));
    browseBar->addWidget(m_server, 1);
    browseBar->addWidget(m_browse);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_registries);
    layout->addLayout(browseBar);
    layout->addWidget(m_repositories, 1);
    layout->addWidget(m_message);

    connect(logIn, &QPushButton::clicked, this, [this] {
        QDialog dialog(this);
        dialog.setWindowTitle(tr("Log in to a registry"));
        auto *server = new QLineEdit(m_server->text(), &dialog);
        auto *user = new QLineEdit(&dialog);
        auto *password = new QLineEdit(&dialog);
        password->setEchoMode(QLineEdit::Password);
        auto *form = new QFormLayout(&dialog);
        form->addRow(tr("Registry:"), server);
        form->addRow(tr("Username:"), user);
        form->addRow(tr("Password:"), password);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        form->addRow(buttons);
        connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        if (dialog.exec() == QDialog::Accepted)
            this->logIn(server->text().trimmed(), user->text(), password->text());
    });
    connect(m_logOut, &QPushButton::clicked, this, [this] { logOut(selectedRegistry()); });
    connect(m_browse, &QPushButton::clicked, this, [this] { browse(m_server->text().trimmed()); });
    connect(m_registries, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        m_logOut->setEnabled(item != nullptr);
        if (item)
            m_server->setText(item->text(0));
    });
    connect(m_repositories, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item->parent())
            pull(item);
    });
    refresh();
}

QString RegistriesPage::selectedRegistry() const
{
    return m_registries->currentItem() ? m_registries->currentItem()->text(0) : QString();
}

void RegistriesPage::refresh()
{
    m_registries->clear();
    for (const RegistryKeyring::Login &login : RegistryKeyring::logins())
        new QTreeWidgetItem(m_registries,
                            {login.registry,
                             login.inKeyring ? tr("Logged in as %1").arg(login.username)
                                             : tr("Logged in as %1 (docker config)").arg(login.username)});
    m_logOut->setEnabled(m_registries->currentItem() != nullptr);
}

void RegistriesPage::logIn(const QString &server, const QString &username, const QString &password)
{
    if (server.isEmpty() || username.isEmpty() || password.isEmpty())
        return m_message->setText(tr("A registry, a username and a password are needed."));
    m_message->setText(tr("Logging in to %1…").arg(server));
    whenAnswered(
        this,
        callImages(QStringLiteral("CheckRegistryLogin"), {server, credentialOptions(RegistryCredentials{username, password})}),
        [this, server, username, password](const QVariantList &) {
            RegistryKeyring::store(server, {username, password}, this, [this, server](const QString &error, bool inKeyring) {
                if (!error.isEmpty())
                    return m_message->setText(error);
                m_message->setText(inKeyring ? tr("Logged in to %1.").arg(server)
                                             : tr("Logged in to %1; there is no keyring, so the login is kept in "
                                                  "your docker config.")
                                                   .arg(server));
                refresh();
                Q_EMIT loggedIn(server);
            });
        },
        [this](const QString &message) { m_message->setText(message); });
}

void RegistriesPage::logOut(const QString &server)
{
    if (server.isEmpty())
        return;
    RegistryKeyring::forget(server, this, [this, server](const QString &error) {
        m_message->setText(!error.isEmpty() ? error : tr("Logged out of %1.").arg(server));
        refresh();
        Q_EMIT loggedOut(server);
    });
}

void RegistriesPage::browse(const QString &server)
{
    if (server.isEmpty())
        return m_message->setText(tr("Name a registry to browse."));
    m_message->setText(tr("Reading the catalog of %1…").arg(server));
    RegistryKeyring::lookup(server, this, [this, server](const std::optional<RegistryCredentials> &credentials) {
        QVariantMap options = credentialOptions(credentials);
        options.insert(QStringLiteral("limit"), 1000);
        readCatalog(server, options);
    });
}

void RegistriesPage::readCatalog(const QString &server, const QVariantMap &options)
{
    whenAnswered(
        this, callImages(QStringLiteral("SearchRegistry"), {server, QString(), options}),
        [this, server](const QVariantList &reply) {
            m_repositories->clear();
            const QVariantList repositories = engine::demarshal(reply.value(0)).toList();
            for (const QVariant &entry : repositories) {
                const QVariantMap repository = entry.toMap();
                const QString name = repository.value(QStringLiteral("Name")).toString();
                auto *item = new QTreeWidgetItem(m_repositories, {name});
                item->setData(0, Qt::UserRole, server + u'/' + name);
                for (const QString &tag : repository.value(QStringLiteral("Tags")).toStringList())
                    new QTreeWidgetItem(item, {tag});
            }
            m_repositories->expandAll();
            m_message->setText(tr("%1 repositories in %2. Double-click a tag to pull it.").arg(repositories.size()).arg(server));
            Q_EMIT browsed(server);
        },
        [this](const QString &message) { m_message->setText(message); });
}

void RegistriesPage::pull(QTreeWidgetItem *tag)
{
    const QString reference = tag->parent()->data(0, Qt::UserRole).toString() + u':' + tag->text(0);
    auto *dialog = new TransferDialog(TransferDialog::Kind::Pull, reference, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->start();
}

} // namespace berth::gui
