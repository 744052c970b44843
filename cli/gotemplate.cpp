#include "gotemplate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>
#include <optional>
#include <vector>

namespace berth::cli {
// The parsed template's parts; named apart from the CLI's own types.
namespace gotemplate {

struct Pipeline;

// One operand: `.`, `.A.B`, a literal, or a parenthesized pipeline.
struct Argument
{
    enum class Kind { Field, Literal, Nested } kind = Kind::Field;
    QStringList path; // empty: the dot itself
    QJsonValue literal;
    std::shared_ptr<Pipeline> nested;
};

// `function arguments...`, or a lone operand when function is empty.
struct Command
{
    QString function;
    QList<Argument> arguments;
};

// Commands joined by `|`: each result becomes the next command's last argument.
struct Pipeline
{
    QList<Command> commands;
};

} // namespace gotemplate

using gotemplate::Argument;
using gotemplate::Command;
using gotemplate::Pipeline;

struct GoTemplate::Node
{
    enum class Kind { Text, Action, If, Range } kind = Kind::Text;
    QString text;
    Pipeline pipeline;
    std::vector<Node> body;
    std::vector<Node> otherwise; // {{else}}
};

namespace {

using Node = GoTemplate::Node;

Error templateError(const QString &message)
{
    return Error::invalidArgument(GoTemplate::tr("Template parsing error: %1").arg(message));
}

// The tokens of one action.
struct Token
{
    enum class Kind { Field, Word, Literal, Pipe, Open, Close } kind;
    QString text;
    QJsonValue literal;
};

Result<QList<Token>> tokenize(const QString &action)
{
    QList<Token> tokens;
    for (qsizetype i = 0; i < action.size();) {
        const QChar c = action[i];
        if (c.isSpace()) {
            ++i;
        } else if (c == u'|' || c == u'(' || c == u')') {
            tokens << Token{c == u'|' ? Token::Kind::Pipe : c == u'(' ? Token::Kind::Open : Token::Kind::Close, c, {}};
            ++i;
        } else if (c == u'"' || c == u'`') {
            QString text;
            qsizetype j = i + 1;
            for (; j < action.size() && action[j] != c; ++j) {
                if (c == u'"' && action[j] == u'\\' && j + 1 < action.size()) {
                    const QChar escaped = action[++j];
                    text += escaped == u'n' ? u'\n' : escaped == u't' ? u'\t' : escaped;
                } else {
                    text += action[j];
                }
            }
            if (j >= action.size())
                return templateError(GoTemplate::tr("unterminated quoted string"));
            tokens << Token{Token::Kind::Literal, {}, text};
            i = j + 1;
        } else {
            qsizetype j = i;
            while (j < action.size() && !action[j].isSpace() && action[j] != u'|' && action[j] != u'(' && action[j] != u')')
                ++j;
            const QString word = action.mid(i, j - i);
            bool isNumber = false;
            const double number = word.toDouble(&isNumber);
            if (word.startsWith(u'.'))
                tokens << Token{Token::Kind::Field, word, {}};
            else if (isNumber)
                tokens << Token{Token::Kind::Literal, {}, number};
            else if (word == u"true" || word == u"false")
                tokens << Token{Token::Kind::Literal, {}, word == u"true"};
            else
                tokens << Token{Token::Kind::Word, word, {}};
            i = j;
        }
    }
    return tokens;
}

Result<Pipeline> parsePipeline(const QList<Token> &tokens, qsizetype &at, bool nested);

Result<Argument> parseArgument(const QList<Token> &tokens, qsizetype &at)
{
    const Token &token = tokens[at++];
    switch (token.kind) {
    case Token::Kind::Field: {
        Argument argument;
        if (token.text != u".")
            argument.path = token.text.mid(1).split(u'.');
        if (argument.path.contains(QString()))
            return templateError(GoTemplate::tr("bad field \"%1\"").arg(token.text));
        return argument;
    }
    case Token::Kind::Literal: return Argument{Argument::Kind::Literal, {}, token.literal, {}};
    case Token::Kind::Open: {
        auto nested = parsePipeline(tokens, at, true);
        if (!nested)
            return nested.error();
        return Argument{Argument::Kind::Nested, {}, {}, std::make_shared<Pipeline>(std::move(*nested))};
    }
    default: return templateError(GoTemplate::tr("unexpected \"%1\"").arg(token.text));
    }
}

Result<Pipeline> parsePipeline(const QList<Token> &tokens, qsizetype &at, bool nested)
{
    Pipeline pipeline;
    Command command;
    const auto endCommand = [&]() -> Result<void> {
        if (command.function.isEmpty() && command.arguments.size() != 1)
            return templateError(command.arguments.isEmpty() ? GoTemplate::tr("missing value")
                                                             : GoTemplate::tr("too many values"));
        pipeline.commands << std::move(command);
        command = {};
        return {};
    };
    while (at < tokens.size()) {
        const Token &token = tokens[at];
        if (token.kind == Token::Kind::Close) {
            if (!nested)
                return templateError(GoTemplate::tr("unexpected \")\""));
            ++at;
            nested = false;
            break;
        }
        if (token.kind == Token::Kind::Pipe) {
            ++at;
            if (auto ended = endCommand(); !ended)
                return ended.error();
            continue;
        }
        if (token.kind == Token::Kind::Word) {
            if (!command.function.isEmpty() || !command.arguments.isEmpty())
                return templateError(GoTemplate::tr("function \"%1\" not defined here").arg(token.text));
            command.function = token.text;
            ++at;
            continue;
        }
        auto argument = parseArgument(tokens, at);
        if (!argument)
            return argument.error();
        command.arguments << std::move(*argument);
    }
    if (nested)
        return templateError(GoTemplate::tr("unclosed \"(\""));
    if (auto ended = endCommand(); !ended)
        return ended.error();
    return pipeline;
}

// Whitespace the trim markers take away.
void trimEnd(QString &text)
{
    while (!text.isEmpty() && text.back().isSpace())
        text.chop(1);
}

// Where the action that starts at `from` ends: the first "}}" outside a quoted string.
qsizetype actionEnd(const QString &text, qsizetype from)
{
    QChar quote;
    for (qsizetype i = from; i + 1 < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (quote == u'"' && c == u'\\')
                ++i;
            else if (c == quote)
                quote = QChar();
        } else if (c == u'"' || c == u'`') {
            quote = c;
        } else if (c == u'}' && text[i + 1] == u'}') {
            return i;
        }
    }
    return -1;
}

Result<std::vector<Node>> parseNodes(const QString &text)
{
    struct Open
    {
        Node node;
        bool inElse = false;
    };
    std::vector<Node> top;
    std::vector<Open> open;
    const auto current = [&]() -> std::vector<Node> & {
        if (open.empty())
            return top;
        return open.back().inElse ? open.back().node.otherwise : open.back().node.body;
    };
    bool trimNext = false;
    for (qsizetype at = 0; at < text.size();) {
        const qsizetype start = text.indexOf(QStringLiteral("{{"), at);
        QString literal = text.mid(at, start < 0 ? -1 : start - at);
        if (trimNext)
            while (!literal.isEmpty() && literal.front().isSpace())
                literal.remove(0, 1);
        if (start < 0) {
            if (!literal.isEmpty())
                current().push_back({Node::Kind::Text, literal, {}, {}, {}});
            break;
        }
        const qsizetype end = actionEnd(text, start + 2);
        if (end < 0)
            return templateError(GoTemplate::tr("unclosed action"));
        QString action = text.mid(start + 2, end - start - 2);
        if (action.startsWith(QStringLiteral("- ")) || action == u"-") {
            trimEnd(literal);
            action.remove(0, 1);
        }
        trimNext = action.endsWith(QStringLiteral(" -"));
        if (trimNext)
            action.chop(1);
        if (!literal.isEmpty())
            current().push_back({Node::Kind::Text, literal, {}, {}, {}});
        at = end + 2;

        auto tokens = tokenize(action);
        if (!tokens)
            return tokens.error();
        const QString keyword
            = !tokens->isEmpty() && tokens->first().kind == Token::Kind::Word ? tokens->first().text : QString();
        if (keyword == u"end" || keyword == u"else") {
            if (open.empty() || (keyword == u"else" && open.back().inElse) || tokens->size() != 1)
                return templateError(GoTemplate::tr("unexpected {{%1}}").arg(keyword));
            if (keyword == u"else") {
                open.back().inElse = true;
                continue;
            }
            Node finished = std::move(open.back().node);
            open.pop_back();
            current().push_back(std::move(finished));
            continue;
        }
        const bool block = keyword == u"if" || keyword == u"range";
        qsizetype first = block ? 1 : 0;
        if (tokens->size() == first)
            return templateError(block ? GoTemplate::tr("missing value for %1").arg(keyword) : GoTemplate::tr("empty action"));
        auto pipeline = parsePipeline(*tokens, first, false);
        if (!pipeline)
            return pipeline.error();
        if (block)
            open.push_back({Node{keyword == u"if" ? Node::Kind::If : Node::Kind::Range, {}, std::move(*pipeline), {}, {}}});
        else
            current().push_back({Node::Kind::Action, {}, std::move(*pipeline), {}, {}});
    }
    if (!open.empty())
        return templateError(GoTemplate::tr("unexpected EOF: an {{if}} or {{range}} has no {{end}}"));
    return top;
}

// Go's %v.
QString printed(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == double(qint64(number)) && std::abs(number) < 9007199254740992.0)
            return QString::number(qint64(number));
        return QString::number(number, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items << printed(item);
        return u'[' + items.join(u' ') + u']';
    }
    case QJsonValue::Object: {
        QStringList items;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) // QJsonObject keeps keys sorted, as Go prints maps
            items << it.key() + u':' + printed(it.value());
        return QStringLiteral("map[") + items.join(u' ') + u']';
    }
    case QJsonValue::Null: return QStringLiteral("<nil>");
    case QJsonValue::Undefined: return QStringLiteral("<no value>");
    }
    return {};
}

