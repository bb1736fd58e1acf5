#include "ui/tools/BackupActions.h"

#include "app/access/BackupService.h"
#include "app/domain/Permissions.h"
#include "app/storage/Database.h"
#include "ui/common/Labels.h"
#include "ui/common/MessageBox.h"
#include "ui/common/ProgressJob.h"

#include <QAction>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QSettings>

namespace pd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::BackupActions)
};

QString checked(const BackupService::Check &check)
{
    const QLocale locale;
    return Tr::tr("Schema %1, %2 subjects, %3 audit entries; the audit chain is whole and the file is intact.")
        .arg(check.schemaVersion)
        .arg(locale.toString(check.subjects), locale.toString(check.auditEntries));
}

QString folder()
{
    return QSettings().value(QStringLiteral("backup/folder"), QDir::homePath()).toString();
}

void rememberFolder(const QString &path)
{
    QSettings().setValue(QStringLiteral("backup/folder"), QFileInfo(path).absolutePath());
}

} // namespace

QList<QAction *> addBackupActions(QMenu *menu, QWidget *window, std::shared_ptr<Database> database,
                                  const Session &session, std::function<void()> restored)
{
    QList<QAction *> added;
    if (database->url().backend() != DatabaseUrl::Backend::SQLite) {
        return added;
    }
    auto *job = new ProgressJob(window);
    const bool mayBackUp = Permissions::allows(session.role, Action::ManageSettings) ||
                           Permissions::allows(session.role, Action::ExportRegisters);
    if (mayBackUp) {
        QAction *backup =
            menu->addAction(QIcon::fromTheme(QStringLiteral("document-save-as")), Tr::tr("&Back Up Database\u2026"));
        backup->setObjectName(QStringLiteral("backUpDatabase"));
        backup->setToolTip(Tr::tr("Write a checked copy of the database to a file only you can read"));
        QObject::connect(backup, &QAction::triggered, window, [window, database, session, job] {
            if (job->isRunning()) {
                return;
            }
            const QString suggested = QDir(folder()).filePath(
                QStringLiteral("privacydesk-%1.sqlite").arg(QDate::currentDate().toString(Qt::ISODate)));
            const QString path = MessageBox::getSaveFileName(window, Tr::tr("Back Up the Database"), suggested,
                                                             Tr::tr("SQLite databases (*.sqlite *.db)"));
            if (path.isEmpty()) {
                return;
            }
            rememberFolder(path);
            job->start<Result<BackupService::Check>>(
                Tr::tr("Back Up the Database"), Tr::tr("Copying and checking the database\u2026"), database,
                [session, path](Database &db, const ProgressJob::Progress &) {
                    return BackupService::backup(db, session, path);
                },
                [window, path](const Result<BackupService::Check> &check) {
                    if (!check) {
                        MessageBox::critical(window, Tr::tr("Back Up the Database"),
                                             Labels::sentence(check.error().message));
                        return;
                    }
                    MessageBox::information(window, Tr::tr("Back Up the Database"),
                                            Tr::tr("The backup is in %1. %2 Data erased from now on stays in this "
                                                   "copy until it is discarded.")
                                                .arg(QDir::toNativeSeparators(path), checked(check.value())));
                });
        });
        added << backup;
    }
    if (Permissions::allows(session.role, Action::ManageSettings)) {
        QAction *restore =
            menu->addAction(QIcon::fromTheme(QStringLiteral("document-revert")), Tr::tr("&Restore From Backup\u2026"));
        restore->setObjectName(QStringLiteral("restoreDatabase"));
        restore->setToolTip(Tr::tr("Replace the database with a checked backup"));
        QObject::connect(restore, &QAction::triggered, window, [window, database, session, job, restored] {
            if (job->isRunning()) {
                return;
            }
            const QString path = MessageBox::getOpenFileName(window, Tr::tr("Restore From a Backup"), folder(),
                                                             Tr::tr("SQLite databases (*.sqlite *.db)"));
            if (path.isEmpty()) {
                return;
            }
            rememberFolder(path);
            if (MessageBox::question(window, Tr::tr("Restore From a Backup"),
                                     Tr::tr("Replace everything in the database with the backup %1? Whatever was "
                                            "recorded since that backup is lost, and data erased since comes back "
                                            "and must be erased again. The copy is checked first; a damaged one "
                                            "replaces nothing.")
                                         .arg(QFileInfo(path).fileName())) != QMessageBox::Yes) {
                return;
            }
            job->start<Result<BackupService::Check>>(
                Tr::tr("Restore From a Backup"), Tr::tr("Checking and restoring the backup\u2026"), database,
                [session, path](Database &db, const ProgressJob::Progress &) {
                    return BackupService::restore(db, session, path);
                },
                [window, restored](const Result<BackupService::Check> &check) {
                    if (!check) {
                        MessageBox::critical(window, Tr::tr("Restore From a Backup"),
                                             Labels::sentence(check.error().message));
                        return;
                    }
                    if (restored) {
                        restored();
                    }
                    MessageBox::information(window, Tr::tr("Restore From a Backup"),
                                            Tr::tr("The database was restored. %1").arg(checked(check.value())));
                });
        });
        added << restore;
    }
    return added;
}

} // namespace pd
