#include "commandtable.h"

#include "output.h"

namespace berth::cli {

CommandTable::CommandTable(QString program, QString description, QList<CommandEntry> entries)
    : m_program(std::move(program))
    , m_description(std::move(description))
    , m_entries(std::move(entries))
{ }

int CommandTable::dispatch(const QStringList &arguments) const
{
    const QString name = arguments.value(1);
    if (name.isEmpty() || name == u"--help" || name == u"-h" || name == u"help") {
        printHelp();
        return Success;
    }
    for (const CommandEntry &entry : m_entries)
        if (entry.name == name)
            return entry.run(arguments.mid(1));
    if (name.startsWith(u'-'))
        err() << tr("unknown flag: %1").arg(name) << Qt::endl;
    else
        err() << tr("%1: '%2' is not a berth command.").arg(m_program, name) << Qt::endl;
    err() << tr("See '%1 --help'.").arg(m_program) << Qt::endl;
    return name.startsWith(u'-') ? EngineError : Failure;
}

void CommandTable::printHelp() const
{
    out() << u'\n' << tr("Usage:  %1 COMMAND").arg(m_program) << QStringLiteral("\n\n") << m_description << QStringLiteral("\n\n")
          << tr("Commands:") << u'\n';
    for (const CommandEntry &entry : m_entries)
        out() << QStringLiteral("  %1  %2\n").arg(entry.name, -10).arg(tr(entry.summary));
    out() << u'\n' << tr("Run '%1 COMMAND --help' for more information on a command.").arg(m_program) << u'\n';
    out().flush();
}

} // namespace berth::cli
