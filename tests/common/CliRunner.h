#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace pd::test {

/// Runs the real privacydesk-cli binary and keeps what it printed.
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs the CLI with `arguments` and the variables of `extra` added to the environment; `input`, when given, is
/// written to its standard input.
inline CliRun runCli(const QStringList &arguments, const QProcessEnvironment &extra = {},
                     const QByteArray &input = QByteArray())
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("PRIVACYDESK_DB"));
    for (const QString &key : extra.keys()) {
        environment.insert(key, extra.value(key));
    }
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(PRIVACYDESK_CLI_PATH), arguments);
    if (!input.isNull()) {
        process.write(input);
    }
    process.closeWriteChannel();
    process.waitForFinished(600000);
    CliRun run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

/// Runs the CLI on database `url` signed in as `operatorName` (the password in PRIVACYDESK_PASSWORD, as scripts
/// give it), with `arguments` after the global options.
inline CliRun runCliAs(const QString &url, const char *operatorName, const char *password, const QStringList &arguments)
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PRIVACYDESK_PASSWORD"), QLatin1String(password));
    return runCli(QStringList{QStringLiteral("--db"), url, QStringLiteral("--operator"), QLatin1String(operatorName)} +
                      arguments,
                  environment);
}

} // namespace pd::test