// Go's truth: false, 0, nil and empty values are false.
bool truth(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool: return value.toBool();
    case QJsonValue::Double: return value.toDouble() != 0;
    case QJsonValue::String: return !value.toString().isEmpty();
    case QJsonValue::Array: return !value.toArray().isEmpty();
    case QJsonValue::Object: return !value.toObject().isEmpty();
    default: return false;
    }
}

QString jsonText(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2)); // without the array's [ and ]
}

// Go's Sprintf for the verbs a --format uses: %s and %v (as printed), %d, %q (quoted), %%;
// a width between % and the verb pads on the left, with "-" on the right.
QString goSprintf(const QString &format, const QList<QJsonValue> &args)
{
    QString text;
    qsizetype next = 0;
    for (qsizetype i = 0; i < format.size(); ++i) {
        if (format[i] != u'%' || i + 1 >= format.size()) {
            text += format[i];
            continue;
        }
        qsizetype j = i + 1;
        const bool left = format[j] == u'-';
        if (left)
            ++j;
        int width = 0;
        while (j < format.size() && format[j].isDigit())
            width = width * 10 + format[j++].digitValue();
        if (j >= format.size())
            break;
        const QChar verb = format[j];
        i = j;
        if (verb == u'%') {
            text += u'%';
            continue;
        }
        if (next >= args.size()) {
            text += QStringLiteral("%!") + verb + QStringLiteral("(MISSING)");
            continue;
        }
        const QJsonValue &arg = args[next++];
        QString piece = verb == u'q' ? jsonText(QJsonValue(printed(arg))) : printed(arg);
        if (verb == u'd' && !arg.isDouble())
            piece = QStringLiteral("%!d(") + piece + u')';
        text += left ? piece.leftJustified(width) : piece.rightJustified(width);
    }
    return text;
}

