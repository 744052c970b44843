#pragma once

// How clients (the CLI and the desktop app) reach the engine on the system bus.
//
//     SystemProxy system(engine::kService, engine::kSystemPath, engine::bus());
//     auto reply = system.Info({});                     // generated from dbus/*.xml
//
// Calls that may need a password go through interactiveCall(), which sets the
// ALLOW_INTERACTIVE_AUTHORIZATION flag so polkit may ask the person.

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QString>
#include <QVariantList>

class QDBusError;

namespace berth::engine {

inline const QString kService = QStringLiteral("org.berth.Engine1");
inline const QString kSystemPath = QStringLiteral("/org/berth/Engine1");
inline const QString kJobsPath = QStringLiteral("/org/berth/Engine1/jobs");
inline const QString kImagesPath = QStringLiteral("/org/berth/Engine1/images");
inline const QString kContainersPath = QStringLiteral("/org/berth/Engine1/containers");
inline const QString kNetworksPath = QStringLiteral("/org/berth/Engine1/networks");
inline const QString kVolumesPath = QStringLiteral("/org/berth/Engine1/volumes");
inline const QString kFilesPath = QStringLiteral("/org/berth/Engine1/files");
inline const QString kSystemInterface = QStringLiteral("org.berth.Engine1.System");
inline const QString kJobInterface = QStringLiteral("org.berth.Engine1.Job");
inline const QString kImagesInterface = QStringLiteral("org.berth.Engine1.Images");
inline const QString kContainersInterface = QStringLiteral("org.berth.Engine1.Containers");
inline const QString kNetworksInterface = QStringLiteral("org.berth.Engine1.Networks");
inline const QString kVolumesInterface = QStringLiteral("org.berth.Engine1.Volumes");
inline const QString kFilesInterface = QStringLiteral("org.berth.Engine1.Files");
inline const QString kApiVersion = QStringLiteral("1.0");

// The system bus, or the one DBUS_SYSTEM_BUS_ADDRESS names (isolated engines in tests).
QDBusConnection bus();

// True when the error means nobody answers for org.berth.Engine1 (or there is no bus at all),
// as opposed to an answer that is an error.
bool isUnreachable(const QDBusError &error);

// An asynchronous call that lets polkit ask the person for a password when `interactive`.
QDBusPendingCall call(const QString &path, const QString &interface, const QString &method, const QVariantList &args,
                      bool interactive);

// Replies carry nested a{sv} and aa{sv} values as QDBusArgument; this turns them into
// QVariantMap and QVariantList, all the way down, so callers read them like any QVariant.
QVariant demarshal(const QVariant &value);

} // namespace berth::engine
