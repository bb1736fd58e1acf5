#include "Application.h"

#include "MainWindow.h"
#include "storage/Database.h"
#include "storage/DatabaseUrl.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

namespace pd {

Application::Application() = default;

Application::~Application() = default;

void Application::installTranslators(QApplication &app)
{
    // The .qm files may be missing (an English-only build): the untranslated text is the fallback.
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("privacydesk"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(own);
    }
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    }
}

QString Application::systemUserName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty()) {
        name = qEnvironmentVariable("USERNAME");
    }
    return name.isEmpty() ? tr("unknown") : name;
}

bool Application::start(QApplication &app)
{
    QApplication::setOrganizationName(QStringLiteral("PrivacyDesk"));
    QApplication::setApplicationName(QStringLiteral("privacydesk"));
    QApplication::setApplicationDisplayName(tr("Privacy Desk"));
    QApplication::setApplicationVersion(QStringLiteral(PRIVACYDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("privacydesk"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/privacydesk.svg")));
    installTranslators(app);

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
        QMessageBox::critical(nullptr, tr("Privacy Desk"),
                              tr("The database address is not valid: %1.").arg(url.error().message));
        return false;
    }
    Result<std::shared_ptr<Database>> opened = Database::open(url.value());
    if (!opened) {
        QMessageBox::critical(
            nullptr, tr("Privacy Desk"),
            tr("Privacy Desk cannot open the database %1.\n\n%2").arg(url->displayName(), opened.error().message));
        return false;
    }
    m_database = std::move(opened).value();
    m_window = std::make_unique<MainWindow>(m_database, systemUserName());
    m_window->show();
    return true;
}

} // namespace pd
