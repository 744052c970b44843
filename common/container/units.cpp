#include "units.h"

#include "asciitext.h"

#include <QCoreApplication>

#include <cmath>
#include <csignal>

namespace berth {

// docker's sizes: a number, perhaps with a fraction, then k, m, g, t or p (powers of 1024),
// perhaps followed by "b" or "ib", in either case.
Result<qint64> parseBytes(const QString &text)
{
    const auto invalid = [&] { return Error::invalidArgument(QStringLiteral("invalid size: '%1'").arg(text)); };
    QStringView rest = QStringView(text).trimmed();
    const auto digitsFrom = [&rest](qsizetype at) {
        while (at < rest.size() && ascii::isDigit(rest[at]))
            ++at;
        return at;
    };
    qsizetype numberEnd = digitsFrom(0);
    if (numberEnd > 0 && numberEnd + 1 < rest.size() && rest[numberEnd] == u'.' && ascii::isDigit(rest[numberEnd + 1]))
        numberEnd = digitsFrom(numberEnd + 1);
    if (numberEnd == 0)
        return invalid();
    const double number = rest.first(numberEnd).toDouble();
    rest = rest.sliced(numberEnd).trimmed();
    int power = 0;
    if (!rest.isEmpty())
        if (const qsizetype unit = QStringView(u"kmgtp").indexOf(rest.front().toLower()); unit >= 0) {
            power = int(unit) + 1;
            rest = rest.sliced(1);
        }
    if (!rest.isEmpty() && rest.compare(u"b", Qt::CaseInsensitive) != 0 && rest.compare(u"ib", Qt::CaseInsensitive) != 0)
        return invalid();
    const double bytes = std::ldexp(number, 10 * power); // number × 1024^power, exactly
    if (bytes >= 9.2e18)
        return Error::invalidArgument(QStringLiteral("invalid size: '%1' is too large").arg(text));
    return static_cast<qint64>(bytes);
}

Result<qint64> parseCpus(const QString &text)
{
    bool ok = false;
    const double cpus = text.toDouble(&ok);
    if (!ok || !std::isfinite(cpus))
        return Error::invalidArgument(QStringLiteral("failed to parse %1 as a rational number").arg(text));
    const double nano = cpus * 1e9;
    if (nano < 0 || nano >= 9.2e18)
        return Error::invalidArgument(QStringLiteral("invalid value: %1: the number of CPUs must be positive").arg(text));
    return static_cast<qint64>(std::llround(nano));
}

namespace {

constexpr std::pair<const char *, int> kSignals[] = {
    {"HUP", SIGHUP},   {"INT", SIGINT},   {"QUIT", SIGQUIT},     {"ILL", SIGILL},   {"TRAP", SIGTRAP},     {"ABRT", SIGABRT},
    {"IOT", SIGIOT},   {"BUS", SIGBUS},   {"FPE", SIGFPE},       {"KILL", SIGKILL}, {"USR1", SIGUSR1},     {"SEGV", SIGSEGV},
    {"USR2", SIGUSR2}, {"PIPE", SIGPIPE}, {"ALRM", SIGALRM},     {"TERM", SIGTERM}, {"STKFLT", SIGSTKFLT}, {"CHLD", SIGCHLD},
    {"CONT", SIGCONT}, {"STOP", SIGSTOP}, {"TSTP", SIGTSTP},     {"TTIN", SIGTTIN}, {"TTOU", SIGTTOU},     {"URG", SIGURG},
    {"XCPU", SIGXCPU}, {"XFSZ", SIGXFSZ}, {"VTALRM", SIGVTALRM}, {"PROF", SIGPROF}, {"WINCH", SIGWINCH},   {"IO", SIGIO},
    {"POLL", SIGPOLL}, {"PWR", SIGPWR},   {"SYS", SIGSYS},
};

} // namespace

Result<int> parseSignal(const QString &text)
{
    bool numeric = false;
    const int number = text.toInt(&numeric);
    if (numeric) {
        if (number < 1 || number > SIGRTMAX)
            return Error::invalidArgument(QStringLiteral("invalid signal: %1").arg(text));
        return number;
    }
    QString name = text.toUpper();
    if (name.startsWith(u"SIG"))
        name = name.mid(3);
    for (const auto &[signalText, value] : kSignals)
        if (name == QLatin1StringView(signalText))
            return value;
    return Error::invalidArgument(QStringLiteral("invalid signal: %1").arg(text));
}

QString signalName(int signal)
{
    for (const auto &[name, value] : kSignals)
        if (value == signal)
            return QStringLiteral("SIG") + QLatin1StringView(name);
    return QString::number(signal);
}

QString humanDuration(qint64 seconds)
{
    const qint64 minutes = seconds / 60, hours = minutes / 60, days = hours / 24;
    QString span;
    if (seconds < 1)
        span = QCoreApplication::translate("Units", "Less than a second");
    else if (seconds == 1)
        span = QCoreApplication::translate("Units", "1 second");
    else if (seconds < 60)
        span = QCoreApplication::translate("Units", "%1 seconds").arg(seconds);
    else if (minutes == 1)
        span = QCoreApplication::translate("Units", "About a minute");
    else if (minutes < 60)
        span = QCoreApplication::translate("Units", "%1 minutes").arg(minutes);
    else if (hours == 1)
        span = QCoreApplication::translate("Units", "About an hour");
    else if (hours < 48)
        span = QCoreApplication::translate("Units", "%1 hours").arg(hours);
    else if (days < 14)
        span = QCoreApplication::translate("Units", "%1 days").arg(days);
    else if (days < 90)
        span = QCoreApplication::translate("Units", "%1 weeks").arg(days / 7);
    else if (days < 730)
        span = QCoreApplication::translate("Units", "%1 months").arg(days / 30);
    else
        span = QCoreApplication::translate("Units", "%1 years").arg(days / 365);
    return span;
}

} // namespace berth
