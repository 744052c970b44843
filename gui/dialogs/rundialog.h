#pragma once

// RunDialog: `berth run -d` with the mouse: image, name, command, environment, published
// ports, network, limits, restart policy and -i -t.  It checks the values with the same
// rules the engine applies (ContainerSpec::validate, its messages translated), so most
// mistakes are shown before anything is sent.

#include "container/containerconfig.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace berth::gui {

class RunDialog : public QDialog
{
    Q_OBJECT
public:
    RunDialog(const QStringList &images, int hostCpus, QWidget *parent = nullptr);

    // User-defined networks to offer besides bridge, none and host.
    void addNetworks(const QStringList &names);

    // The container to create; valid once the dialog was accepted.
    const ContainerSpec &spec() const { return m_spec; }

    void accept() override;

private:
    Result<ContainerSpec> specFromFields() const;

    int m_hostCpus;
    ContainerSpec m_spec;
    QComboBox *m_image;
    QLineEdit *m_name;
    QLineEdit *m_command;
    QPlainTextEdit *m_env;
    QLineEdit *m_ports;
    QComboBox *m_network;
    QLineEdit *m_aliases;
    QLineEdit *m_memory;
    QDoubleSpinBox *m_cpus;
    QComboBox *m_restart;
    QCheckBox *m_interactive;
    QCheckBox *m_autoRemove;
    QLabel *m_error;
};

} // namespace berth::gui
