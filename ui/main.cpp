#include "Application.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    pd::Application application;
    if (!application.start(app)) {
        return 1;
    }
    return QApplication::exec();
}
