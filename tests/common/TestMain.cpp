// One main() for every test executable: Qt needs its application object before GoogleTest runs the tests.
#include "TestEnvironment.h"

#include <gtest/gtest.h>

#ifdef PRIVACYDESK_TEST_GUI
#include <QApplication>
using TestApplication = QApplication;
#elif defined(PRIVACYDESK_TEST_GUI_APP)
#include <QGuiApplication>
using TestApplication = QGuiApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

int main(int argc, char **argv)
{
    // gtest_discover_tests runs the binary at build time, where there may be no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    // Before the application object: Qt reads the locations from the environment when it first needs them. Every
    // test process (ctest runs several at once) gets folders of its own, so no test sees another's settings, and
    // none reads or writes the real user's.
    const pd::test::TestEnvironment environment;
    if (!environment.isValid()) {
        return 1;
    }
    TestApplication app(argc, argv);
    TestApplication::setOrganizationName(QStringLiteral("PrivacyDeskTests"));
    TestApplication::setApplicationName(QStringLiteral("privacydesk-tests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
