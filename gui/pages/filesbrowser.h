#pragma once

// FilesBrowser: the Files tab of a container: its file system as a tree.  Files and folders are
// dragged out to the file manager or the desktop and dropped in from there; Upload and Download
// do the same through file dialogs; New Folder and Delete change the container's files; Commit
// makes an image of the container and Export writes its file system to a tar archive.  Copies
// show their progress below the tree.  Every call is asynchronous.

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeView;

namespace berth::gui {

class ContainerFilesModel;
class FileTransfer;

class FilesBrowser : public QWidget
{
    Q_OBJECT
public:
    explicit FilesBrowser(QWidget *parent = nullptr);

    void setContainer(const QString &id);
    ContainerFilesModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }

    // The actions behind the buttons, with what the dialogs would ask already answered.
    void createFolder(const QString &name);
    void removeSelected(); // asks first
    void uploadFiles(const QStringList &hostPaths);
    void downloadSelected(const QString &hostDirectory);
    void commit(const QString &reference);
    void exportTo(const QString &hostFile);

Q_SIGNALS:
    // A commit or an export has ended (the message says how).
    void imageMade(const QString &id);
    void exported(const QString &path);

private:
    void track(FileTransfer *transfer, const QString &what);
    void followJob(const QString &jobPath, const QString &title, std::function<void(const QVariantMap &)> done);
    void showProblem(const QString &message);
    void updateButtons();

    ContainerFilesModel *m_model;
    QTreeView *m_tree;
    QPushButton *m_newFolder;
    QPushButton *m_upload;
    QPushButton *m_download;
    QPushButton *m_delete;
    QPushButton *m_commit;
    QPushButton *m_export;
    QProgressBar *m_progress;
    QLabel *m_status;
    int m_running = 0;
};

} // namespace berth::gui
