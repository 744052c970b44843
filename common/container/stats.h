#pragma once

// Reading ContainerStats samples as docker stats does.

#include <QVariantMap>

namespace berth {

// The container's CPU use between two samples: its share of all CPUs' time, scaled to the
// number of CPUs (so one busy CPU is 100%), docker's formula.  0 when no time passed.
inline double cpuPercent(const QVariantMap &previous, const QVariantMap &sample)
{
    const double container
        = sample.value(QStringLiteral("CpuNanoseconds")).toDouble() - previous.value(QStringLiteral("CpuNanoseconds")).toDouble();
    const double system = sample.value(QStringLiteral("SystemNanoseconds")).toDouble()
        - previous.value(QStringLiteral("SystemNanoseconds")).toDouble();
    return system > 0 ? container / system * sample.value(QStringLiteral("OnlineCpus")).toDouble() * 100 : 0;
}

} // namespace berth
