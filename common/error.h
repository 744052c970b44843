#pragma once

// Errors that cross the D-Bus boundary.  Inner layers return Result<T> (result.h) carrying an
// Error; only the helper's service/ layer turns it into a D-Bus error reply, and clients turn a
// QDBusError back into an Error with fromDBus().  The kind <-> name table lives in error.cpp.

#include <QString>

#include <optional>

class QDBusError;

namespace berth {

enum class ErrorKind {
    InvalidArgument,
    NotFound,
    Conflict,
    PermissionDenied,
    Cancelled,
    LimitExceeded,
    Unavailable,
    NotSupported,
    Internal,
    StartFailed, // the container's command could not be started (not found, not executable)
    Count
};

QString errorName(ErrorKind kind);
std::optional<ErrorKind> errorKindFromName(const QString &name);

class Error
{
public:
    Error(ErrorKind kind, QString message);

    static Error invalidArgument(QString message);
    static Error notFound(QString message);
    static Error conflict(QString message);
    static Error permissionDenied(QString message);
    static Error cancelled(QString message);
    static Error limitExceeded(QString message);
    static Error unavailable(QString message);
    static Error notSupported(QString message);
    static Error internal(QString message);
    static Error startFailed(QString message);
    // An error from a system call: "<what>: <strerror(errnum)>".
    static Error fromErrno(int errnum, const QString &what);
    // A D-Bus error from the engine; names outside org.berth.Error.* become Unavailable or Internal.
    static Error fromDBus(const QDBusError &error);

    ErrorKind kind() const { return m_kind; }
    const QString &message() const { return m_message; }
    QString name() const { return errorName(m_kind); }

    // Adds context in front of the message without replacing it: "reading settings: <message>".
    Error wrapped(const QString &context) const;

private:
    ErrorKind m_kind;
    QString m_message;
};

} // namespace berth