Result<QJsonValue> call(const QString &function, const QList<QJsonValue> &args)
{
    const auto wantArgs = [&](qsizetype count) -> Result<void> {
        if (args.size() != count)
            return Error::invalidArgument(
                GoTemplate::tr("Template error: %1 takes %2 arguments, not %3").arg(function).arg(count).arg(args.size()));
        return {};
    };
    if (function == u"json") {
        if (auto ok = wantArgs(1); !ok)
            return ok.error();
        return QJsonValue(jsonText(args[0]));
    }
    if (function == u"lower" || function == u"upper" || function == u"title") {
        if (auto ok = wantArgs(1); !ok)
            return ok.error();
        const QString text = printed(args[0]);
        if (function == u"lower")
            return QJsonValue(text.toLower());
        if (function == u"upper")
            return QJsonValue(text.toUpper());
        return QJsonValue(text.isEmpty() ? text : text.front().toUpper() + text.mid(1));
    }
    if (function == u"join") {
        if (auto ok = wantArgs(2); !ok)
            return ok.error();
        QStringList items;
        for (const QJsonValue &item : args[0].toArray())
            items << printed(item);
        return QJsonValue(items.join(printed(args[1])));
    }
    if (function == u"split") {
        if (auto ok = wantArgs(2); !ok)
            return ok.error();
        return QJsonValue(QJsonArray::fromStringList(printed(args[0]).split(printed(args[1]))));
    }
    if (function == u"truncate") {
        if (auto ok = wantArgs(2); !ok)
            return ok.error();
        return QJsonValue(printed(args[0]).left(qsizetype(args[1].toDouble())));
    }
    if (function == u"pad") {
        if (auto ok = wantArgs(3); !ok)
            return ok.error();
        return QJsonValue(QString(qsizetype(args[1].toDouble()), u' ') + printed(args[0])
                          + QString(qsizetype(args[2].toDouble()), u' '));
    }
    if (function == u"len") {
        if (auto ok = wantArgs(1); !ok)
            return ok.error();
        const QJsonValue &value = args[0];
        if (!value.isArray() && !value.isObject() && !value.isString())
            return Error::invalidArgument(GoTemplate::tr("Template error: len of %1").arg(printed(value)));
        const qsizetype size = value.isArray() ? value.toArray().size()
            : value.isObject()                 ? value.toObject().size()
                                               : value.toString().size();
        return QJsonValue(double(size));
    }
    if (function == u"index") {
        if (args.isEmpty())
            return Error::invalidArgument(GoTemplate::tr("Template error: index needs a value"));
        QJsonValue value = args[0];
        for (qsizetype i = 1; i < args.size(); ++i) {
            if (value.isArray() && args[i].isDouble())
                value = value.toArray().at(qsizetype(args[i].toDouble()));
            else if (value.isObject())
                value = value.toObject().value(printed(args[i]));
            else
                return Error::invalidArgument(
                    GoTemplate::tr("Template error: cannot index %1 with %2").arg(printed(value), printed(args[i])));
        }
        return value;
    }
    if (function == u"eq" || function == u"ne") {
        if (args.size() < 2)
            return wantArgs(2).error();
        // Go's eq: true when the first equals any of the others.
        bool equal = false;
        for (qsizetype i = 1; i < args.size(); ++i)
            equal = equal || args[0] == args[i];
        return QJsonValue(function == u"eq" ? equal : !equal);
    }
    if (function == u"not") {
        if (auto ok = wantArgs(1); !ok)
            return ok.error();
        return QJsonValue(!truth(args[0]));
    }
    if (function == u"and" || function == u"or") {
        if (args.isEmpty())
            return wantArgs(1).error();
        // Go's and/or: the first argument that decides, or the last one.
        for (const QJsonValue &arg : args)
            if (truth(arg) == (function == u"or"))
                return arg;
        return args.last();
    }
    if (function == u"printf") {
        if (args.isEmpty() || !args[0].isString())
            return Error::invalidArgument(GoTemplate::tr("Template error: printf needs a format"));
        return QJsonValue(goSprintf(args[0].toString(), args.mid(1)));
    }
    if (function == u"print" || function == u"println") {
        QString text;
        for (qsizetype i = 0; i < args.size(); ++i) {
            // Sprint puts spaces between operands when neither is a string; Sprintln always.
            if (i > 0 && (function == u"println" || (!args[i - 1].isString() && !args[i].isString())))
                text += u' ';
            text += printed(args[i]);
        }
        return QJsonValue(function == u"println" ? text + u'\n' : text);
    }
    return Error::invalidArgument(GoTemplate::tr("Template parsing error: function \"%1\" not defined").arg(function));
}

