#include "app/storage/DriverMessages.h"
#include "ui/shell/Application.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    pd::installDriverMessageFilter();
    pd::Application application;
    switch (application.start(app)) {
    case pd::Application::Start::Running:
        return QApplication::exec();
    case pd::Application::Start::Cancelled:
        return 0;
    case pd::Application::Start::Failed:
        break;
    }
    return 1;
}
