#include "app/cli/CliApp.h"
#include "app/storage/DriverMessages.h"

#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <memory>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i) {
        arguments << QString::fromLocal8Bit(argv[i]);
    }
    // A document (PDF) needs fonts, so a graphical application: on the offscreen platform it opens no window and
    // needs no display. Every other command stays a plain core application.
    std::unique_ptr<QCoreApplication> app;
    if (pd::CliApp::drawsDocuments(arguments)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
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