Result<QJsonValue> evaluate(const Pipeline &pipeline, const QJsonValue &dot);

Result<QJsonValue> evaluate(const Argument &argument, const QJsonValue &dot)
{
    switch (argument.kind) {
    case Argument::Kind::Literal: return argument.literal;
    case Argument::Kind::Nested: return evaluate(*argument.nested, dot);
    case Argument::Kind::Field: break;
    }
    QJsonValue value = dot;
    for (const QString &name : argument.path) {
        if (!value.isObject() && !value.isUndefined() && !value.isNull())
            return Error::invalidArgument(
                GoTemplate::tr("Template error: can't evaluate field %1 in %2").arg(name, printed(value).left(60)));
        value = value.toObject().value(name);
    }
    return value;
}

Result<QJsonValue> evaluate(const Pipeline &pipeline, const QJsonValue &dot)
{
    std::optional<QJsonValue> previous;
    for (const Command &command : pipeline.commands) {
        QList<QJsonValue> args;
        for (const Argument &argument : command.arguments) {
            auto value = evaluate(argument, dot);
            if (!value)
                return value;
            args << *value;
        }
        if (previous)
            args << *previous;
        if (command.function.isEmpty()) {
            if (args.size() != 1)
                return Error::invalidArgument(GoTemplate::tr("Template error: a value cannot take arguments"));
            previous = args.first();
            continue;
        }
        auto result = call(command.function, args);
        if (!result)
            return result;
        previous = *result;
    }
    return previous.value_or(QJsonValue());
}

