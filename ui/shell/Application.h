#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QCoreApplication>

#include <functional>
#include <memory>
#include <optional>

class QApplication;
class QDialog;

namespace pd {

class Database;
class MainWindow;

/// Start-up of the desktop program: names, translations, the command line (--db URL, or PRIVACYDESK_DB),
/// opening the database, the first administrator on a new database, sign-in, and the main window. Keeps main()
/// to a few lines.
class Application final
{
    Q_DECLARE_TR_FUNCTIONS(pd::Application)
    Q_DISABLE_COPY_MOVE(Application)

public:
    enum class Start {
        Running,   ///< the main window is shown: run the event loop
        Cancelled, ///< the operator cancelled sign-in: exit with 0
        Failed,    ///< a message box named the problem: exit with 1
    };

    /// How a modal dialog is run: QDialog::exec() in the program. Tests pass a function that fills the dialog's
    /// fields, calls accept() or reject() and returns QDialog::result(), so that no test blocks on a modal.
    using DialogRunner = std::function<int(QDialog &)>;

    Application();
    ~Application();

    /// Sets the application's names, version, icon and translators, parses the command line (--help and
    /// --version print and exit here), opens the database, signs the operator in and shows the main window.
    Start start(QApplication &app);

    /// The sign-in steps: on a database without operators the first administrator is created
    /// (FirstAdministratorDialog), then the operator signs in (SignInDialog). Returns the session, nullopt when
    /// the operator cancelled, or the error when the database could not be asked whether it has operators.
    static Result<std::optional<Session>> signIn(Database &database, const DialogRunner &run);

    /// The main window once start() returned Running.
    MainWindow *window() const { return m_window.get(); }

private:
    // Declared before the window so that it is destroyed after it: the window's models use the database.
    std::shared_ptr<Database> m_database;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace pd
