#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/storage/DatabaseUrl.h"

#include <QCoreApplication>

#include <functional>
#include <memory>
#include <optional>

class QApplication;
class QDialog;
class QWidget;

namespace pd {

class Database;
class MainWindow;

/// Start-up of the desktop program: names, translations, the command line (--db URL, or PRIVACYDESK_DB, or the
/// database signed in to last, or a new one in the data folder), opening the database, the first start on a new
/// database (first administrator and policy profile, or the demo, or another database), sign-in, and the main
/// window. File > Open Database and Open Recent come back here: the new database is opened and signed in to
/// before the old window closes, so that a failure keeps the operator where they were. Keeps main() short.
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

    /// The settings file names the operator who signed in last and the databases opened: it and its folder are made
    /// the user's alone (0600 and 0700) before anything is written to it; Qt keeps the mode when it rewrites the file.
    static void keepSettingsPrivate();

    /// What the operator chose instead of creating the first administrator.
    enum class FirstStartChoice { None, Demo, Other };

    /// The sign-in steps: on a database without operators the first administrator is created
    /// (FirstAdministratorDialog), then the operator signs in (SignInDialog, showing `hint` when given). Returns the
    /// session, nullopt when the operator cancelled or chose the demo or another database (then `choice` says
    /// which), or the error when the database could not be asked whether it has operators.
    static Result<std::optional<Session>> signIn(Database &database, const DialogRunner &run,
                                                 FirstStartChoice *choice = nullptr, const QString &hint = QString());

    struct Opened
    {
        std::shared_ptr<Database> database;
        Session session;
    };
    /// Opens `url` and signs in. On the way it asks for what is missing: the password of a PostgreSQL address that
    /// has none, another address when the database does not open (the reason shown), and on a database without
    /// operators the first start; the demo is made when chosen (DemoDatabase). A database signed in to goes first
    /// in RecentDatabases. Nullopt when the operator cancelled; `failed` then says whether an error was the last
    /// thing shown.
    static std::optional<Opened> openAndSignIn(DatabaseUrl url, const DialogRunner &run, QWidget *parent,
                                               bool *failed = nullptr);

    /// Shows the main window on `opened`, closing the window shown before (if any).
    void show(Opened opened);

    /// File > Open Database (an empty `url`: the form asks) and Open Recent: signs in to the other database and
    /// replaces the window; the current one stays when that is cancelled or fails. `run` runs the dialogs.
    void switchDatabase(const QString &url, const DialogRunner &run = execDialog);
    static int execDialog(QDialog &dialog);

    /// The main window once start() returned Running.
    MainWindow *window() const { return m_window.get(); }

private:
    // Declared before the window so that it is destroyed after it: the window's models use the database.
    std::shared_ptr<Database> m_database;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace pd
