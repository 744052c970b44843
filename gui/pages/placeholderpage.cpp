#include "placeholderpage.h"

#include "pagetitle.h"

#include <QLabel>

#include <QLabel>
#include <QVBoxLayout>

namespace berth::gui {

PlaceholderPage::PlaceholderPage(const QString &title, const QString &explanation, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pageTitle(title, this));
    auto *empty = new QLabel(explanation, this);
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setEnabled(false); // drawn in the palette's muted colour
    layout->addWidget(empty, 1);
}

} // namespace berth::gui
