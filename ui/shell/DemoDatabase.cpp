#include "ui/shell/DemoDatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProgressDialog>
#include <QStandardPaths>

namespace pd {

QString DemoDatabase::filePath()
{
    return QFileInfo(DatabaseUrl::defaultLocation().path()).absolutePath() + QStringLiteral("/demo.sqlite");
}

QString DemoDatabase::cliPath()
{
    const QString name = QStringLiteral("privacydesk-cli");
    const QString here = QCoreApplication::applicationDirPath();
    const QStringList candidates{qEnvironmentVariable("PRIVACYDESK_CLI"), here + QLatin1Char('/') + name,
                                 here + QStringLiteral("/../app/") + name};
    for (const QString &candidate : candidates) {
        if (!candidate.isEmpty() && QFileInfo(candidate).isExecutable()) {
            return QFileInfo(candidate).absoluteFilePath();
        }
    }
    return QStandardPaths::findExecutable(name);
}

Result<DatabaseUrl> DemoDatabase::prepare(QWidget *parent)
{
    const QString target = filePath();
    if (QFileInfo::exists(target)) {
        return DatabaseUrl::sqlite(target);
    }
    const QString cli = cliPath();
    if (cli.isEmpty()) {
        return makeError(ErrorCode::NotFound, tr("The demo is made by privacydesk-cli, which was not found next to "
                                                 "this program or on the PATH."));
    }
    QDir().mkpath(QFileInfo(target).absolutePath());
    const QString partial =
        QFileInfo(target).absolutePath() + QStringLiteral("/.demo-%1.sqlite").arg(QCoreApplication::applicationPid());
    const auto removePartial = [&partial] {
        for (const QString &suffix : QStringList{QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
            QFile::remove(partial + suffix);
        }
    };
    removePartial();

    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    QProgressDialog progress(tr("Making the demo database: %1 made-up people with their data, consents and "
                                "requests\u2026")
                                 .arg(QLocale().toString(kSubjects)),
                             tr("Cancel"), 0, 0, parent);
    progress.setWindowTitle(tr("Demo \u2014 Privacy Desk"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QObject::connect(&progress, &QProgressDialog::canceled, &loop, &QEventLoop::quit);
    process.start(cli, {QStringLiteral("--db"), QStringLiteral("sqlite:") + partial, QStringLiteral("demo"),
                        QStringLiteral("--subjects"), QString::number(kSubjects), QStringLiteral("--seed"),
                        QStringLiteral("1")});
    progress.show();
    loop.exec();
    const bool cancelled = progress.wasCanceled();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
    }
    progress.close();
    if (cancelled) {
        removePartial();
        return makeError(ErrorCode::Cancelled, tr("Making the demo was cancelled; nothing was kept."));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        // The command's own message names the problem; demo data holds no real person's data.
        const QString message = QString::fromUtf8(process.readAllStandardError()).trimmed();
        removePartial();
        return makeError(ErrorCode::Storage,
                         tr("The demo could not be made: %1").arg(message.isEmpty() ? process.errorString() : message));
    }
    QFile::remove(partial + QStringLiteral("-shm"));
    if (QFileInfo::exists(partial + QStringLiteral("-wal"))) { // normally folded in when the command closed it
        QFile::rename(partial + QStringLiteral("-wal"), target + QStringLiteral("-wal"));
    }
    if (!QFile::rename(partial, target)) {
        removePartial();
        return makeError(ErrorCode::Storage, tr("The demo could not be moved to %1.").arg(target));
    }
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return DatabaseUrl::sqlite(target);
}

QString DemoDatabase::signInHint()
{
    return tr("Demo operators: officer, officer2, agent, auditor and admin; each one's password is its name "
              "followed by -demo-2026 (officer-demo-2026).");
}

} // namespace pd
