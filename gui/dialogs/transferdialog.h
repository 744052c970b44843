#pragma once

// TransferDialog: pulling an image from a registry, or pushing one to it, with a progress bar
// per layer as the engine's job reports them (waiting, downloading or pushing with bytes,
// extracting, done, already exists), and Cancel while it runs.  The person's credentials for
// the registry come from their keyring or their docker config (RegistryKeyring).

#include "image/imageref.h"
#include "registry/dockerconfig.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTreeWidget;
class QTreeWidgetItem;

namespace berth::gui {

class JobFollower;

class TransferDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind { Pull, Push };
    TransferDialog(Kind kind, const QString &reference, QWidget *parent = nullptr);

    QLineEdit *reference() const { return m_reference; }
    QTreeWidget *layers() const { return m_layers; }
    QLabel *status() const { return m_status; }
    // Starts the pull or push of what the reference field names.
    void start();

Q_SIGNALS:
    void transferred(bool ok, const QString &message);

private:
    void transfer(const ImageRef &ref, const std::optional<RegistryCredentials> &credentials);
    void showProgress(const QVariantMap &status);
    void finish(bool ok, const QString &message, const QVariantMap &result);

    Kind m_kind;
    QLineEdit *m_reference;
    QTreeWidget *m_layers;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QPushButton *m_start;
    QPointer<JobFollower> m_job;
    QHash<QString, QTreeWidgetItem *> m_rows; // by layer id
};

} // namespace berth::gui
