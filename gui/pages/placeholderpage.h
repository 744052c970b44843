#pragma once

// PlaceholderPage: a sidebar page whose content a later part of Berth provides; until then it
// says plainly what will be there.

#include <QWidget>

namespace berth::gui {

class PlaceholderPage : public QWidget
{
    Q_OBJECT
public:
    PlaceholderPage(const QString &title, const QString &explanation, QWidget *parent = nullptr);
};

} // namespace berth::gui
