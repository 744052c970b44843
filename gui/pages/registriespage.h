#pragma once

// RegistriesPage: the registries the person has logged in to (logins the app keeps in their
// keyring, and those of their docker config, as `berth login` keeps them), log in and out, and
// a registry's repositories and tags from its catalog; a tag opens the Pull dialog.  Every
// call is asynchronous.

#include <QVariantMap>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace berth::gui {

class RegistriesPage : public QWidget
{
    Q_OBJECT
public:
    explicit RegistriesPage(QWidget *parent = nullptr);

    QTreeWidget *registries() const { return m_registries; }
    QTreeWidget *repositories() const { return m_repositories; }
    QLabel *message() const { return m_message; }

    // What the buttons do, with the dialogs' answers given.
    void logIn(const QString &server, const QString &username, const QString &password);
    void logOut(const QString &server);
    void browse(const QString &server);
    void pull(QTreeWidgetItem *tag);

Q_SIGNALS:
    void loggedIn(const QString &server);
    void loggedOut(const QString &server);
    void browsed(const QString &server);

public Q_SLOTS:
    void refresh();

private:
    QString selectedRegistry() const;
    void readCatalog(const QString &server, const QVariantMap &options);

    QTreeWidget *m_registries;
    QLineEdit *m_server;
    QTreeWidget *m_repositories;
    QLabel *m_message;
    QPushButton *m_logOut;
    QPushButton *m_browse;
};

} // namespace berth::gui
