#pragma once

// What the GUI tests share: a page of the app on a live isolated engine, answering a question
// box as a person would, and finding a row.

#include "engineconnection.h"
#include "isolatedengine.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <memory>

namespace berth::test {

// Starts `engine` on a system bus of its own, then `page` on a connection to it, shown; false
// when the engine does not start (its errorString() says why) or the page does not connect.
template<typename Page>
bool showOnEngine(IsolatedEngine &engine, std::unique_ptr<gui::EngineConnection> &connection, std::unique_ptr<Page> &page)
{
    if (!engine.startAsSystemBus())
        return false;
    connection = std::make_unique<gui::EngineConnection>();
    page = std::make_unique<Page>(*connection);
    page->resize(900, 600);
    page->show();
    connection->start();
    return QTest::qWaitFor([&] { return connection->state() == gui::EngineConnection::State::Connected; }, 5000);
}

template<typename Page>
void closeOnEngine(IsolatedEngine &engine, std::unique_ptr<gui::EngineConnection> &connection, std::unique_ptr<Page> &page)
{
    page.reset();
    connection.reset();
    engine.stop();
}

// Answers the next message box with `answer` once it shows (it runs its own event loop).
inline void answerNextQuestion(QMessageBox::StandardButton answer)
{
    QTimer::singleShot(0, [answer] {
        for (QWidget *widget : QApplication::topLevelWidgets())
            if (auto *box = qobject_cast<QMessageBox *>(widget))
                QTest::mouseClick(box->button(answer), Qt::LeftButton);
    });
}

inline void acceptNextQuestion()
{
    answerNextQuestion(QMessageBox::Yes);
}

// The top-level row whose first column reads `text`, or null.
inline QTreeWidgetItem *rowNamed(const QTreeWidget *tree, const QString &text)
{
    const auto found = tree->findItems(text, Qt::MatchExactly, 0);
    return found.isEmpty() ? nullptr : found.first();
}

} // namespace berth::test
