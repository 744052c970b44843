// Network figures for docs/PERFORMANCE.md: TCP throughput and connection latency from the
// host to a container, through a published port (Berth's DNAT rules) and straight to the
// container's address on the bridge (the floor).  Prints a Markdown table.
//
//     ./berth-dev bench           (as root; starts its own isolated engine)
//
// Traffic goes only to loopback and to the engine's own bridge.

#include "benchutil.h"
#include "isolatedengine.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace berth::test;

namespace {

constexpr qint64 kBytes = 512ll * 1024 * 1024;
constexpr int kRounds = 5;
constexpr int kRequests = 300;

int connectTo(const QString &address, quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    ::inet_pton(AF_INET, address.toLatin1().constData(), &to.sin_addr);
    for (int attempt = 0; attempt < 100; ++attempt) {
        if (::connect(fd, reinterpret_cast<sockaddr *>(&to), sizeof to) == 0)
            return fd;
        QThread::msleep(20);
    }
    ::close(fd);
    return -1;
}

// Sends kBytes to a sink that reads to the end and then closes; MB/s.
double throughput(const QString &address, quint16 port)
{
    static const QByteArray chunk(1024 * 1024, 'x');
    const int fd = connectTo(address, port);
    if (fd < 0)
        return 0;
    QElapsedTimer timer;
    timer.start();
    for (qint64 sent = 0; sent < kBytes;) {
        const ssize_t n = ::write(fd, chunk.constData(), size_t(chunk.size()));
        if (n <= 0)
            break;
        sent += n;
    }
    ::shutdown(fd, SHUT_WR);
    char byte;
    while (::read(fd, &byte, 1) > 0) { }
    ::close(fd);
    return double(kBytes) / 1e6 / (timer.nsecsElapsed() / 1e9);
}

// Connect, one HTTP request, the whole answer; the median in microseconds.
double requestLatency(const QString &address, quint16 port)
{
    QList<double> times;
    const QByteArray request = "GET / HTTP/1.0\r\n\r\n";
    for (int i = 0; i < kRequests; ++i) {
        QElapsedTimer timer;
        timer.start();
        const int fd = connectTo(address, port);
        if (fd < 0)
            return 0;
        if (::write(fd, request.constData(), size_t(request.size())) != request.size()) {
            ::close(fd);
            return 0;
        }
        char buffer[4096];
        while (::read(fd, buffer, sizeof buffer) > 0) { }
        ::close(fd);
        times << timer.nsecsElapsed() / 1e3;
    }
    return median(times);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    IsolatedEngine engine;
    if (!engine.start()) {
        qCritical("cannot start the engine: %s", qPrintable(engine.errorString()));
        return 1;
    }
    // A sink that takes one connection after another, and a small web server.
    const QString id
        = engine
              .berth({QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("-p"), QStringLiteral("127.0.0.1:15001:5001"),
                      QStringLiteral("-p"), QStringLiteral("127.0.0.1:15080:80"), QStringLiteral("busybox"), QStringLiteral("sh"),
                      QStringLiteral("-c"),
                      QStringLiteral("mkdir /www && echo hello > /www/index.html && httpd -p 80 -h /www && "
                                     "while true; do nc -l -p 5001 > /dev/null; done")})
              .out.trimmed();
    const QString inspected = engine.berth({QStringLiteral("inspect"), id}).out;
    const QString direct = QJsonDocument::fromJson(inspected.toUtf8())
                               .array()
                               .first()
                               .toObject()
                               .value(u"NetworkSettings")
                               .toObject()
                               .value(u"IPAddress")
                               .toString();
    QList<double> publishedRate, directRate;
    for (int i = 0; i < kRounds; ++i) {
        publishedRate << throughput(QStringLiteral("127.0.0.1"), 15001);
        directRate << throughput(direct, 5001);
    }
    const double publishedLatency = requestLatency(QStringLiteral("127.0.0.1"), 15080);
    const double directLatency = requestLatency(direct, 80);
    engine.berth({QStringLiteral("rm"), QStringLiteral("-f"), id});
    engine.stop();

    QString table;
    table += QStringLiteral(
        "| measure (host to a container; median) | published port (127.0.0.1) | container address (the floor) |\n"
        "|---|---|---|\n");
    table += QStringLiteral("| TCP throughput, %1 MiB x %2 | %3 MB/s | %4 MB/s |\n")
                 .arg(kBytes / 1024 / 1024)
                 .arg(kRounds)
                 .arg(median(publishedRate), 0, 'f', 0)
                 .arg(median(directRate), 0, 'f', 0);
    table += QStringLiteral("| connect + HTTP request + answer, x %1 | %2 us | %3 us |\n")
                 .arg(kRequests)
                 .arg(publishedLatency, 0, 'f', 0)
                 .arg(directLatency, 0, 'f', 0);
    QTextStream(stdout) << table;
    return 0;
}
