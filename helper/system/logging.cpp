#include "logging.h"

#include <QDateTime>
#include <QString>

#include <cstdio>
#include <syslog.h>
#include <unistd.h>

#ifdef BERTH_HAVE_JOURNAL
#include <systemd/sd-journal.h>
#endif

namespace berth {
namespace {

bool g_journal = false;

int syslogPriority(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return LOG_DEBUG;
    case QtInfoMsg: return LOG_INFO;
    case QtWarningMsg: return LOG_WARNING;
    case QtCriticalMsg: return LOG_ERR;
    case QtFatalMsg: return LOG_CRIT;
    }
    return LOG_INFO;
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "error";
    case QtFatalMsg: return "fatal";
    }
    return "info";
}

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray text = message.toUtf8();
    const char *category = context.category ? context.category : "default";
    std::fprintf(stderr, "%s %s %s: %s\n", qPrintable(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)),
                 levelName(type), category, text.constData());
#ifdef BERTH_HAVE_JOURNAL
    if (g_journal)
        sd_journal_send("MESSAGE=%s", text.constData(), "PRIORITY=%i", syslogPriority(type), "BERTH_CATEGORY=%s", category,
                        "SYSLOG_IDENTIFIER=berth-helper", nullptr);
#else
    (void)syslogPriority;
#endif
}

} // namespace

void installLogHandler()
{
    g_journal = ::access("/run/systemd/journal/socket", W_OK) == 0;
    qInstallMessageHandler(handleMessage);
}

} // namespace berth
