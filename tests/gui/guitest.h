#pragma once

// What the GUI tests share: answering a question box as a person would, and finding a row.

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>

namespace berth::test {

// Answers the next message box with Yes once it shows (it runs its own event loop).
inline void acceptNextQuestion()
{
    QTimer::singleShot(0, [] {
        for (QWidget *widget : QApplication::topLevelWidgets())
            if (auto *box = qobject_cast<QMessageBox *>(widget))
                box->button(QMessageBox::Yes)->click();
    });
}

// The top-level row whose first column reads `text`, or null.
inline QTreeWidgetItem *rowNamed(const QTreeWidget *tree, const QString &text)
{
    const auto found = tree->findItems(text, Qt::MatchExactly, 0);
    return found.isEmpty() ? nullptr : found.first();
}

} // namespace berth::test
