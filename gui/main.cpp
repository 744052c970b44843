// berth-desktop: the Berth desktop app.

#include "engineconnection.h"
#include "mainwindow.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace {

void loadTranslations(QApplication &app)
{
    auto *berth = new QTranslator(&app);
    if (berth->load(QLocale(), QStringLiteral("berth"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(berth);
    auto *qt = new QTranslator(&app); // Qt's own dialogs and context menus
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("berth-desktop"));
    QApplication::setApplicationDisplayName(QStringLiteral("Berth"));
    QApplication::setApplicationVersion(QStringLiteral(BERTH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.berth.Berth"));
    loadTranslations(app);

    berth::gui::EngineConnection engine;
    berth::gui::MainWindow window(engine);
    window.show();
    engine.start();
    return app.exec();
}
