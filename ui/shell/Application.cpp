#include "ui/shell/Application.h"

#include "app/access/AuthService.h"
#include "app/storage/Database.h"
#include "app/storage/DatabaseUrl.h"
#include "app/storage/PrivateFile.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/shell/DemoDatabase.h"
#include "ui/shell/FirstAdministratorDialog.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/OpenDatabaseDialog.h"
#include "ui/shell/RecentDatabases.h"
#include "ui/shell/SignInDialog.h"
#include "ui/shell/UiLanguage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QSettings>

namespace pd {

Application::Application() = default;

Application::~Application() = default;

Result<std::optional<Session>> Application::signIn(Database &database, const DialogRunner &run,
                                                   FirstStartChoice *choice, const QString &hint)
{
    const Result<bool> hasOperators = AuthService::hasOperators(database);
    if (!hasOperators) {
        return hasOperators.error();
    }
    QString name;
    if (!hasOperators.value()) {
        FirstAdministratorDialog first(database);
        const int result = run(first);
        if (choice && (result == FirstAdministratorDialog::OpenDemo || result == FirstAdministratorDialog::OpenOther)) {
            *choice = result == FirstAdministratorDialog::OpenDemo ? FirstStartChoice::Demo : FirstStartChoice::Other;
            return std::optional<Session>();
        }
        if (result != QDialog::Accepted) {
            return std::optional<Session>();
        }
        name = first.administrator().name;
    }
    SignInDialog dialog(database);
    if (!name.isEmpty()) {
        dialog.setOperatorName(name);
    }
    dialog.setHint(hint);
    if (run(dialog) != QDialog::Accepted || !dialog.session().isValid()) {
        return std::optional<Session>();
    }
    return std::optional<Session>(dialog.session());
}

std::optional<Application::Opened> Application::openAndSignIn(DatabaseUrl url, const DialogRunner &run, QWidget *parent,
                                                              bool *failed)
{
    const auto gaveUp = [failed](bool error) {
        if (failed) {
            *failed = error;
        }
        return std::optional<Opened>();
    };
    // Asks for another address (or the missing password), showing `message`; false when cancelled.
    const auto askAddress = [&run, parent, &url](const QString &message) {
        OpenDatabaseDialog dialog(parent);
        dialog.setUrl(url);
        dialog.setMessage(message, true);
        if (run(dialog) != QDialog::Accepted) {
            return false;
        }
        url = dialog.url().value();
        return true;
    };
    for (;;) {
        if (url.backend() == DatabaseUrl::Backend::PostgreSQL && url.password().isEmpty() &&
            !askAddress(tr("Enter the password for %1.").arg(url.displayName()))) {
            return gaveUp(false);
        }
        Result<std::shared_ptr<Database>> opened = Database::open(url);
        if (!opened) {
            if (!askAddress(tr("Privacy Desk cannot open the database %1: %2")
                                .arg(url.displayName(), Labels::sentence(opened.error().message)))) {
                return gaveUp(true);
            }
            continue;
        }
        std::shared_ptr<Database> database = std::move(opened).value();
        const bool demo = url.backend() == DatabaseUrl::Backend::SQLite &&
                          QFileInfo(url.path()) == QFileInfo(DemoDatabase::filePath());
        FirstStartChoice choice = FirstStartChoice::None;
        const Result<std::optional<Session>> session =
            signIn(*database, run, &choice, demo ? DemoDatabase::signInHint() : QString());
        if (!session) {
            MessageBox::critical(parent, tr("Privacy Desk"),
                                 tr("Privacy Desk cannot read the operators of the database %1.\n\n%2")
                                     .arg(url.displayName(), session.error().message));
            return gaveUp(true);
        }
        if (choice == FirstStartChoice::Demo) {
            const Result<DatabaseUrl> made = DemoDatabase::prepare(parent);
            if (!made) {
                if (made.error().code != ErrorCode::Cancelled) {
                    MessageBox::warning(parent, tr("Privacy Desk"), made.error().message);
                }
                continue; // back to the first start
            }
            url = made.value();
            continue;
        }
        if (choice == FirstStartChoice::Other) {
            askAddress(QString()); // cancelled: back to the first start of this database
            continue;
        }
        if (!session.value()) {
            return gaveUp(false);
        }
        RecentDatabases::remember(url);
        return Opened{database, *session.value()};
    }
}

void Application::keepSettingsPrivate()
{
    const QString path = QSettings().fileName();
    const QString folder = QFileInfo(path).absolutePath();
    // Best effort: settings that cannot be made private (a read-only home) do not keep the program from starting.
    if (QDir().mkpath(folder)) {
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    if (const Status created = PrivateFile::create(path); created.ok()) {
        static_cast<void>(PrivateFile::restrict(path));
    }
}

Application::Start Application::start(QApplication &app)
{
    QApplication::setOrganizationName(QStringLiteral("PrivacyDesk"));
    QApplication::setApplicationName(QStringLiteral("privacydesk"));
    keepSettingsPrivate();
    QApplication::setApplicationDisplayName(tr("Privacy Desk"));
    QApplication::setApplicationVersion(QStringLiteral(PRIVACYDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.privacydesk.PrivacyDesk"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/privacydesk.svg")));
    UiLanguage::install(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Privacy Desk: records of personal data and data-subject requests."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption databaseOption(
        QStringLiteral("db"),
        tr("Database to open: sqlite:/path/file.sqlite or postgresql://user:password@host:port/dbname. "
           "Default: the PRIVACYDESK_DB environment variable, then the database signed in to last, then a file in "
           "your data folder."),
        tr("URL"));
    parser.addOption(databaseOption);
    parser.process(app);

    // Named on the command line or in the environment; otherwise the database signed in to last, or a new one.
    const QStringList recent = RecentDatabases::list();
    const bool named = parser.isSet(databaseOption) || !qEnvironmentVariableIsEmpty("PRIVACYDESK_DB");
    const Result<DatabaseUrl> url = named || recent.isEmpty() ? DatabaseUrl::resolve(parser.value(databaseOption))
                                                              : DatabaseUrl::parse(recent.first());
    if (!url) {
        MessageBox::critical(nullptr, tr("Privacy Desk"),
                             tr("The database address is not valid: %1.").arg(url.error().message));
        return Start::Failed;
    }
    bool failed = false;
    std::optional<Opened> opened = openAndSignIn(url.value(), execDialog, nullptr, &failed);
    if (!opened) {
        return failed ? Start::Failed : Start::Cancelled;
    }
    show(std::move(*opened));
    return Start::Running;
}

void Application::show(Opened opened)
{
    auto window = std::make_unique<MainWindow>(opened.database, opened.session);
    QObject::connect(window.get(), &MainWindow::signedOut, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    // Queued: the window that asks is replaced, which must not happen inside its own signal.
    QObject::connect(
        window.get(), &MainWindow::openDatabaseWanted, qApp, [this](const QString &url) { switchDatabase(url); },
        Qt::QueuedConnection);
    window->show();
    // The sign-in dialog had the focus; without this the keyboard goes nowhere until the window is clicked.
    window->raise();
    window->activateWindow();
    if (m_window) {
        m_window->close(); // keeps its geometry and page in the settings
    }
    m_window = std::move(window);
    m_database = std::move(opened.database);
}

int Application::execDialog(QDialog &dialog)
{
    return dialog.exec();
}

void Application::switchDatabase(const QString &url, const DialogRunner &run)
{
    DatabaseUrl address;
    if (url.isEmpty()) {
        OpenDatabaseDialog dialog(m_window.get());
        if (m_database) {
            dialog.setUrl(m_database->url().withoutPassword());
        }
        if (run(dialog) != QDialog::Accepted) {
            return;
        }
        address = dialog.url().value();
    } else {
        const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
        if (!parsed) {
            MessageBox::warning(m_window.get(), tr("Privacy Desk"), Labels::sentence(parsed.error().message));
            return;
        }
        address = parsed.value();
    }
    std::optional<Opened> opened = openAndSignIn(address, run, m_window.get());
    if (opened) {
        show(std::move(*opened));
    }
}

} // namespace pd
