#pragma once

// How the CLI writes: stdout for results, stderr for errors, and the exit codes docker uses.

#include <QCoreApplication>
#include <QTextStream>
#include <QVariantMap>

namespace berth::cli {

// docker's exit codes: 0 success, 1 a failure (nothing to reach, not found, ...), 125 an
// error from the engine or a wrong command line.
enum ExitCode { Success = 0, Failure = 1, EngineError = 125 };

QTextStream &out();
QTextStream &err();

// "23.47GiB", as docker prints sizes.
QString humanSize(quint64 bytes);

// "label: value" lines, values aligned, each line indented by `indent` spaces.
using Fields = QList<std::pair<QString, QString>>;
void printFields(const Fields &fields, int indent);

// Sizes as docker shows them: decimal units, three significant digits ("1.98MB").
QString dockerSize(quint64 bytes);

// How long ago, as docker says it: "6 months ago", "About an hour ago".
QString timeAgo(qint64 secondsSinceEpoch);

// Prints the warning and asks "Are you sure you want to continue? [y/N]" on the terminal.
bool confirmed(const QString &warning);

// A time as docker's --format prints it: "2026-11-27 05:53:00 +0000 UTC".
QString dockerTime(qint64 secondsSinceEpoch);

} // namespace berth::cli
