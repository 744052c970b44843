#pragma once

// TerminalWidget: a terminal emulator on libvterm.  It knows nothing of where its bytes come
// from: feed() gives it what the program wrote; it emits input() with what the person typed
// or pasted, and sizeChanged() when it is resized, for whoever relays them.  Colours (16, 256
// and 24-bit), bold, italic, underline and reverse; the alternate screen; a scrollback of
// kScrollback lines; selection with the mouse, copy and paste (ctrl+shift+c, ctrl+shift+v, or
// the context menu).

#include <QAbstractScrollArea>

#include <deque>
#include <vector>

extern "C" {
#include <vterm.h>
}

namespace berth::gui {

class TerminalWidget : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr int kScrollback = 5000;

    explicit TerminalWidget(QWidget *parent = nullptr);
    ~TerminalWidget() override;

    int rows() const { return m_rows; }
    int columns() const { return m_columns; }
    // The visible screen as text, a line per row without trailing blanks.
    QString screenText() const;
    QString selectedText() const;

public Q_SLOTS:
    void feed(const QByteArray &output);
    void copy();
    void paste();
    void reset();

Q_SIGNALS:
    void input(const QByteArray &bytes);
    void sizeChanged(int rows, int columns);
    void titleChanged(const QString &title);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void inputMethodEvent(QInputMethodEvent *event) override;

private:
    using Line = std::vector<VTermScreenCell>;
    // A position in the whole text: scrollback lines first, then the screen.
    struct Position
    {
        int line = 0;
        int column = 0;
        auto operator<=>(const Position &) const = default;
    };

    static int onDamage(VTermRect rect, void *self);
    static int onMoveCursor(VTermPos pos, VTermPos oldpos, int visible, void *self);
    static int onSetTermProp(VTermProp prop, VTermValue *value, void *self);
    static int onBell(void *self);
    static int onPushLine(int columns, const VTermScreenCell *cells, void *self);
    static int onPopLine(int columns, VTermScreenCell *cells, void *self);
    static void onOutput(const char *bytes, size_t length, void *self);

    VTermScreenCell cellAt(Position at) const;
    QString lineText(int line, int fromColumn, int toColumn) const;
    QColor colorOf(VTermColor color, bool foreground) const;
    Position positionAt(const QPoint &point) const;
    int firstVisibleLine() const;
    void updateScrollRange(bool followBottom);
    void sendKey(QKeyEvent *event);

    VTerm *m_vterm;
    VTermScreen *m_screen;
    std::deque<Line> m_scrollback;
    int m_rows = 24;
    int m_columns = 80;
    QSize m_cell;
    VTermPos m_cursor{0, 0};
    bool m_cursorVisible = true;
    bool m_focused = false;
    Position m_selectionStart;
    Position m_selectionEnd;
    bool m_selecting = false;
};

} // namespace berth::gui
