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

    /// Whether the command in `arguments` (without the program name) draws a document, and so needs a
    /// QGuiApplication for its fonts; every other command runs on a QCoreApplication.
    static bool drawsDocuments(const QStringList &arguments);

private:
    QStringList m_arguments;
    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace pd
