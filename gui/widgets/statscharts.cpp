#include "statscharts.h"

#include "container/stats.h"

#include "container/stats.h"

#include <QChartView>
#include <QDateTime>
#include <QGridLayout>
#include <QLineSeries>
#include <QValueAxis>

namespace berth::gui {
namespace {

double secondsOf(const QVariantMap &sample)
{
    return double(QDateTime::fromString(sample.value(QStringLiteral("Read")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch())
        / 1000.0;
}

// Bytes per second of a counter between two samples, in kB/s.
double rate(const QVariantMap &previous, const QVariantMap &sample, const QString &counter, double seconds)
{
    const double delta = sample.value(counter).toDouble() - previous.value(counter).toDouble();
    return seconds > 0 && delta > 0 ? delta / seconds / 1000.0 : 0;
}

} // namespace

StatsCharts::StatsCharts(QWidget *parent)
    : QWidget(parent)
{
    m_charts.reserve(5); // series keep pointers to their charts
    Chart &cpu = m_charts.emplace_back(addChart(tr("CPU"), tr("%"), 0, 0));
    addSeries(cpu, QStringLiteral("cpu"), tr("CPU"));
    Chart &memory = m_charts.emplace_back(addChart(tr("Memory"), tr("MiB"), 0, 1));
    addSeries(memory, QStringLiteral("memory"), tr("Used"));
    addSeries(memory, QStringLiteral("memoryLimit"), tr("Limit"))->setPen(QPen(Qt::darkRed, 1, Qt::DashLine));
    Chart &pids = m_charts.emplace_back(addChart(tr("Processes"), tr("count"), 0, 2));
    addSeries(pids, QStringLiteral("pids"), tr("Processes"));
    Chart &network = m_charts.emplace_back(addChart(tr("Network"), tr("kB/s"), 1, 0));
    addSeries(network, QStringLiteral("received"), tr("Received"));
    addSeries(network, QStringLiteral("sent"), tr("Sent"));
    Chart &block = m_charts.emplace_back(addChart(tr("Block I/O"), tr("kB/s"), 1, 1));
    addSeries(block, QStringLiteral("read"), tr("Read"));
    addSeries(block, QStringLiteral("written"), tr("Written"));
}

StatsCharts::Chart StatsCharts::addChart(const QString &title, const QString &unit, int row, int column)
{
    auto *layout = qobject_cast<QGridLayout *>(this->layout());
    if (!layout)
        layout = new QGridLayout(this);
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    auto *x = new QValueAxis;
    x->setRange(0, kSeconds);
    x->setLabelFormat(QStringLiteral("%d s"));
    x->setTickCount(5);
    auto *y = new QValueAxis;
    y->setTitleText(unit);
    y->setRange(0, 1);
    y->setTickCount(3);
    y->setLabelFormat(QStringLiteral("%.3g"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto *view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(170);
    layout->addWidget(view, row, column);
    return {chart, x, y};
}

QLineSeries *StatsCharts::addSeries(Chart &chart, const QString &name, const QString &label)
{
    auto *series = new QLineSeries(this);
    series->setObjectName(name);
    series->setName(label);
    chart.chart->addSeries(series);
    series->attachAxis(chart.x);
    series->attachAxis(chart.y);
    m_series.insert(name, series);
    return series;
}

QLineSeries *StatsCharts::series(const QString &name) const
{
    return m_series.value(name);
}

void StatsCharts::clear()
{
    for (QLineSeries *series : std::as_const(m_series))
        series->clear();
    m_previous.clear();
    m_elapsed = 0;
    rescale();
}

void StatsCharts::append(const QString &name, double value)
{
    QLineSeries *series = m_series.value(name);
    series->append(m_elapsed, value);
    if (series->count() > kSeconds * 2)
        series->remove(0);
}

void StatsCharts::addSample(const QVariantMap &sample)
{
    const double mib = 1024.0 * 1024.0;
    if (!m_previous.isEmpty()) {
        const double seconds = secondsOf(sample) - secondsOf(m_previous);
        m_elapsed += std::max(seconds, 0.0);
        append(QStringLiteral("cpu"), cpuPercent(m_previous, sample));
        append(QStringLiteral("received"), rate(m_previous, sample, QStringLiteral("NetworkReceived"), seconds));
        append(QStringLiteral("sent"), rate(m_previous, sample, QStringLiteral("NetworkSent"), seconds));
        append(QStringLiteral("read"), rate(m_previous, sample, QStringLiteral("BlockRead"), seconds));
        append(QStringLiteral("written"), rate(m_previous, sample, QStringLiteral("BlockWritten"), seconds));
    }
    append(QStringLiteral("memory"), sample.value(QStringLiteral("MemoryUsage")).toDouble() / mib);
    append(QStringLiteral("memoryLimit"), sample.value(QStringLiteral("MemoryLimit")).toDouble() / mib);
    append(QStringLiteral("pids"), sample.value(QStringLiteral("Pids")).toDouble());
    m_previous = sample;
    rescale();
}

// The last minute, and a y range that fits what is shown (memory's fits the usage, so a
// limit far above it does not flatten the line; the limit shows once usage nears it).
void StatsCharts::rescale()
{
    for (Chart &chart : m_charts) {
        chart.x->setRange(std::max(0.0, m_elapsed - kSeconds), std::max(double(kSeconds), m_elapsed));
        double top = 0;
        for (QAbstractSeries *abstract : chart.chart->series()) {
            auto *series = static_cast<QLineSeries *>(abstract);
            if (series->objectName() == u"memoryLimit")
                continue;
            for (const QPointF &point : series->points())
                top = std::max(top, point.y());
        }
        if (chart.chart->series().contains(m_series.value(QStringLiteral("memoryLimit")))) {
            const auto limit = m_series.value(QStringLiteral("memoryLimit"))->points();
            if (!limit.isEmpty() && limit.last().y() < top * 2)
                top = std::max(top, limit.last().y());
        }
        chart.y->setRange(0, top > 0 ? top * 1.15 : 1);
    }
}

} // namespace berth::gui
