#include "pagetitle.h"

#include <QLabel>

namespace berth::gui {

QLabel *pageTitle(const QString &text, QWidget *parent)
{
    auto *title = new QLabel(text, parent);
    title->setObjectName(QStringLiteral("pageTitle"));
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setWeight(QFont::DemiBold);
    title->setFont(font);
    title->setContentsMargins(0, 0, 0, 8);
    return title;
}

} // namespace berth::gui
