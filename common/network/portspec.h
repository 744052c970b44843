#pragma once

// Published ports as docker's -p writes them, and as HostConfig.PortBindings and
// NetworkSettings.Ports hold them ({"80/tcp": [{"HostIp": "", "HostPort": "8080"}]}).

#include "result.h"

#include <QList>
#include <QString>

#include <nlohmann/json_fwd.hpp>

namespace berth {

struct PortBinding
{
    QString hostIp; // empty: every address of the host
    quint16 hostPort = 0; // 0: a free port, chosen at start
    quint16 containerPort = 0;
    QString protocol = QStringLiteral("tcp"); // tcp or udp

    // "80/tcp", the key of PortBindings.
    QString containerKey() const { return QString::number(containerPort) + u'/' + protocol; }
    // "0.0.0.0:8080->80/tcp", as docker ps shows it.
    QString display() const;
    bool operator==(const PortBinding &) const = default;
};

// docker's -p: [[ip:][hostPort]:]containerPort[/protocol], with ranges of equal length
// ("8000-8001:80-81") or a host range for one container port; errors in docker's words.
Result<QList<PortBinding>> parsePublish(const QString &text);

// "80", "80/udp": an exposed port, as EXPOSE and ExposedPorts write it.
Result<PortBinding> parseExposed(const QString &text);

// PortBindings-shaped JSON to bindings and back; bad entries are an error naming them.
Result<QList<PortBinding>> bindingsFromJson(const nlohmann::json &portBindings);
nlohmann::json bindingsToJson(const QList<PortBinding> &bindings);

} // namespace berth
