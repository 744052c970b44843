#pragma once

class QLabel;
class QString;
class QWidget;

namespace berth::gui {

// The large heading every page starts with.
QLabel *pageTitle(const QString &text, QWidget *parent);

} // namespace berth::gui
