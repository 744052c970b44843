#include "error.h"

#include <QDBusError>

#include <array>
#include <cstring>
#include <utility>

namespace berth {
namespace {

constexpr std::pair<ErrorKind, const char *> kErrorNames[] = {
    {ErrorKind::InvalidArgument, "org.berth.Error.InvalidArgument"},
    {ErrorKind::NotFound, "org.berth.Error.NotFound"},
    {ErrorKind::Conflict, "org.berth.Error.Conflict"},
    {ErrorKind::PermissionDenied, "org.berth.Error.PermissionDenied"},
    {ErrorKind::Cancelled, "org.berth.Error.Cancelled"},
    {ErrorKind::LimitExceeded, "org.berth.Error.LimitExceeded"},
    {ErrorKind::Unavailable, "org.berth.Error.Unavailable"},
    {ErrorKind::NotSupported, "org.berth.Error.NotSupported"},
    {ErrorKind::Internal, "org.berth.Error.Internal"},
    {ErrorKind::StartFailed, "org.berth.Error.StartFailed"},
};
static_assert(std::size(kErrorNames) == std::size_t(ErrorKind::Count), "every ErrorKind needs a D-Bus name");

constexpr bool tableFollowsEnumOrder()
{
    for (std::size_t i = 0; i < std::size(kErrorNames); ++i)
        if (kErrorNames[i].first != ErrorKind(i))
            return false;
    return true;
}
static_assert(tableFollowsEnumOrder(), "kErrorNames must list the kinds in enum order");

} // namespace

QString errorName(ErrorKind kind)
{
    return QString::fromLatin1(kErrorNames[std::size_t(kind)].second);
}

std::optional<ErrorKind> errorKindFromName(const QString &name)
{
    for (const auto &[kind, text] : kErrorNames)
        if (name == QLatin1StringView(text))
            return kind;
    return std::nullopt;
}

Error::Error(ErrorKind kind, QString message)
    : m_kind(kind)
    , m_message(std::move(message))
{ }

Error Error::invalidArgument(QString message)
{
    return {ErrorKind::InvalidArgument, std::move(message)};
}
Error Error::notFound(QString message)
{
    return {ErrorKind::NotFound, std::move(message)};
}
Error Error::conflict(QString message)
{
    return {ErrorKind::Conflict, std::move(message)};
}
Error Error::permissionDenied(QString message)
{
    return {ErrorKind::PermissionDenied, std::move(message)};
}
Error Error::cancelled(QString message)
{
    return {ErrorKind::Cancelled, std::move(message)};
}
Error Error::limitExceeded(QString message)
{
    return {ErrorKind::LimitExceeded, std::move(message)};
}
Error Error::unavailable(QString message)
{
    return {ErrorKind::Unavailable, std::move(message)};
}
Error Error::notSupported(QString message)
{
    return {ErrorKind::NotSupported, std::move(message)};
}
Error Error::internal(QString message)
{
    return {ErrorKind::Internal, std::move(message)};
}

Error Error::startFailed(QString message)
{
    return {ErrorKind::StartFailed, std::move(message)};
}

Error Error::fromErrno(int errnum, const QString &what)
{
    const ErrorKind kind = errnum == ENOENT                                                  ? ErrorKind::NotFound
        : errnum == EACCES || errnum == EPERM || errnum == EROFS                             ? ErrorKind::PermissionDenied
        : errnum == ENOTDIR || errnum == EISDIR || errnum == ENAMETOOLONG || errnum == ELOOP ? ErrorKind::InvalidArgument
        : errnum == ENOSPC || errnum == EDQUOT                                               ? ErrorKind::LimitExceeded
        : errnum == EEXIST || errnum == EBUSY                                                ? ErrorKind::Conflict
                                                                                             : ErrorKind::Internal;
    return {kind, QStringLiteral("%1: %2").arg(what, QString::fromLocal8Bit(std::strerror(errnum)))};
}

Error Error::fromDBus(const QDBusError &error)
{
    if (const auto kind = errorKindFromName(error.name()))
        return {*kind, error.message()};
    switch (error.type()) {
    case QDBusError::AccessDenied: return permissionDenied(error.message());
    case QDBusError::ServiceUnknown:
    case QDBusError::NoServer:
    case QDBusError::Disconnected:
    case QDBusError::NoReply:
    case QDBusError::Timeout:
    case QDBusError::TimedOut: return unavailable(error.message());
    default: return internal(QStringLiteral("%1: %2").arg(error.name(), error.message()));
    }
}

Error Error::wrapped(const QString &context) const
{
    return {m_kind, context + QStringLiteral(": ") + m_message};
}

} // namespace berth
