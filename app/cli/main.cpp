#include "app/cli/CliApp.h"
#include "app/storage/DriverMessages.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    pd::installDriverMessageFilter();
    QCoreApplication::setOrganizationName(QStringLiteral("PrivacyDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("privacydesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PRIVACYDESK_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    pd::CliApp cli(QCoreApplication::arguments().mid(1), out, err);
    const int code = cli.run();
    out.flush();
    err.flush();
    return code;
}
