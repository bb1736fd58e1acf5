// One main() for every test executable: Qt needs its application object before GoogleTest runs the tests.
#include <gtest/gtest.h>

#ifdef PRIVACYDESK_TEST_GUI
#include <QApplication>
using TestApplication = QApplication;
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
    TestApplication app(argc, argv);
    TestApplication::setOrganizationName(QStringLiteral("PrivacyDeskTests"));
    TestApplication::setApplicationName(QStringLiteral("privacydesk-tests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
