#pragma once

#include <QCoreApplication>
#include <QStringList>

#include <memory>

class QApplication;

namespace pd {

class Database;
class MainWindow;

/// Start-up of the desktop program: names, translations, the command line (--db URL, or PRIVACYDESK_DB),
/// opening the database and showing the main window. Keeps main() to a few lines.
class Application final
{
    Q_DECLARE_TR_FUNCTIONS(pd::Application)
    Q_DISABLE_COPY_MOVE(Application)

public:
    Application();
    ~Application();

    /// Sets the application's names, version, icon and translators, parses the command line (--help and
    /// --version print and exit here), opens the database and shows the main window. Returns false after one
    /// message box naming the problem when the database cannot be opened.
    bool start(QApplication &app);

    /// Who is at the keyboard according to the operating system, until operators sign in.
    static QString systemUserName();

private:
    static void installTranslators(QApplication &app);

    // Declared before the window so that it is destroyed after it: the window's models use the database.
    std::shared_ptr<Database> m_database;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace pd
