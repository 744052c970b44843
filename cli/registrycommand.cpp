#include "registrycommand.h"

#include "commandparser.h"
#include "engine.h"
#include "engineclient.h"
#include "image/imageref.h"
#include "jobwatcher.h"
#include "output.h"
#include "registry/dockerconfig.h"
#include "table.h"

#include <QDBusObjectPath>
#include <QFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>
#include <variant>

namespace berth::cli {
namespace {

// The person's stored credentials for the image's registry, as the call's options.
QVariantMap credentialOptions(const ImageRef &ref)
{
    return berth::credentialOptions(DockerConfig::credentials(ref.domain()));
}

QString readLine(bool echo)
{
    termios saved{};
    const bool terminal = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal && !echo) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QFile in;
    (void)in.open(stdin, QIODevice::ReadOnly);
    const QString line = QString::fromUtf8(in.readLine()).remove(u'\n').remove(u'\r');
    if (terminal && !echo) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err() << Qt::endl;
    }
    return line;
}

// What pull and push take: one image reference, -a and -q.
struct Transfer
{
    ImageRef ref;
    bool allTags = false;
    bool quiet = false;
    QString platform; // pull only
};

// The reference and flags, or the exit code when the command line is done with (help, a usage
// error, a bad reference).
std::variant<Transfer, int> parseTransfer(const QStringList &arguments, const QString &command, const QString &usage,
                                          const QString &description, const QString &oneArgument, bool pull)
{
    CommandParser parser(usage, description);
    parser.addOption({{QStringLiteral("a"), QStringLiteral("all-tags")},
                      pull ? RegistryCommand::tr("Download all tagged images in the repository")
                           : RegistryCommand::tr("Push all tags of an image to the repository")});
    parser.addOption({{QStringLiteral("q"), QStringLiteral("quiet")}, RegistryCommand::tr("Suppress verbose output")});
    if (pull)
        parser.addOption({QStringLiteral("platform"), RegistryCommand::tr("Set platform if server is multi-platform capable"),
                          QStringLiteral("string")});
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() != 1)
        return CommandParser::usageError(command, oneArgument);
    const QString text = parser.positional().first();
    auto ref = ImageRef::parse(text);
    if (!ref) {
        err() << RegistryCommand::tr("invalid reference format: %1").arg(ref.error().message()) << Qt::endl;
        return int(Failure);
    }
    const bool allTags = parser.flags().isSet(QStringLiteral("all-tags"));
    if (allTags && (ref->digest() || text.section(u'/', -1).contains(u':')))
        return CommandParser::usageError(command, RegistryCommand::tr("tag can't be used with --all-tags/-a"));
    return Transfer{*ref, allTags, parser.flags().isSet(QStringLiteral("quiet")),
                    pull ? parser.flags().value(QStringLiteral("platform")) : QString()};
}

// Follows a pull or push job to its end: its result, or the exit code of its failure.
std::variant<QVariantMap, int> followTransfer(EngineClient &engine, const QString &method, const ImageRef &ref,
                                              const QVariantMap &options, bool quiet)
{
    const auto reply = engine.call(engine::kImagesInterface, method, {ref.toString(), options}, engine::kImagesPath);
    if (!reply)
        return engine.report(reply.error(), Failure);
    JobWatcher watcher(qvariant_cast<QDBusObjectPath>(reply->value(0)).path(), quiet);
    watcher.listStateChanges();
    const auto result = watcher.wait();
    if (!result)
        return engine.report(result.error(), Failure);
    return *result;
}

// The images to pull or push: the one named, or for `-a` every tag of its repository (the
// registry's for a pull, the local images' for a push).
Result<QList<ImageRef>> imagesToTransfer(EngineClient &engine, const Transfer &transfer, bool pull)
{
    const ImageRef &ref = transfer.ref;
    if (!transfer.allTags)
        return QList<ImageRef>{ref};
    QStringList tags;
    if (pull) {
        const auto reply = engine.call(engine::kImagesInterface, QStringLiteral("ListRegistryTags"),
                                       {ref.name(), credentialOptions(ref)}, engine::kImagesPath);
        if (!reply)
            return reply.error();
        tags = reply->value(0).toStringList();
    } else {
        const auto reply
            = engine.call(engine::kImagesInterface, QStringLiteral("ListImages"), {QVariantMap{}}, engine::kImagesPath);
        if (!reply)
            return reply.error();
        for (const QVariant &image : engine::demarshal(reply->value(0)).toList())
            for (const QString &tag : image.toMap().value(QStringLiteral("RepoTags")).toStringList())
                if (const auto local = ImageRef::parse(tag); local && local->name() == ref.name())
                    tags << local->tag();
        if (tags.isEmpty())
            return Error::notFound(
                RegistryCommand::tr("An image does not exist locally with the tag: %1").arg(ref.familiarName()));
    }
    tags.sort();
    QList<ImageRef> images;
    for (const QString &tag : std::as_const(tags))
        images << ref.withTag(tag);
    return images;
}

} // namespace

