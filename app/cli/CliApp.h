#pragma once

#include <QStringList>
#include <QTextStream>

namespace pd {

/// privacydesk-cli: the command-line contract of docs/cli.md. Reads the global options, then hands the command to
/// its runner (cli/CliContext.h).
class CliApp
{
public:
    CliApp(QStringList arguments, QTextStream &out, QTextStream &err);
    /// The process exit code: 0 success, 1 refused or failed, 2 bad usage.
    int run();

private:
    QStringList m_arguments;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace pd
