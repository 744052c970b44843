#include "copycommand.h"

#include "commandparser.h"
#include "engine.h"
#include "engineclient.h"
#include "files/hostarchive.h"
#include "jobwatcher.h"
#include "output.h"

#include <QDBusObjectPath>
#include <QDBusUnixFileDescriptor>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace berth::cli {
namespace {

// One side of `cp`: a container's path ("web:/opt") or the host's ("./1.sh", "-").
struct Location
{
    QString container; // empty: the host
    QString path;
};

// docker's rule: an absolute path, or one whose part before ":" starts with ".", is the
// host's; otherwise "name:path" names a container.
Location locate(const QString &argument)
{
    const qsizetype colon = argument.indexOf(u':');
    if (argument.startsWith(u'/') || colon <= 0 || argument.left(colon).startsWith(u'.'))
        return {{}, argument};
    return {argument.left(colon), argument.mid(colon + 1)};
}

bool namesContents(const QString &path)
{
    return path.endsWith(QStringLiteral("/.")) || path == u".";
}

QString lastComponent(const QString &path)
{
    const QString name = QFileInfo(QDir::cleanPath(path)).fileName();
    return name.isEmpty() ? QStringLiteral(".") : name;
}

// What the container has at a path; empty when nothing is there.
struct ContainerPath
{
    bool exists = false;
    bool directory = false;
    QByteArray name;
};

Result<ContainerPath> statContainerPath(EngineClient &engine, const Location &at, bool followLink)
{
    const auto reply = engine.call(
        engine::kFilesInterface, QStringLiteral("StatPath"),
        {at.container, QFile::encodeName(at.path), QVariantMap{{QStringLiteral("followLink"), followLink}}}, engine::kFilesPath);
    if (!reply) {
        if (reply.error().kind() == ErrorKind::NotFound && !engine.unreachable()
            && reply.error().message().startsWith(QStringLiteral("Could not find the file")))
            return ContainerPath{};
        return reply.error();
    }
    const QVariantMap info = reply->value(0).toMap();
    return ContainerPath{true, S_ISDIR(info.value(QStringLiteral("Mode")).toUInt()),
                         info.value(QStringLiteral("Name")).toByteArray()};
}

// Progress on a terminal, as docker draws it: one line, rewritten.
class ProgressLine
{
public:
    ProgressLine(QString label, bool shown)
        : m_label(std::move(label))
        , m_shown(shown)
    {
        m_clock.start();
    }
    CopyProgress callback()
    {
        return [this](qint64 bytes) {
            m_bytes = bytes;
            if (m_shown && m_clock.elapsed() > 100) {
                m_clock.restart();
                err() << '\r' << m_label << QStringLiteral(" - ") << dockerSize(quint64(bytes)) << QStringLiteral("   ")
                      << Qt::flush;
            }
            return true;
        };
    }
    void finish(const QString &destination)
    {
        if (m_shown)
            err() << '\r' << CopyCommand::tr("Successfully copied %1 to %2").arg(dockerSize(quint64(m_bytes)), destination)
                  << QStringLiteral("          ") << Qt::endl;
    }

private:
    QString m_label;
    bool m_shown;
    qint64 m_bytes = 0;
    QElapsedTimer m_clock;
};

// A pipe of 1 MiB (the most an unprivileged process may ask for by default): fewer turns
// between the writer and the reader.
bool makePipe(int fds[2])
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
        return false;
    const int size = 4 << 20;
    for (int i : {0, 1}) {
        ::setsockopt(fds[i], SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
        ::setsockopt(fds[i], SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    }
    return true;
}

Result<QString> startCopyJob(EngineClient &engine, const QString &method, const Location &at, int fd, const QVariantMap &options)
{
    const auto reply
        = engine.call(engine::kFilesInterface, method,
                      {at.container, QFile::encodeName(at.path), QVariant::fromValue(QDBusUnixFileDescriptor(fd)), options},
                      engine::kFilesPath);
    if (!reply)
        return reply.error();
    return qvariant_cast<QDBusObjectPath>(reply->value(0)).path();
}

// The job's outcome counts first: when the engine failed, the stream's own error is only the
// echo of that.
int settle(EngineClient &engine, const QString &job, const Result<qint64> &streamed)
{
    const auto result = JobWatcher(job, true).wait();
    if (!result)
        return engine.report(result.error(), Failure);
    if (!streamed) {
        err() << streamed.error().message() << Qt::endl;
        return Failure;
    }
    return Success;
}

Error localError(const QString &what, const QString &path)
{
    return Error::invalidArgument(QStringLiteral("%1: %2").arg(what, path));
}

int reportLocal(const Error &error)
{
    err() << error.message() << Qt::endl;
    return Failure;
}

int copyFromContainer(const Location &source, const QString &destination, bool followLink, bool keepOwners, bool quiet)
{
    EngineClient engine;
    auto found = statContainerPath(engine, source, followLink);
    if (!found)
        return engine.report(found.error(), Failure);
    if (!found->exists)
        return engine.report(
            Error::notFound(CopyCommand::tr("Could not find the file %1 in container %2").arg(source.path, source.container)),
            Failure);
    if ((source.path.endsWith(u'/') || namesContents(source.path)) && !found->directory)
        return reportLocal(localError(CopyCommand::tr("not a directory"), source.path));
    const QVariantMap options{{QStringLiteral("followLink"), followLink}};
    if (destination == u"-") { // the tar stream itself, as docker writes it
        auto job = startCopyJob(engine, QStringLiteral("CopyFromContainer"), source, STDOUT_FILENO, options);
        return job ? settle(engine, *job, qint64(0)) : engine.report(job.error(), Failure);
    }
    // Where the copied root lands, by docker's rules.
    const QFileInfo there(destination);
    QString target = destination;
    if (there.isDir()) {
        if (!(found->directory && namesContents(source.path)))
            target = QDir(there.canonicalFilePath()).filePath(QFile::decodeName(found->name));
    } else if (there.exists()) {
        if (found->directory)
            return reportLocal(localError(CopyCommand::tr("cannot copy a directory to a file"), destination));
    } else if (destination.endsWith(u'/') && !found->directory) {
        return reportLocal(localError(CopyCommand::tr("no such directory"), destination));
    } else if (!QFileInfo(there.absolutePath()).isDir()) {
        return reportLocal(localError(CopyCommand::tr("no such directory"), there.absolutePath()));
    }
    int pipe[2];
    if (!makePipe(pipe))
        return reportLocal(Error::fromErrno(errno, QStringLiteral("pipe")));
    // We unpack it ourselves, so large files may come beside the stream (files/passedcontent.h).
    QVariantMap passing = options;
    passing.insert(QStringLiteral("passContent"), true);
    auto job = startCopyJob(engine, QStringLiteral("CopyFromContainer"), source, pipe[1], passing);
    ::close(pipe[1]); // the engine holds its own end now
    if (!job) {
        ::close(pipe[0]);
        return engine.report(job.error(), Failure);
    }
    ProgressLine progress(CopyCommand::tr("Copying from container"), !quiet && ::isatty(STDERR_FILENO));
    const auto extracted = extractHostArchive(pipe[0], target, ExtractOptions{keepOwners, progress.callback(), true});
    ::close(pipe[0]);
    const int code = settle(engine, *job, extracted);
    if (code == Success)
        progress.finish(destination);
    return code;
}

int copyToContainer(const QString &source, const Location &destination, bool followLink, bool keepOwners, bool quiet)
{
    EngineClient engine;
    const QVariantMap options{{QStringLiteral("keepOwners"), keepOwners}};
    auto found = statContainerPath(engine, destination, true);
    if (!found)
        return engine.report(found.error(), Failure);
    if (source == u"-") { // a tar stream from stdin, unpacked into a directory
        if (!found->directory)
            return reportLocal(localError(CopyCommand::tr("destination must be a directory"), destination.path));
        auto job = startCopyJob(engine, QStringLiteral("CopyToContainer"), destination, STDIN_FILENO, options);
        return job ? settle(engine, *job, qint64(0)) : engine.report(job.error(), Failure);
    }
    const QFileInfo from(source);
    if (!from.exists() && !from.isSymLink())
        return reportLocal(localError(QStringLiteral("lstat %1").arg(source), QString::fromLocal8Bit(std::strerror(ENOENT))));
    const bool sourceIsDirectory = from.isDir() && (followLink || !from.isSymLink());
    // The directory the engine unpacks into, and the name the copied root takes there.
    Location into = destination;
    QString rootName = lastComponent(source);
    if (found->directory) {
        if (sourceIsDirectory && namesContents(source))
            rootName = QStringLiteral(".");
    } else if (found->exists && sourceIsDirectory) {
        return reportLocal(localError(CopyCommand::tr("cannot copy a directory to a file"), destination.path));
    } else if (!found->exists && destination.path.endsWith(u'/') && !sourceIsDirectory) {
        return reportLocal(localError(CopyCommand::tr("no such directory"), destination.path));
    } else {
        const QString cleaned = QDir::cleanPath(u'/' + destination.path);
        into.path = QFileInfo(cleaned).path();
        rootName = lastComponent(cleaned);
    }
    int pipe[2];
    if (!makePipe(pipe))
        return reportLocal(Error::fromErrno(errno, QStringLiteral("pipe")));
    auto job = startCopyJob(engine, QStringLiteral("CopyToContainer"), into, pipe[0], options);
    ::close(pipe[0]);
    if (!job) {
        ::close(pipe[1]);
        return engine.report(job.error(), Failure);
    }
    ProgressLine progress(CopyCommand::tr("Copying to container"), !quiet && ::isatty(STDERR_FILENO));
    const auto written = writeHostArchive(from.absoluteFilePath(), QFile::encodeName(rootName), followLink, pipe[1],
                                          progress.callback(), PassedContent::TheFile);
    ::close(pipe[1]);
    const int code = settle(engine, *job, written);
    if (code == Success)
        progress.finish(destination.container + u':' + destination.path);
    return code;
}

} // namespace

int CopyCommand::copy(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n"
                                        "       berth cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH"),
                         tr("Copy files/folders between a container and the local filesystem. Use '-' as the source "
                            "to read a tar archive from stdin and extract it to a directory destination in a container, "
                            "or as the destination to stream a tar archive of a container source to stdout."));
    parser.addOption({{QStringLiteral("a"), QStringLiteral("archive")}, tr("Archive mode (copy all uid/gid information)")});
    parser.addOption({{QStringLiteral("L"), QStringLiteral("follow-link")}, tr("Always follow symbol link in SRC_PATH")});
    parser.addOption({{QStringLiteral("q"), QStringLiteral("quiet")},
                      tr("Suppress progress output during copy. Progress output is automatically suppressed if no "
                         "terminal is attached")});
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() != 2)
        return CommandParser::usageError(QStringLiteral("berth cp"), tr("\"berth cp\" requires exactly 2 arguments."));
    // A reader that goes away must end the copy with an error, not kill the CLI.
    std::signal(SIGPIPE, SIG_IGN);
    const Location source = locate(parser.positional().at(0));
    const Location destination = locate(parser.positional().at(1));
    const bool followLink = parser.flags().isSet(QStringLiteral("follow-link"));
    const bool keepOwners = parser.flags().isSet(QStringLiteral("archive"));
    const bool quiet = parser.flags().isSet(QStringLiteral("quiet"));
    if (!source.container.isEmpty() && !destination.container.isEmpty())
        return CommandParser::usageError(QStringLiteral("berth cp"), tr("copying between containers is not supported"));
    if (source.container.isEmpty() && destination.container.isEmpty())
        return CommandParser::usageError(QStringLiteral("berth cp"), tr("must specify at least one container source"));
    if (!source.container.isEmpty())
        return copyFromContainer(source, destination.path, followLink, keepOwners, quiet);
    return copyToContainer(source.path, destination, followLink, keepOwners, quiet);
}

