#include "commandparser.h"

#include "inspect.h"
#include "output.h"

#include <QJsonDocument>

#include <cstdio>
#include <cstdlib>

namespace berth::cli {
namespace {

const QString kFormatJson = QStringLiteral("json");
const QString kTable = QStringLiteral("table");

// docker reads "\t" and "\n" typed in a format as a tab and a newline.
QString withEscapes(QString format)
{
    return format.replace(QStringLiteral("\\t"), QStringLiteral("\t")).replace(QStringLiteral("\\n"), QStringLiteral("\n"));
}

// A table's title row: the template run on each field's title.
QJsonObject titlesFor(const QJsonObject &object, const QJsonObject &headers)
{
    QJsonObject titles;
    for (auto it = object.begin(); it != object.end(); ++it)
        titles.insert(it.key(), headers.contains(it.key()) ? headers.value(it.key()) : QJsonValue(it.key().toUpper()));
    for (auto it = headers.begin(); it != headers.end(); ++it)
        titles.insert(it.key(), it.value());
    return titles;
}

// Ends the CLI at once, as docker does, with what was printed before kept.
[[noreturn]] void templateFailed(const Error &error)
{
    out().flush();
    err() << error.message() << Qt::endl;
    std::fflush(nullptr);
    std::_Exit(EngineError);
}

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
    addOption({names,
               tr("Format output: \"json\" prints JSON, a Go template prints it for each object, \"table\" and a "
                  "template prints columns"),
               QStringLiteral("string")});
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
    if (const QString wrong = notAWholeNumber(); !wrong.isEmpty())
        return usageError(command, wrong);
    if (m_hasFormat && m_parser.isSet(QStringLiteral("format"))) {
        QString format = m_parser.value(QStringLiteral("format"));
        if (format == kFormatJson || format.trimmed() == u"{{json .}}")
            return std::nullopt;
        m_table = format == kTable || format.startsWith(kTable + u' ');
        if (m_table)
            format = format.mid(kTable.size()).trimmed();
        auto parsed = GoTemplate::parse(withEscapes(format));
        if (!parsed) {
            err() << parsed.error().message() << Qt::endl;
            return EngineError;
        }
        m_template = std::move(*parsed);
    }
    return std::nullopt;
}

// Options documented as "int" take whole numbers only, as docker's do: "-t abc" is an error,
// never a zero that would mean "kill at once".
QString CommandParser::notAWholeNumber() const
{
    for (const QCommandLineOption &option : m_options) {
        if (option.valueName() != u"int")
            continue;
        for (const QString &value : m_parser.values(option.names().constFirst())) {
            bool whole = false;
            value.toLongLong(&whole);
            if (!whole) {
                QStringList names;
                for (const QString &name : option.names())
                    names << (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
                return tr("invalid argument \"%1\" for \"%2\" flag: not a whole number").arg(value, names.join(u", "));
            }
        }
    }
    return {};
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

CommandParser::~CommandParser()
{
    if (m_rows) // a command that ended early: what it listed
        m_rows->print();
}

void CommandParser::endTable()
{
    if (!m_table || (m_tablePrinted && !m_rows))
        return;
    if (!m_rows && !m_tableHeaders.isEmpty()) // nothing listed: the titles alone, as docker
        if (auto titles = m_template->execute(m_tableHeaders))
            m_rows.emplace(titles->split(u'\t'));
    if (m_rows)
        m_rows->print();
    m_rows.reset();
    m_tablePrinted = true;
}

bool CommandParser::formatted() const
{
    return m_hasFormat && m_parser.isSet(QStringLiteral("format"));
}

void CommandParser::setTableHeaders(QJsonObject headers)
{
    m_tableHeaders = std::move(headers);
}

void CommandParser::print(const QJsonObject &object)
{
    if (!m_template) {
        out() << QJsonDocument(object).toJson(QJsonDocument::Compact) << u'\n';
        return;
    }
    auto text = m_template->execute(object);
    if (!text)
        templateFailed(text.error());
    if (!m_table) {
        out() << *text << u'\n';
        return;
    }
    if (!m_rows) {
        // A field inside a field (.Actor.ID) has no title of its own: then the column has none.
        const auto titles = m_template->execute(titlesFor(object, m_tableHeaders));
        m_rows.emplace(titles ? titles->split(u'\t') : QStringList(text->count(u'\t') + 1, QString()));
    }
    m_rows->addRow(text->split(u'\t'));
}

void CommandParser::printAll(const QJsonArray &objects)
{
    if (!m_template)
        return printJsonArray(objects);
    for (const QJsonValue &object : objects)
        print(object.toObject());
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
