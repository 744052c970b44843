#include "statediagram.h"

#include "models/containermodel.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace berth::gui {
namespace {

// Where each state sits, as fractions of the widget; "removed" is where `rm` leads.
QPointF placeOf(const QString &state)
{
    if (state == u"created")
        return {0.1, 0.5};
    if (state == u"running")
        return {0.38, 0.5};
    if (state == u"paused")
        return {0.38, 0.1};
    if (state == u"restarting")
        return {0.38, 0.9};
    if (state == u"exited")
        return {0.68, 0.5};
    if (state == u"dead")
        return {0.68, 0.9};
    return {0.91, 0.5};
}

const QStringList &states()
{
    static const QStringList all
        = {QStringLiteral("created"), QStringLiteral("running"), QStringLiteral("paused"), QStringLiteral("restarting"),
           QStringLiteral("exited"),  QStringLiteral("dead"),    QStringLiteral("removed")};
    return all;
}

// The point where the segment from the centre of `rect` towards `towards` leaves it.
QPointF borderPoint(const QRectF &rect, const QPointF &towards)
{
    const QPointF d = towards - rect.center();
    const double sx = d.x() ? rect.width() / 2 / std::abs(d.x()) : 1e9;
    const double sy = d.y() ? rect.height() / 2 / std::abs(d.y()) : 1e9;
    return rect.center() + d * std::min({sx, sy, 1.0});
}

} // namespace

StateDiagram::StateDiagram(QWidget *parent)
    : QWidget(parent)
    , m_transitions({
          {QStringLiteral("created"), QStringLiteral("running"), tr("start")},
          {QStringLiteral("running"), QStringLiteral("paused"), tr("pause")},
          {QStringLiteral("paused"), QStringLiteral("running"), tr("resume")},
          {QStringLiteral("running"), QStringLiteral("exited"), tr("stop, kill")},
          {QStringLiteral("paused"), QStringLiteral("exited"), tr("stop, kill")},
          {QStringLiteral("restarting"), QStringLiteral("exited"), tr("stop")},
          {QStringLiteral("exited"), QStringLiteral("running"), tr("start, restart")},
          {QStringLiteral("running"), QStringLiteral("restarting"), tr("exits (restart policy)")},
          {QStringLiteral("restarting"), QStringLiteral("running"), tr("restarted")},
          {QStringLiteral("created"), QStringLiteral("removed"), tr("remove")},
          {QStringLiteral("exited"), QStringLiteral("removed"), tr("remove")},
          {QStringLiteral("dead"), QStringLiteral("removed"), tr("remove")},
      })
{
    setObjectName(QStringLiteral("stateDiagram"));
}

void StateDiagram::setState(const QString &state)
{
    m_state = state;
    setAccessibleDescription(availableActions().join(QStringLiteral(", ")));
    update();
}

QStringList StateDiagram::availableActions() const
{
    QStringList actions;
    for (const Transition &transition : m_transitions)
        if (transition.from == m_state)
            actions << transition.action;
    return actions;
}

QRectF StateDiagram::nodeRect(const QString &state) const
{
    const QPointF place = placeOf(state);
    const QSizeF size(std::min(110.0, width() * 0.16), fontMetrics().height() * 1.9);
    QRectF rect(QPointF(), size);
    rect.moveCenter(QPointF(place.x() * width(), place.y() * height()));
    return rect;
}

void StateDiagram::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor text = palette().color(QPalette::WindowText);
    QColor faint = text;
    faint.setAlphaF(0.25);

    for (const Transition &transition : m_transitions) {
        const bool available = transition.from == m_state;
        const QRectF from = nodeRect(transition.from), to = nodeRect(transition.to);
        // Two transitions between the same states run side by side.
        const bool paired = std::any_of(m_transitions.cbegin(), m_transitions.cend(), [&](const Transition &other) {
            return other.from == transition.to && other.to == transition.from;
        });
        QLineF line(from.center(), to.center());
        const QPointF normal = QPointF(-line.dy(), line.dx()) / line.length() * (paired ? 7.0 : 0.0);
        const QPointF start = borderPoint(from.translated(normal), to.center() + normal);
        const QPointF end = borderPoint(to.translated(normal), from.center() + normal);
        line = QLineF(start, end);
        QPen pen(available ? text : faint, available ? 2.0 : 1.0);
        painter.setPen(pen);
        painter.drawLine(line);
        // The arrow head.
        const QPointF back = (start - end) / line.length() * 9.0;
        const QPointF side = QPointF(-back.y(), back.x()) * 0.45;
        QPainterPath head;
        head.moveTo(end);
        head.lineTo(end + back + side);
        head.lineTo(end + back - side);
        head.closeSubpath();
        painter.fillPath(head, available ? text : faint);
        if (available) {
            QFont bold = font();
            bold.setBold(true);
            painter.setFont(bold);
            // Above a horizontal arrow, beside a vertical one.
            const QPointF middle = (start + end) / 2;
            const bool horizontal = std::abs(line.dx()) > std::abs(line.dy());
            const double labelWidth = painter.fontMetrics().horizontalAdvance(transition.action);
            const QPointF at = horizontal ? QPointF(middle.x() - labelWidth / 2, from.center().y() - std::abs(normal.y()) - 6)
                                          : middle + QPointF(8, painter.fontMetrics().ascent() / 2.0);
            painter.drawText(at, transition.action);
            painter.setFont(font());
        }
    }

    for (const QString &state : states()) {
        const QRectF rect = nodeRect(state);
        const bool current = state == m_state;
        const QColor color = ContainerModel::stateColor(state);
        painter.setPen(QPen(current ? color : faint, current ? 2.0 : 1.0));
        painter.setBrush(current ? color : palette().color(QPalette::Base));
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2);
        painter.setPen(current ? QColor(Qt::white) : text);
        painter.drawText(rect, Qt::AlignCenter, state == u"removed" ? tr("Removed") : ContainerModel::stateText(state));
    }
}

} // namespace berth::gui
