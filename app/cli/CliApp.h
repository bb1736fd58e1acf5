#pragma once

#include "core/Result.h"

#include <QHash>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>

namespace pd {

class Database;

/// privacydesk-cli: the command-line contract of PRODUCT.md.
///
/// Exit codes: 0 success, 1 a refused or failed action (one line on stderr), 2 bad usage (one line naming the
/// argument, then a hint). Personal data is printed only on stdout, as the answer to a command that asks for it.
class CliApp
{
public:
    enum ExitCode { Success = 0, Failure = 1, Usage = 2 };

    CliApp(QStringList arguments, QTextStream &out, QTextStream &err);
    int run();

private:
    /// Arguments after the command words: options (--name value / --flag) and positionals, checked against
    /// what each command accepts.
    struct Arguments
    {
        QHash<QString, QString> options;
        QStringList flags;
        QStringList positionals;
        QString value(const QString &name, const QString &fallback = {}) const
        {
            return options.value(name, fallback);
        }
        bool has(const QString &name) const { return options.contains(name) || flags.contains(name); }
    };

    int usageError(const QString &message);
    int failure(const Error &error);
    bool parse(const QStringList &words, const QStringList &valueOptions, const QStringList &flagOptions,
               Arguments *result, QString *error) const;
    Result<std::shared_ptr<Database>> openDatabase(bool mayCreate);

    int commandInit(const QStringList &words);
    int commandDemo(const QStringList &words);
    void printHelp();

    QStringList m_arguments;
    QTextStream &m_out;
    QTextStream &m_err;
    QString m_dbUrl;
    QString m_operator;
    bool m_json = false;
};

} // namespace pd
