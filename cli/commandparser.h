#pragma once

// CommandParser: one command's flags, with docker's behaviour for --help and for a flag it
// does not know ("unknown flag: --x", exit code 125).
//
//     CommandParser parser(u"berth info [OPTIONS]"_s, tr("Display system-wide information"));
//     parser.addFormatOption();
//     if (auto done = parser.parse(arguments))
//         return *done;                          // --help was printed, or a usage error

#include "gotemplate.h"
#include "table.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace berth::cli {

class CommandParser
{
    Q_DECLARE_TR_FUNCTIONS(CommandParser)
public:
    // helpShortName false leaves -h to the command, as docker's run uses it for --hostname.
    CommandParser(QString usage, QString description, bool helpShortName = true);

    void addOption(const QCommandLineOption &option);
    const QCommandLineParser &flags() const { return m_parser; }
    // docker's --format (-f too where docker has it): "json" (as `{{json .}}`), a Go template
    // applied to each object (see gotemplate.h), or "table " and a template for columns.
    void addFormatOption(bool shortName = true);
    // For a "table" format: the column titles, by the objects' field names (docker's "CONTAINER
    // ID" for .ID, ...); a field without one is titled by its name in capitals.
    void setTableHeaders(QJsonObject headers);

    // The exit code when the command is done already (help or a usage error).
    std::optional<int> parse(const QStringList &arguments);

    // Whether --format was given: the command hands its objects to print() and printAll()
    // instead of printing its own table.
    bool formatted() const;
    // One object as the format says: a line of JSON, or the template's text and a newline (a
    // row, for a table). A template that fails on it ends the CLI with docker's 125.
    void print(const QJsonObject &object);
    // Objects as `inspect` prints them: an indented JSON array, or one template text each.
    void printAll(const QJsonArray &objects);
    // A "table" format's rows so far, printed now, or its titles alone when nothing was listed
    // (as docker prints an empty table); a list command calls it at its end, `stats` at each
    // frame's.
    void endTable();
    // As docker's run and exec: the first positional argument ends the flags, so
    // `berth run busybox ls -l` hands "-l" to ls.
    void stopAtFirstPositional();
    // "<message>\nSee '<command> --help'." on stderr; returns docker's 125.
    static int usageError(const QString &command, const QString &message);
    QStringList positional() const { return m_parser.positionalArguments(); }

private:
    QString helpText() const;
    QString notAWholeNumber() const;

    QCommandLineParser m_parser;
    QList<QCommandLineOption> m_options; // for the help text, in the order added
    QString m_usage;
    QString m_description;
    bool m_hasFormat = false;
    std::optional<GoTemplate> m_template; // unset for json
    bool m_table = false;
    QJsonObject m_tableHeaders;
    std::optional<Table> m_rows; // a table's, printed by endTable() or when the parser goes
    bool m_tablePrinted = false;

public:
    ~CommandParser();
    CommandParser(const CommandParser &) = delete;
    CommandParser &operator=(const CommandParser &) = delete;
};

} // namespace berth::cli
