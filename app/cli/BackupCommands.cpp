// privacydesk-cli backup FILE | restore FILE
#include "app/cli/CliContext.h"

#include "app/access/BackupService.h"
#include "app/storage/Database.h"

#include <QCoreApplication>

namespace pd {

namespace {

/// The one FILE argument of `command`, or the exit code of a usage error (reported).
int fileArgument(CliContext &cli, const QString &command, const QStringList &words, QString *path)
{
    CliContext::Arguments args;
    QString error;
    if (!CliContext::parse(words, {}, {}, &args, &error)) {
        return cli.usage(command + QStringLiteral(": ") + error);
    }
    if (args.positionals.size() != 1) {
        return cli.usage(CliText::tr("%1: name one file: %1 FILE").arg(command));
    }
    *path = args.positionals.first();
    return CliContext::Success;
}

QString described(const BackupService::Check &check)
{
    return CliText::tr("schema %1, %2 subjects, %3 audit entries with their chain whole, integrity ok")
        .arg(check.schemaVersion)
        .arg(check.subjects)
        .arg(check.auditEntries);
}

} // namespace

int runBackup(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("backup");
    QString path;
    if (int code = fileArgument(cli, command, words, &path); code != 0) {
        return code;
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    Result<BackupService::Check> check = BackupService::backup(*database, who, path);
    if (!check) {
        return cli.fail(check.error());
    }
    cli.out << CliText::tr("Backup written to %1 and checked: %2.").arg(path, described(check.value())) << '\n';
    return CliContext::Success;
}

int runRestore(CliContext &cli, const QStringList &words)
{
    const QString command = QStringLiteral("restore");
    QString path;
    if (int code = fileArgument(cli, command, words, &path); code != 0) {
        return code;
    }
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    Result<BackupService::Check> check = BackupService::restore(*database, who, path);
    if (!check) {
        return cli.fail(check.error());
    }
    cli.out << CliText::tr("Restored from %1 (%2). What was in the database since that backup is gone; data erased "
                           "after it was made is back and must be erased again.")
                   .arg(path, described(check.value()))
            << '\n';
    return CliContext::Success;
}

} // namespace pd