int CopyCommand::exportContainer(const QStringList &arguments)
{
    CommandParser parser(QStringLiteral("berth export [OPTIONS] CONTAINER"),
                         tr("Export a container's filesystem as a tar archive"));
    parser.addOption(
        {{QStringLiteral("o"), QStringLiteral("output")}, tr("Write to a file, instead of STDOUT"), QStringLiteral("file")});
    if (auto done = parser.parse(arguments))
        return *done;
    if (parser.positional().size() != 1)
        return CommandParser::usageError(QStringLiteral("berth export"), tr("\"berth export\" requires exactly 1 argument."));
    int fd = STDOUT_FILENO;
    const QString path = parser.flags().value(QStringLiteral("output"));
    if (!path.isEmpty()) {
        fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0)
            return reportLocal(Error::fromErrno(errno, QStringLiteral("open %1").arg(path)));
    } else if (::isatty(STDOUT_FILENO)) {
        err() << tr("cowardly refusing to save to a terminal. Use the -o flag or redirect") << Qt::endl;
        return Failure;
    }
    EngineClient engine;
    const auto reply = engine.call(engine::kFilesInterface, QStringLiteral("ExportContainer"),
                                   {parser.positional().first(), QVariant::fromValue(QDBusUnixFileDescriptor(fd)), QVariantMap{}},
                                   engine::kFilesPath);
    if (fd != STDOUT_FILENO)
        ::close(fd);
    if (!reply)
        return engine.report(reply.error(), Failure);
    const int code = settle(engine, qvariant_cast<QDBusObjectPath>(reply->value(0)).path(), qint64(0));
    if (code != Success && !path.isEmpty())
        QFile::remove(path);
    return code;
}

} // namespace berth::cli
