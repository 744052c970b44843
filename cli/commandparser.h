#pragma once

// CommandParser: one command's flags, with docker's behaviour for --help and for a flag it
// does not know ("unknown flag: --x", exit code 125).
//
//     CommandParser parser(u"berth info [OPTIONS]"_s, tr("Display system-wide information"));
//     parser.addFormatOption();
//     if (auto done = parser.parse(arguments))
//         return *done;                          // --help was printed, or a usage error

#include <QCommandLineParser>
#include <QCoreApplication>

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
    // --format json, as docker's `--format '{{json .}}'`; -f too where docker has it.
    void addFormatOption(bool shortName = true);

    // The exit code when the command is done already (help or a usage error).
    std::optional<int> parse(const QStringList &arguments);

    bool wantsJson() const;
    // As docker's run and exec: the first positional argument ends the flags, so
    // `berth run busybox ls -l` hands "-l" to ls.
    void stopAtFirstPositional();
    // "<message>\nSee '<command> --help'." on stderr; returns docker's 125.
    static int usageError(const QString &command, const QString &message);
    QStringList positional() const { return m_parser.positionalArguments(); }

private:
    QString helpText() const;

    QCommandLineParser m_parser;
    QList<QCommandLineOption> m_options; // for the help text, in the order added
    QString m_usage;
    QString m_description;
    bool m_hasFormat = false;
};

} // namespace berth::cli
