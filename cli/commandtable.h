#pragma once

// CommandTable: a level of the command line ("berth", "berth system") and its commands, with
// docker's help output and its answer to a command it does not know.

#include <QCoreApplication>
#include <QList>

namespace berth::cli {

struct CommandEntry
{
    QString name;
    const char *summary; // marked with QT_TRANSLATE_NOOP("CommandTable", ...)
    int (*run)(const QStringList &arguments);
};

class CommandTable
{
    Q_DECLARE_TR_FUNCTIONS(CommandTable)
public:
    CommandTable(QString program, QString description, QList<CommandEntry> entries);

    // arguments[0] is this level's own name; the chosen command gets the rest, its name first.
    int dispatch(const QStringList &arguments) const;

private:
    void printHelp() const;

    QString m_program;
    QString m_description;
    QList<CommandEntry> m_entries;
};

} // namespace berth::cli
