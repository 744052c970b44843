#pragma once

// The units people type on docker's command line, parsed as docker parses them.
//
//     parseBytes(u"512m")   -> 536870912      (binary units: k = 1024; "b", "kb", "kib" alike)
//     parseCpus(u"1.5")     -> 1500000000     (nano-CPUs, as --cpus becomes NanoCpus)
//     parseSignal(u"TERM")  -> 15             ("SIGTERM", "term" and "15" too)

#include "result.h"

#include <QString>

namespace berth {

Result<qint64> parseBytes(const QString &text);
Result<qint64> parseCpus(const QString &text);
Result<int> parseSignal(const QString &text);
QString signalName(int signal); // "SIGTERM"
// docker's words for a span of time: "Less than a second", "About a minute", "3 hours".
QString humanDuration(qint64 seconds);

} // namespace berth
