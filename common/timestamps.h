#pragma once

// The engine's times are RFC 3339 strings, as docker's; lists and tables want seconds.

#include <QDateTime>
#include <QString>

namespace berth {

// Seconds since the epoch of an RFC 3339 time; 0 when the text is not one.
inline qint64 secondsSinceEpoch(const QString &rfc3339)
{
    const QDateTime time = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    return time.isValid() ? time.toSecsSinceEpoch() : 0;
}

} // namespace berth
