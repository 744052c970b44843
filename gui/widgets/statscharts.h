#pragma once

// StatsCharts: a running container's resource use over the last minute, one chart each for
// CPU, memory against its limit, network and block I/O rates, and processes.  Fed with
// ContainerStats samples; rates and the CPU share come from consecutive samples, as docker
// stats computes them.

#include <QHash>
#include <QVariantMap>
#include <QWidget>

class QChart;
class QLineSeries;
class QValueAxis;

namespace berth::gui {

class StatsCharts : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kSeconds = 60;

    explicit StatsCharts(QWidget *parent = nullptr);

    void addSample(const QVariantMap &sample);
    void clear();
    // By object name: cpu, memory, memoryLimit, received, sent, read, written, pids.
    QLineSeries *series(const QString &name) const;

private:
    struct Chart
    {
        QChart *chart;
        QValueAxis *x;
        QValueAxis *y;
    };
    Chart addChart(const QString &title, const QString &unit, int row, int column);
    QLineSeries *addSeries(Chart &chart, const QString &name, const QString &label);
    void append(const QString &series, double value);
    void rescale();

    QList<Chart> m_charts;
    QHash<QString, QLineSeries *> m_series;
    QVariantMap m_previous;
    double m_elapsed = 0;
};

} // namespace berth::gui
