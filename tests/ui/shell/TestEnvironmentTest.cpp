#include "TestEnvironment.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

namespace pd::test {

namespace {

bool isInside(const QString &path, const QString &folder)
{
    return !folder.isEmpty() && QDir::cleanPath(path).startsWith(QDir::cleanPath(folder) + QLatin1Char('/'));
}

TEST(TestEnvironment, SettingsAndDataOfATestProcessStayInItsOwnTemporaryHome)
{
    const QString home = qEnvironmentVariable("HOME");
    ASSERT_TRUE(isInside(home, QDir::tempPath())) << home.toStdString();
    EXPECT_NE(home, TestEnvironment::originalHome());

    const QString settings = QSettings().fileName();
    EXPECT_TRUE(isInside(settings, qEnvironmentVariable("XDG_CONFIG_HOME"))) << settings.toStdString();
    EXPECT_TRUE(isInside(settings, home)) << settings.toStdString();
    EXPECT_FALSE(isInside(settings, TestEnvironment::originalHome())) << settings.toStdString();

    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    EXPECT_TRUE(isInside(data, qEnvironmentVariable("XDG_DATA_HOME"))) << data.toStdString();
    EXPECT_FALSE(isInside(data, TestEnvironment::originalHome())) << data.toStdString();
}

} // namespace

} // namespace pd::test
