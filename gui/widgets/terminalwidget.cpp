#include "terminalwidget.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>

#include <cstring>

namespace berth::gui {
namespace {

VTermColor rgb(const QColor &color)
{
    VTermColor converted;
    vterm_color_rgb(&converted, uint8_t(color.red()), uint8_t(color.green()), uint8_t(color.blue()));
    return converted;
}

VTermScreenCell blankCell()
{
    VTermScreenCell cell;
    std::memset(&cell, 0, sizeof cell);
    cell.width = 1;
    cell.fg.type = VTERM_COLOR_DEFAULT_FG;
    cell.bg.type = VTERM_COLOR_DEFAULT_BG;
    return cell;
}

VTermModifier modifiersOf(Qt::KeyboardModifiers modifiers)
{
    int mod = VTERM_MOD_NONE;
    if (modifiers & Qt::ShiftModifier)
        mod |= VTERM_MOD_SHIFT;
    if (modifiers & Qt::AltModifier)
        mod |= VTERM_MOD_ALT;
    if (modifiers & Qt::ControlModifier)
        mod |= VTERM_MOD_CTRL;
    return VTermModifier(mod);
}

VTermKey vtermKey(int key)
{
    switch (key) {
    case Qt::Key_Return: return VTERM_KEY_ENTER;
    case Qt::Key_Enter: return VTERM_KEY_KP_ENTER;
    case Qt::Key_Tab:
    case Qt::Key_Backtab: return VTERM_KEY_TAB;
    case Qt::Key_Backspace: return VTERM_KEY_BACKSPACE;
    case Qt::Key_Escape: return VTERM_KEY_ESCAPE;
    case Qt::Key_Up: return VTERM_KEY_UP;
    case Qt::Key_Down: return VTERM_KEY_DOWN;
    case Qt::Key_Left: return VTERM_KEY_LEFT;
    case Qt::Key_Right: return VTERM_KEY_RIGHT;
    case Qt::Key_Insert: return VTERM_KEY_INS;
    case Qt::Key_Delete: return VTERM_KEY_DEL;
    case Qt::Key_Home: return VTERM_KEY_HOME;
    case Qt::Key_End: return VTERM_KEY_END;
    case Qt::Key_PageUp: return VTERM_KEY_PAGEUP;
    case Qt::Key_PageDown: return VTERM_KEY_PAGEDOWN;
    default:
        if (key >= Qt::Key_F1 && key <= Qt::Key_F35)
            return VTermKey(VTERM_KEY_FUNCTION_0 + 1 + (key - Qt::Key_F1));
        return VTERM_KEY_NONE;
    }
}

QString textOf(const VTermScreenCell &cell)
{
    QString text;
    for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; ++i)
        text += QString::fromUcs4(reinterpret_cast<const char32_t *>(&cell.chars[i]), 1);
    return text;
}

} // namespace

TerminalWidget::TerminalWidget(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_vterm(vterm_new(m_rows, m_columns))
    , m_screen(vterm_obtain_screen(m_vterm))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QFontMetrics metrics(font());
    m_cell = QSize(metrics.horizontalAdvance(QLatin1Char('M')), metrics.height());
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled);
    viewport()->setCursor(Qt::IBeamCursor);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    vterm_set_utf8(m_vterm, 1);
    static const VTermScreenCallbacks callbacks = {
        &TerminalWidget::onDamage, nullptr, &TerminalWidget::onMoveCursor, &TerminalWidget::onSetTermProp,
        &TerminalWidget::onBell,   nullptr, &TerminalWidget::onPushLine,   &TerminalWidget::onPopLine,
    };
    vterm_screen_set_callbacks(m_screen, &callbacks, this);
    vterm_output_set_callback(m_vterm, &TerminalWidget::onOutput, this);
    vterm_screen_enable_altscreen(m_screen, 1);
    const VTermColor foreground = rgb(palette().color(QPalette::Text));
    const VTermColor background = rgb(palette().color(QPalette::Base));
    vterm_state_set_default_colors(vterm_obtain_state(m_vterm), &foreground, &background);
    vterm_screen_reset(m_screen, 1);
}

TerminalWidget::~TerminalWidget()
{
    vterm_free(m_vterm);
}

void TerminalWidget::feed(const QByteArray &output)
{
    const bool atBottom = verticalScrollBar()->value() == verticalScrollBar()->maximum();
    vterm_input_write(m_vterm, output.constData(), size_t(output.size()));
    vterm_screen_flush_damage(m_screen);
    updateScrollRange(atBottom);
    viewport()->update();
}

