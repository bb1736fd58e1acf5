#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonValue>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <initializer_list>
#include <memory>

namespace pd {

class Database;

/// What every privacydesk-cli command shares: the streams, the global options, and the ways to fail.
///
/// Exit codes: 0 success, 1 a refused or failed action (one line on stderr), 2 bad usage (one line naming the
/// argument, then a hint). Personal data goes only to stdout, as the answer to a command that asks for it.
class CliContext
{
public:
    enum ExitCode { Success = 0, Failure = 1, Usage = 2 };

    /// Arguments after the command words: options (--name value / --name=value / --flag) and positionals.
    struct Arguments
    {
        QHash<QString, QString> options;
        QStringList flags;
        QStringList positionals;
        QString value(const QString &name, const QString &fallback = {}) const { return options.value(name, fallback); }
        bool has(const QString &name) const { return options.contains(name) || flags.contains(name); }
    };

    CliContext(QTextStream &out, QTextStream &err) : out(out), err(err) {}

    QTextStream &out;
    QTextStream &err;
    QString dbUrl;
    QString operatorName;
    bool json = false;

    /// Prints "privacydesk-cli: MESSAGE" and a hint; returns Usage.
    int usage(const QString &message);
    /// Prints "privacydesk-cli: MESSAGE"; returns Failure.
    int fail(const Error &error);

    /// Splits `words` into options and positionals; false (with `error` naming the option) on anything unknown.
    static bool parse(const QStringList &words, const QStringList &valueOptions, const QStringList &flagOptions,
                      Arguments *result, QString *error);

    Result<std::shared_ptr<Database>> open(bool mayCreate);

    /// Signs in the --operator with the password in PRIVACYDESK_PASSWORD. `command` names what needs it, for the
    /// message when --operator is missing. Returns the exit code on failure (already reported), else 0 and `session`.
    int signIn(Database &database, const QString &command, Session *session);
    /// Opens an existing database and signs in (the two steps most commands start with). Returns the exit code on
    /// failure (already reported), else 0.
    int openSignedIn(const QString &command, std::shared_ptr<Database> *database, Session *session);
    /// Prints `value` as indented JSON on stdout.
    void printJson(const QJsonValue &value);

    /// Stored text made safe for a terminal: control characters (a newline, ESC starting a terminal command, BEL)
    /// and backslashes are written as escapes ("\\n", "\\x1b", "\\\\"), so that no stored value can fake a line
    /// or drive the terminal. JSON output needs none of this: it escapes by itself.
    static QString printable(const QString &stored);

    /// Whether `text` is the number of a stored record (a whole number above 0), into `id`.
    static bool positiveId(const QString &text, qint64 *id);

    /// The text of file `path`, or of standard input for "-": how values that are personal data reach a command
    /// without appearing in its arguments (which every local user sees in `ps`). UTF-8, at most kMaxInputBytes;
    /// `what` names the argument in messages.
    static Result<QString> readInput(const QString &path, const QString &what);
    static constexpr qint64 kMaxInputBytes = 16 * 1024 * 1024;
};

/// The texts of privacydesk-cli: every command file translates through this one context (pd::CliApp).
class CliText
{
    Q_DECLARE_TR_FUNCTIONS(pd::CliApp)

public:
    CliText() = delete;
};

/// One subcommand ("subject show", "request add", ...): its word, and what runs it with the words after it.
struct Subcommand
{
    const char *name;
    std::function<int(CliContext &cli, const QStringList &words)> run;
};

/// Runs the subcommand that `words` starts with. A missing or unknown one is bad usage naming what was given and
/// the subcommands of `command` ("subject: unknown 'frob' (expected show, correct, ...)").
int dispatch(CliContext &cli, const QString &command, const QStringList &words,
             std::initializer_list<Subcommand> subcommands);

/// Each command: `words` are the arguments after the command name(s).
int runInit(CliContext &cli, const QStringList &words);
int runDemo(CliContext &cli, const QStringList &words);
int runOperator(CliContext &cli, const QStringList &words);
int runAudit(CliContext &cli, const QStringList &words);
int runApproval(CliContext &cli, const QStringList &words);
int runSettings(CliContext &cli, const QStringList &words);
int runImport(CliContext &cli, const QStringList &words);
int runSubjects(CliContext &cli, const QStringList &words);
int runSubject(CliContext &cli, const QStringList &words);
int runRequest(CliContext &cli, const QStringList &words);
int runRetention(CliContext &cli, const QStringList &words);
int runPurpose(CliContext &cli, const QStringList &words);
int runProfile(CliContext &cli, const QStringList &words);
int runConsent(CliContext &cli, const QStringList &words);
int runBreach(CliContext &cli, const QStringList &words);
int runReport(CliContext &cli, const QStringList &words);
int runBackup(CliContext &cli, const QStringList &words);
int runRestore(CliContext &cli, const QStringList &words);

} // namespace pd