int RegistryCommand::pull(const QStringList &arguments)
{
    const auto parsed
        = parseTransfer(arguments, QStringLiteral("berth pull"), QStringLiteral("berth pull [OPTIONS] NAME[:TAG|@DIGEST]"),
                        tr("Download an image from a registry"), tr("\"berth pull\" requires exactly 1 argument."), true);
    if (const int *done = std::get_if<int>(&parsed))
        return *done;
    const Transfer &transfer = std::get<Transfer>(parsed);
    const ImageRef &ref = transfer.ref;
    QVariantMap options = credentialOptions(ref);
    if (!transfer.platform.isEmpty())
        options.insert(QStringLiteral("platform"), transfer.platform);
    EngineClient engine;
    const auto images = imagesToTransfer(engine, transfer, true);
    if (!images)
        return engine.report(images.error(), Failure);
    for (const ImageRef &image : *images) {
        if (!transfer.quiet)
            out()
                << tr("%1: Pulling from %2").arg(image.digest() ? image.digest()->toString() : image.tag(), image.familiarName())
                << Qt::endl;
        const auto result = followTransfer(engine, QStringLiteral("PullImage"), image, options, transfer.quiet);
        if (const int *failed = std::get_if<int>(&result))
            return *failed;
        if (!transfer.quiet)
            out() << tr("Digest: %1").arg(std::get<QVariantMap>(result).value(QStringLiteral("Digest")).toString()) << Qt::endl;
    }
    if (!transfer.quiet)
        out() << tr("Status: Downloaded newer image for %1").arg(transfer.allTags ? ref.familiarName() : ref.familiarString())
              << Qt::endl;
    out() << (transfer.allTags ? ref.name() : ref.toString()) << Qt::endl;
    return Success;
}

int RegistryCommand::push(const QStringList &arguments)
{
    const auto parsed
        = parseTransfer(arguments, QStringLiteral("berth push"), QStringLiteral("berth push [OPTIONS] NAME[:TAG]"),
                        tr("Upload an image to a registry"), tr("\"berth push\" requires exactly 1 argument."), false);
    if (const int *done = std::get_if<int>(&parsed))
        return *done;
    const Transfer &transfer = std::get<Transfer>(parsed);
    const ImageRef &ref = transfer.ref;
    EngineClient engine;
    const auto images = imagesToTransfer(engine, transfer, false);
    if (!images)
        return engine.report(images.error(), Failure);
    if (!transfer.quiet)
        out() << tr("The push refers to repository [%1]").arg(ref.name()) << Qt::endl;
    for (const ImageRef &image : *images) {
        const auto result = followTransfer(engine, QStringLiteral("PushImage"), image, credentialOptions(ref), transfer.quiet);
        if (const int *failed = std::get_if<int>(&result))
            return *failed;
        const QVariantMap &pushed = std::get<QVariantMap>(result);
        if (transfer.quiet)
            out() << image.toString() << Qt::endl;
        else
            out() << tr("%1: digest: %2 size: %3")
                         .arg(image.tag(), pushed.value(QStringLiteral("Digest")).toString())
                         .arg(pushed.value(QStringLiteral("Size")).toLongLong())
                  << Qt::endl;
    }
    return Success;
}