void TerminalWidget::reset()
{
    m_scrollback.clear();
    m_selectionStart = m_selectionEnd = {};
    vterm_screen_reset(m_screen, 1);
    updateScrollRange(true);
    viewport()->update();
}

int TerminalWidget::onDamage(VTermRect, void *self)
{
    static_cast<TerminalWidget *>(self)->viewport()->update();
    return 1;
}

int TerminalWidget::onMoveCursor(VTermPos pos, VTermPos, int visible, void *self)
{
    auto *terminal = static_cast<TerminalWidget *>(self);
    terminal->m_cursor = pos;
    terminal->m_cursorVisible = visible;
    terminal->viewport()->update();
    return 1;
}

int TerminalWidget::onSetTermProp(VTermProp prop, VTermValue *value, void *self)
{
    auto *terminal = static_cast<TerminalWidget *>(self);
    if (prop == VTERM_PROP_CURSORVISIBLE)
        terminal->m_cursorVisible = value->boolean;
    else if (prop == VTERM_PROP_TITLE)
        Q_EMIT terminal->titleChanged(QString::fromUtf8(value->string));
    return 1;
}

int TerminalWidget::onBell(void *)
{
    QApplication::beep();
    return 1;
}

int TerminalWidget::onPushLine(int columns, const VTermScreenCell *cells, void *self)
{
    auto *terminal = static_cast<TerminalWidget *>(self);
    terminal->m_scrollback.emplace_back(cells, cells + columns);
    if (terminal->m_scrollback.size() > size_t(kScrollback))
        terminal->m_scrollback.pop_front();
    return 1;
}

// The screen grew taller: the most recent scrollback line goes back onto it.
int TerminalWidget::onPopLine(int columns, VTermScreenCell *cells, void *self)
{
    auto *terminal = static_cast<TerminalWidget *>(self);
    if (terminal->m_scrollback.empty())
        return 0;
    const Line &line = terminal->m_scrollback.back();
    for (int column = 0; column < columns; ++column)
        cells[column] = column < int(line.size()) ? line[size_t(column)] : blankCell();
    terminal->m_scrollback.pop_back();
    return 1;
}

void TerminalWidget::onOutput(const char *bytes, size_t length, void *self)
{
    Q_EMIT static_cast<TerminalWidget *>(self)->input(QByteArray(bytes, qsizetype(length)));
}

VTermScreenCell TerminalWidget::cellAt(Position at) const
{
    const int scrolled = int(m_scrollback.size());
    if (at.line < scrolled) {
        const Line &line = m_scrollback[size_t(at.line)];
        return at.column < int(line.size()) ? line[size_t(at.column)] : blankCell();
    }
    VTermScreenCell cell = blankCell();
    vterm_screen_get_cell(m_screen, {at.line - scrolled, at.column}, &cell);
    return cell;
}

QColor TerminalWidget::colorOf(VTermColor color, bool foreground) const
{
    if (foreground && VTERM_COLOR_IS_DEFAULT_FG(&color))
        return palette().color(QPalette::Text);
    if (!foreground && VTERM_COLOR_IS_DEFAULT_BG(&color))
        return palette().color(QPalette::Base);
    vterm_screen_convert_color_to_rgb(m_screen, &color);
    return QColor(color.rgb.red, color.rgb.green, color.rgb.blue);
}

int TerminalWidget::firstVisibleLine() const
{
    return verticalScrollBar()->value();
}

void TerminalWidget::updateScrollRange(bool followBottom)
{
    QScrollBar *bar = verticalScrollBar();
    bar->setRange(0, int(m_scrollback.size()));
    bar->setPageStep(m_rows);
    if (followBottom)
        bar->setValue(bar->maximum());
}

void TerminalWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QColor base = palette().color(QPalette::Base);
    painter.fillRect(viewport()->rect(), base);
    const int ascent = QFontMetrics(font()).ascent();
    const auto [from, to] = std::minmax(m_selectionStart, m_selectionEnd);
    const int first = firstVisibleLine();
    for (int row = 0; row < m_rows; ++row) {
        for (int column = 0; column < m_columns; ++column) {
            const Position at{first + row, column};
            const VTermScreenCell cell = cellAt(at);
            QColor foreground = colorOf(cell.fg, true);
            QColor background = colorOf(cell.bg, false);
            if (cell.attrs.reverse)
                std::swap(foreground, background);
            if (from <= at && at < to) {
                foreground = palette().color(QPalette::HighlightedText);
                background = palette().color(QPalette::Highlight);
            }
            const QRect rect(column * m_cell.width(), row * m_cell.height(), m_cell.width() * std::max<int>(1, cell.width),
                             m_cell.height());
            if (background != base)
                painter.fillRect(rect, background);
            if (cell.chars[0] && cell.chars[0] != ' ') {
                QFont face = font();
                face.setBold(cell.attrs.bold);
                face.setItalic(cell.attrs.italic);
                face.setUnderline(cell.attrs.underline != VTERM_UNDERLINE_OFF);
                face.setStrikeOut(cell.attrs.strike);
                painter.setFont(face);
                painter.setPen(foreground);
                painter.drawText(rect.left(), rect.top() + ascent, textOf(cell));
            }
            if (cell.width > 1)
                column += cell.width - 1;
        }
    }
    // The cursor: a block while the terminal has the keyboard, an outline otherwise.
    const int cursorLine = int(m_scrollback.size()) + m_cursor.row;
    if (m_cursorVisible && cursorLine >= first && cursorLine < first + m_rows) {
        const QRect rect(m_cursor.col * m_cell.width(), (cursorLine - first) * m_cell.height(), m_cell.width(), m_cell.height());
        const QColor color = palette().color(QPalette::Text);
        if (m_focused) {
            painter.fillRect(rect, color);
            const VTermScreenCell cell = cellAt({cursorLine, m_cursor.col});
            painter.setPen(base);
            painter.setFont(font());
            painter.drawText(rect.left(), rect.top() + ascent, textOf(cell));
        } else {
            painter.setPen(color);
            painter.drawRect(rect.adjusted(0, 0, -1, -1));
        }
    }
}

void TerminalWidget::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    const int rows = std::max(2, viewport()->height() / m_cell.height());
    const int columns = std::max(2, viewport()->width() / m_cell.width());
    if (rows == m_rows && columns == m_columns)
        return;
    m_rows = rows;
    m_columns = columns;
    vterm_set_size(m_vterm, rows, columns);
    vterm_screen_flush_damage(m_screen);
    updateScrollRange(true);
    Q_EMIT sizeChanged(rows, columns);
}

void TerminalWidget::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers();
    const bool ctrlShift = (modifiers & Qt::ControlModifier) && (modifiers & Qt::ShiftModifier);
    if (ctrlShift && event->key() == Qt::Key_C)
        return copy();
    if (ctrlShift && event->key() == Qt::Key_V)
        return paste();
    if ((modifiers & Qt::ShiftModifier) && (event->key() == Qt::Key_PageUp || event->key() == Qt::Key_PageDown)) {
        verticalScrollBar()->triggerAction(event->key() == Qt::Key_PageUp ? QAbstractSlider::SliderPageStepSub
                                                                          : QAbstractSlider::SliderPageStepAdd);
        return;
    }
    sendKey(event);
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void TerminalWidget::sendKey(QKeyEvent *event)
{
    const VTermModifier mod = modifiersOf(event->modifiers());
    if (const VTermKey key = vtermKey(event->key()); key != VTERM_KEY_NONE) {
        vterm_keyboard_key(m_vterm, key, event->key() == Qt::Key_Backtab ? VTermModifier(mod | VTERM_MOD_SHIFT) : mod);
        return;
    }
    // ctrl+letter and friends: libvterm makes the control character.
    if ((mod & VTERM_MOD_CTRL) && event->key() >= Qt::Key_At && event->key() <= Qt::Key_Underscore) {
        vterm_keyboard_unichar(m_vterm, uint32_t(QChar(event->key()).toLower().unicode()), VTermModifier(mod & ~VTERM_MOD_SHIFT));
        return;
    }
    // The text already has shift applied; alt still prefixes an escape.
    for (const char32_t c : event->text().toUcs4())
        if (c >= 0x20 && c != 0x7f)
            vterm_keyboard_unichar(m_vterm, c, VTermModifier(mod & VTERM_MOD_ALT));
}

void TerminalWidget::inputMethodEvent(QInputMethodEvent *event)
{
    for (const char32_t c : event->commitString().toUcs4())
        vterm_keyboard_unichar(m_vterm, c, VTERM_MOD_NONE);
    event->accept();
}

