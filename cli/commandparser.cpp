#include "commandparser.h"

#include "output.h"

namespace berth::cli {
namespace {
const QString kFormatJson = QStringLiteral("json");
} // namespace

CommandParser::CommandParser(QString usage, QString description, bool helpShortName)
    : m_usage(std::move(usage))
    , m_description(std::move(description))
{
    // docker's flags: "-aq" is "-a -q"; long options always take two dashes.
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    addOption({helpShortName ? QStringList{QStringLiteral("h"), QStringLiteral("help")} : QStringList{QStringLiteral("help")},
               tr("Print usage")});
}

void CommandParser::addOption(const QCommandLineOption &option)
{
    m_parser.addOption(option);
    m_options.append(option);
}

void CommandParser::addFormatOption(bool shortName)
{
    const QStringList names
        = shortName ? QStringList{QStringLiteral("f"), QStringLiteral("format")} : QStringList{QStringLiteral("format")};
    addOption({names, tr("Format output: \"json\" prints JSON"), QStringLiteral("format")});
    m_hasFormat = true;
}

std::optional<int> CommandParser::parse(const QStringList &arguments)
{
    const QString command = m_usage.section(u' ', 0, 1);
    if (!m_parser.parse(arguments)) {
        err() << m_parser.errorText() << Qt::endl << tr("See '%1 --help'.").arg(command) << Qt::endl;
        return EngineError;
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        out() << helpText();
        return Success;
    }
    if (m_hasFormat && m_parser.isSet(QStringLiteral("format"))) {
        const QString format = m_parser.value(QStringLiteral("format"));
        if (format != kFormatJson && format != u"{{json .}}") {
            err() << tr("Unsupported format \"%1\": use --format json.").arg(format) << Qt::endl;
            return EngineError;
        }
    }
    return std::nullopt;
}

void CommandParser::stopAtFirstPositional()
{
    m_parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
}

int CommandParser::usageError(const QString &command, const QString &message)
{
    err() << message << Qt::endl << tr("See '%1 --help'.").arg(command) << Qt::endl;
    return EngineError;
}

bool CommandParser::wantsJson() const
{
    return m_hasFormat && m_parser.isSet(QStringLiteral("format"));
}

QString CommandParser::helpText() const
{
    QString text = u'\n' + tr("Usage:  %1").arg(m_usage) + QStringLiteral("\n\n") + m_description + QStringLiteral("\n\n")
        + tr("Options:") + u'\n';
    for (const QCommandLineOption &option : m_options) {
        QStringList names;
        for (const QString &name : option.names())
            names << (name.size() == 1 ? u'-' + name : QStringLiteral("--") + name);
        QString left = names.join(QStringLiteral(", "));
        if (!option.valueName().isEmpty())
            left += u' ' + option.valueName();
        text += QStringLiteral("  %1  %2\n").arg(left, -24).arg(option.description());
    }
    return text;
}

} // namespace berth::cli