Result<void> run(const std::vector<Node> &nodes, const QJsonValue &dot, QString &output)
{
    for (const Node &node : nodes) {
        if (node.kind == Node::Kind::Text) {
            output += node.text;
            continue;
        }
        auto value = evaluate(node.pipeline, dot);
        if (!value)
            return value.error();
        if (node.kind == Node::Kind::Action) {
            output += printed(*value);
        } else if (node.kind == Node::Kind::If) {
            if (auto done = run(truth(*value) ? node.body : node.otherwise, dot, output); !done)
                return done;
        } else if (!truth(*value)) {
            if (auto done = run(node.otherwise, dot, output); !done)
                return done;
        } else {
            QList<QJsonValue> items;
            if (value->isArray())
                for (const QJsonValue &item : value->toArray())
                    items << item;
            else if (value->isObject())
                for (const QJsonValue &item : value->toObject())
                    items << item;
            else
                return Error::invalidArgument(GoTemplate::tr("Template error: range can't iterate over %1").arg(printed(*value)));
            for (const QJsonValue &item : std::as_const(items))
                if (auto done = run(node.body, item, output); !done)
                    return done;
        }
    }
    return {};
}

} // namespace

Result<GoTemplate> GoTemplate::parse(const QString &text)
{
    auto nodes = parseNodes(text);
    if (!nodes)
        return nodes.error();
    GoTemplate parsed;
    parsed.m_nodes = std::make_shared<const std::vector<Node>>(std::move(*nodes));
    return parsed;
}

Result<QString> GoTemplate::execute(const QJsonValue &dot) const
{
    QString output;
    if (auto done = run(*m_nodes, dot, output); !done)
        return done.error();
    return output;
}

} // namespace berth::cli