TerminalWidget::Position TerminalWidget::positionAt(const QPoint &point) const
{
    const int row = std::clamp(point.y() / m_cell.height(), 0, m_rows - 1);
    const int column = std::clamp((point.x() + m_cell.width() / 2) / m_cell.width(), 0, m_columns);
    return {firstVisibleLine() + row, column};
}

void TerminalWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_selectionStart = m_selectionEnd = positionAt(event->position().toPoint());
    m_selecting = true;
    viewport()->update();
}

void TerminalWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_selecting)
        return;
    m_selectionEnd = positionAt(event->position().toPoint());
    viewport()->update();
}

void TerminalWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_selecting = false;
    if (m_selectionStart != m_selectionEnd && QApplication::clipboard()->supportsSelection())
        QApplication::clipboard()->setText(selectedText(), QClipboard::Selection);
}

void TerminalWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    // The word under the pointer: everything between blanks on its line.
    Position at = positionAt(event->position().toPoint());
    at.column = std::min(at.column, m_columns - 1);
    auto blank = [this](Position p) {
        const uint32_t c = cellAt(p).chars[0];
        return c == 0 || c == ' ';
    };
    if (blank(at))
        return;
    Position start = at, end = at;
    while (start.column > 0 && !blank({start.line, start.column - 1}))
        --start.column;
    while (end.column < m_columns && !blank(end))
        ++end.column;
    m_selectionStart = start;
    m_selectionEnd = end;
    m_selecting = false;
    viewport()->update();
}

QString TerminalWidget::lineText(int line, int fromColumn, int toColumn) const
{
    QString text;
    for (int column = fromColumn; column < toColumn; ++column) {
        const VTermScreenCell cell = cellAt({line, column});
        text += cell.chars[0] ? textOf(cell) : QStringLiteral(" ");
        if (cell.width > 1)
            column += cell.width - 1;
    }
    while (text.endsWith(u' '))
        text.chop(1);
    return text;
}

QString TerminalWidget::selectedText() const
{
    const auto [from, to] = std::minmax(m_selectionStart, m_selectionEnd);
    QStringList lines;
    for (int line = from.line; line <= to.line; ++line)
        lines << lineText(line, line == from.line ? from.column : 0, line == to.line ? to.column : m_columns);
    return lines.join(u'\n');
}

QString TerminalWidget::screenText() const
{
    QStringList lines;
    for (int row = 0; row < m_rows; ++row)
        lines << lineText(int(m_scrollback.size()) + row, 0, m_columns);
    return lines.join(u'\n');
}

void TerminalWidget::copy()
{
    if (m_selectionStart != m_selectionEnd)
        QApplication::clipboard()->setText(selectedText());
}

void TerminalWidget::paste()
{
    // Bracketed when the program asked for it, so a shell does not run pasted lines at once.
    vterm_keyboard_start_paste(m_vterm);
    for (const char32_t c : QApplication::clipboard()->text().toUcs4()) {
        if (c == '\n')
            vterm_keyboard_key(m_vterm, VTERM_KEY_ENTER, VTERM_MOD_NONE);
        else if (c >= 0x20 || c == '\t')
            vterm_keyboard_unichar(m_vterm, c, VTERM_MOD_NONE);
    }
    vterm_keyboard_end_paste(m_vterm);
}

void TerminalWidget::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    QAction *copyAction = menu.addAction(tr("Copy"), this, &TerminalWidget::copy);
    copyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyAction->setEnabled(m_selectionStart != m_selectionEnd);
    QAction *pasteAction = menu.addAction(tr("Paste"), this, &TerminalWidget::paste);
    pasteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    pasteAction->setEnabled(!QApplication::clipboard()->text().isEmpty());
    menu.addSeparator();
    menu.addAction(tr("Clear Scrollback"), this, [this] {
        m_scrollback.clear();
        updateScrollRange(true);
        viewport()->update();
    });
    menu.exec(event->globalPos());
}

void TerminalWidget::focusInEvent(QFocusEvent *event)
{
    m_focused = true;
    viewport()->update();
    QAbstractScrollArea::focusInEvent(event);
}

void TerminalWidget::focusOutEvent(QFocusEvent *event)
{
    m_focused = false;
    viewport()->update();
    QAbstractScrollArea::focusOutEvent(event);
}

bool TerminalWidget::focusNextPrevChild(bool)
{
    return false; // tab belongs to the shell
}

} // namespace berth::gui
