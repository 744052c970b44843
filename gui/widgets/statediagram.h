#pragma once

// StateDiagram: a container's lifecycle as a small diagram: the states docker knows, the
// current one filled in its badge colour, and the transitions that can be taken from it drawn
// strong with the action that takes them; the rest stay faint.

#include <QWidget>

namespace berth::gui {

class StateDiagram : public QWidget
{
    Q_OBJECT
public:
    struct Transition
    {
        QString from;
        QString to;
        QString action; // translated, as shown
    };

    explicit StateDiagram(QWidget *parent = nullptr);

    void setState(const QString &state);
    const QString &state() const { return m_state; }
    // The actions drawn as available from the current state.
    QStringList availableActions() const;

    QSize sizeHint() const override { return {520, 220}; }
    QSize minimumSizeHint() const override { return {420, 200}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QRectF nodeRect(const QString &state) const;

    QString m_state;
    QList<Transition> m_transitions;
};

} // namespace berth::gui