int RegistryCommand::login(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth login [OPTIONS] [SERVER]"),
                         tr("Log in to a registry. If no server is specified, docker.io is used."));
    parser.addOption({{QStringLiteral("u"), QStringLiteral("username")}, tr("Username"), QStringLiteral("string")});
    parser.addOption({{QStringLiteral("p"), QStringLiteral("password")}, tr("Password"), QStringLiteral("string")});
    parser.addOption({QStringLiteral("password-stdin"), tr("Take the password from stdin")});
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() > 1)
        return CommandParser::usageError(QStringLiteral("berth login"), tr("\"berth login\" requires at most 1 argument."));
    const QString server = parser.positional().value(0, QStringLiteral("docker.io"));
    QString username = parser.flags().value(QStringLiteral("username"));
    QString password = parser.flags().value(QStringLiteral("password"));
    const bool fromStdin = parser.flags().isSet(QStringLiteral("password-stdin"));
    if (fromStdin && !password.isEmpty())
        return CommandParser::usageError(QStringLiteral("berth login"),
                                         tr("--password and --password-stdin are mutually exclusive"));
    if (fromStdin && username.isEmpty())
        return CommandParser::usageError(QStringLiteral("berth login"), tr("Must provide --username with --password-stdin"));
    if (!password.isEmpty())
        err() << tr("WARNING! Using --password via the CLI is insecure. Use --password-stdin.") << Qt::endl;
    if (username.isEmpty()) {
        err() << tr("Username: ") << Qt::flush;
        username = readLine(true);
    }
    if (fromStdin || password.isEmpty()) {
        if (!fromStdin)
            err() << tr("Password: ") << Qt::flush;
        password = readLine(false);
    }
    if (username.isEmpty() || password.isEmpty()) {
        err() << tr("Error: a username and a password are needed") << Qt::endl;
        return Failure;
    }
    EngineClient engine;
    const auto checked
        = engine.call(engine::kImagesInterface, QStringLiteral("CheckRegistryLogin"),
                      {server, berth::credentialOptions(RegistryCredentials{username, password})}, engine::kImagesPath);
    if (!checked)
        return engine.report(checked.error(), Failure);
    if (auto stored = DockerConfig::store(server, {username, password}); !stored) {
        err() << stored.error().message() << Qt::endl;
        return Failure;
    }
    out() << tr("Login Succeeded") << Qt::endl;
    return Success;
}

int RegistryCommand::logout(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth logout [SERVER]"),
                         tr("Log out from a registry. If no server is specified, docker.io is used."));
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() > 1)
        return CommandParser::usageError(QStringLiteral("berth logout"), tr("\"berth logout\" requires at most 1 argument."));
    const QString server = parser.positional().value(0, QStringLiteral("docker.io"));
    const auto erased = DockerConfig::erase(server);
    if (!erased) {
        err() << erased.error().message() << Qt::endl;
        return Failure;
    }
    if (*erased)
        out() << tr("Removing login credentials for %1").arg(DockerConfig::keyFor(server)) << Qt::endl;
    else
        out() << tr("Not logged in to %1").arg(DockerConfig::keyFor(server)) << Qt::endl;
    return Success;
}

int RegistryCommand::search(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth search [OPTIONS] REGISTRY/TERM"),
                         tr("Search a registry's catalog for repositories, with their tags"));
    parser.addOption({QStringLiteral("limit"), tr("Max number of search results"), QStringLiteral("int"), QStringLiteral("25")});
    parser.addOption({QStringLiteral("no-trunc"), tr("Don't truncate output")});
    parser.addFormatOption(false);
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() != 1)
        return CommandParser::usageError(QStringLiteral("berth search"), tr("\"berth search\" requires exactly 1 argument."));
    const QString query = parser.positional().first();
    const qsizetype slash = query.indexOf(u'/');
    const QString registry = slash > 0 ? query.left(slash) : QString();
    if (registry.isEmpty() || !(registry.contains(u'.') || registry.contains(u':') || registry == u"localhost")) {
        err() << tr("Name the registry to search, as in \"berth search 127.0.0.1:5000/app\": Berth searches registries that "
                    "offer their catalog.")
              << Qt::endl;
        return Failure;
    }
    bool ok = false;
    const int limit = parser.flags().value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 1 || limit > 1000)
        return CommandParser::usageError(
            QStringLiteral("berth search"),
            tr("limit %1 is outside the accepted range [1, 1000]").arg(parser.flags().value(QStringLiteral("limit"))));
    QVariantMap options = berth::credentialOptions(DockerConfig::credentials(registry));
    options.insert(QStringLiteral("limit"), limit);
    EngineClient engine;
    const auto reply = engine.call(engine::kImagesInterface, QStringLiteral("SearchRegistry"),
                                   {registry, query.mid(slash + 1), options}, engine::kImagesPath);
    if (!reply)
        return engine.report(reply.error(), Failure);
    Table table({tr("NAME"), tr("TAGS")});
    const bool full = parser.flags().isSet(QStringLiteral("no-trunc"));
    for (const QVariant &item : engine::demarshal(reply->value(0)).toList()) {
        QVariantMap row = item.toMap();
        row.insert(QStringLiteral("Name"), registry + u'/' + row.value(QStringLiteral("Name")).toString());
        if (parser.formatted()) {
            parser.print(QJsonObject::fromVariantMap(row));
            continue;
        }
        QString tags = row.value(QStringLiteral("Tags")).toStringList().join(QStringLiteral(", "));
        if (!full && tags.size() > 45)
            tags = tags.left(44) + u'…';
        table.addRow({row.value(QStringLiteral("Name")).toString(), tags});
    }
    if (!parser.formatted())
        table.print();
    out().flush();
    return Success;
}

} // namespace berth::cli
