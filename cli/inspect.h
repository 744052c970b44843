#pragma once

// `inspect` for every kind of object: each asked for in turn, the answers printed as one JSON
// array as docker prints them.

#include <QJsonArray>
#include <QStringList>

namespace berth::cli {

class EngineClient;

// Calls `method` (name, {}) for each name; a failure is printed and sets exitCode to 1; the
// whole call gives up when there is no engine.
QJsonArray inspectEach(EngineClient &engine, const QStringList &names, const QString &interface, const QString &path,
                       const QString &method, int &exitCode);
void printJsonArray(const QJsonArray &array);

} // namespace berth::cli
