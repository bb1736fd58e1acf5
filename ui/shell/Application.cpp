#include "ui/shell/Application.h"

#include "app/access/AuthService.h"
#include "app/storage/Database.h"
#include "app/storage/DatabaseUrl.h"
#include "ui/common/MessageBox.h"
#include "ui/shell/FirstAdministratorDialog.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/SignInDialog.h"
#include "ui/shell/UiLanguage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

namespace pd {

Application::Application() = default;

Application::~Application() = default;

Result<std::optional<Session>> Application::signIn(Database &database, const DialogRunner &run)
{
    const Result<bool> hasOperators = AuthService::hasOperators(database);
    if (!hasOperators) {
        return hasOperators.error();
    }
    QString name;
    if (!hasOperators.value()) {
        FirstAdministratorDialog first(database);
        if (run(first) != QDialog::Accepted) {
            return std::optional<Session>();
        }
        name = first.administrator().name;
    }
    SignInDialog dialog(database);
    if (!name.isEmpty()) {
        dialog.setOperatorName(name);
    }
    if (run(dialog) != QDialog::Accepted || !dialog.session().isValid()) {
        return std::optional<Session>();
    }
    return std::optional<Session>(dialog.session());
}

Application::Start Application::start(QApplication &app)
{
    QApplication::setOrganizationName(QStringLiteral("PrivacyDesk"));
    QApplication::setApplicationName(QStringLiteral("privacydesk"));
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
           "Default: the PRIVACYDESK_DB environment variable, then a file in your data folder."),
        tr("URL"));
    parser.addOption(databaseOption);
    parser.process(app);

    const Result<DatabaseUrl> url = DatabaseUrl::resolve(parser.value(databaseOption));
    if (!url) {
        MessageBox::critical(nullptr, tr("Privacy Desk"),
                             tr("The database address is not valid: %1.").arg(url.error().message));
        return Start::Failed;
    }
    Result<std::shared_ptr<Database>> opened = Database::open(url.value());
    if (!opened) {
        MessageBox::critical(
            nullptr, tr("Privacy Desk"),
            tr("Privacy Desk cannot open the database %1.\n\n%2").arg(url->displayName(), opened.error().message));
        return Start::Failed;
    }
    m_database = std::move(opened).value();

    const Result<std::optional<Session>> session = signIn(*m_database, [](QDialog &dialog) { return dialog.exec(); });
    if (!session) {
        MessageBox::critical(nullptr, tr("Privacy Desk"),
                             tr("Privacy Desk cannot read the operators of the database %1.\n\n%2")
                                 .arg(m_database->url().displayName(), session.error().message));
        return Start::Failed;
    }
    if (!session.value()) {
        return Start::Cancelled;
    }
    m_window = std::make_unique<MainWindow>(m_database, *session.value());
    QObject::connect(m_window.get(), &MainWindow::signedOut, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    m_window->show();
    // The sign-in dialog had the focus; without this the keyboard goes nowhere until the window is clicked.
    m_window->raise();
    m_window->activateWindow();
    return Start::Running;
}

} // namespace pd
