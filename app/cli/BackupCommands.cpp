// privacydesk-cli backup FILE | restore FILE
#include "app/cli/CliContext.h"

#include "app/access/BackupService.h"
#include "app/storage/Database.h"

#include <QCoreApplication>

namespace pd {

namespace {

using Operation = Result<BackupService::Check> (*)(Database &, const Session &, const QString &);

/// `command FILE`: signs in, runs `operation` on FILE and returns the check, or the exit code of a failure (reported).
int runOnFile(CliContext &cli, const QString &command, const QStringList &words, Operation operation, QString *path,
              BackupService::Check *check)
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
    std::shared_ptr<Database> database;
    Session who;
    if (int signedIn = cli.openSignedIn(command, &database, &who); signedIn != 0) {
        return signedIn;
    }
    Result<BackupService::Check> done = operation(*database, who, *path);
    if (!done) {
        return cli.fail(done.error());
    }
    *check = done.value();
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
    QString path;
    BackupService::Check check;
    if (int code = runOnFile(cli, QStringLiteral("backup"), words, &BackupService::backup, &path, &check); code != 0) {
        return code;
    }
    cli.out << CliText::tr("Backup written to %1 and checked: %2.").arg(path, described(check)) << '\n';
    return CliContext::Success;
}

int runRestore(CliContext &cli, const QStringList &words)
{
    QString path;
    BackupService::Check check;
    if (int code = runOnFile(cli, QStringLiteral("restore"), words, &BackupService::restore, &path, &check);
        code != 0) {
        return code;
    }
    cli.out << CliText::tr("Restored from %1 (%2). What was in the database since that backup is gone; data erased "
                           "after it was made is back and must be erased again.")
                   .arg(path, described(check))
            << '\n';
    return CliContext::Success;
}

} // namespace pd
