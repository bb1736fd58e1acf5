#include "ui/shell/MainWindow.h"

#include "TestDatabase.h"
#include "UiTestSupport.h"
#include "ui/bulk/ApprovalsDialog.h"
#include "ui/shell/IdleLock.h"
#include "ui/shell/LockScreen.h"
#include "ui/subjects/SubjectsPage.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QTranslator>

#include <memory>

namespace pd::test {

namespace {

class LockTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings().clear();
        ASSERT_TRUE(m_testDatabase.database()) << m_testDatabase.reason().toStdString();
        seedSubjects(*m_testDatabase.database(), 20);
        m_officer = makeOperator(*m_testDatabase.database(), QStringLiteral("anna"), Role::Officer);
        ASSERT_FALSE(HasFailure());
        m_window = std::make_unique<MainWindow>(m_testDatabase.database(), m_officer);
        m_window->resize(1000, 700);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void TearDown() override
    {
        m_window.reset();
        QSettings().clear();
    }

    QWidget *pages() const { return m_window->findChild<QStackedWidget *>(QStringLiteral("pages")); }

    TestDatabase m_testDatabase{Backend::SQLite};
    Session m_officer;
    std::unique_ptr<MainWindow> m_window;
};

TEST_F(LockTest, LocksWhenIdleAndUnlocksOnlyWithTheRightPassword)
{
    EXPECT_EQ(m_window->idleLock()->interval(), 10 * 60 * 1000); // the default setting
    EXPECT_TRUE(m_window->idleLock()->isActive());
    EXPECT_TRUE(pages()->isVisible());
    ApprovalsDialog *approvals = m_window->showApprovals();
    ASSERT_NE(approvals, nullptr);
    EXPECT_TRUE(approvals->isVisible());

    QSignalSpy idle(m_window->idleLock(), &IdleLock::idle);
    m_window->idleLock()->setInterval(200);
    ASSERT_TRUE(idle.wait(kWaitMs));
    EXPECT_TRUE(m_window->isLocked());
    EXPECT_TRUE(m_window->lockScreen()->isVisible());
    EXPECT_FALSE(pages()->isVisible());
    EXPECT_FALSE(m_window->subjectsPage()->isVisible());
    EXPECT_FALSE(approvals->isVisible()); // dialogs showing data are closed too
    EXPECT_FALSE(m_window->findChild<QAction *>(QStringLiteral("showApprovals"))->isEnabled());
    EXPECT_EQ(m_window->showApprovals(), nullptr);
    EXPECT_TRUE(m_window->windowTitle().startsWith(QStringLiteral("Locked")));

    m_window->lockScreen()->setPassword(QStringLiteral("wrong-password"));
    m_window->lockScreen()->unlock();
    EXPECT_TRUE(m_window->isLocked());
    EXPECT_FALSE(pages()->isVisible());
    EXPECT_EQ(m_window->lockScreen()->errorText(),
              QStringLiteral("Wrong operator name or password, or the account is locked or deactivated."));

    m_window->lockScreen()->setPassword(kTestPassword);
    m_window->lockScreen()->unlock();
    EXPECT_FALSE(m_window->isLocked());
    EXPECT_TRUE(pages()->isVisible());
    EXPECT_FALSE(m_window->lockScreen()->isVisible());
    EXPECT_TRUE(m_window->idleLock()->isActive()); // counting again
    EXPECT_TRUE(m_window->findChild<QAction *>(QStringLiteral("showApprovals"))->isEnabled());
}

TEST_F(LockTest, TheLockScreenSaysItWhollyInEveryLanguage)
{
    for (const char *language : {"en", "ru", "be"}) {
        QTranslator translator;
        ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/privacydesk_%1.qm").arg(QLatin1String(language))));
        QCoreApplication::installTranslator(&translator);
        {
            MainWindow window(m_testDatabase.database(), m_officer);
            window.resize(1260, 740);
            window.show();
            ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
            window.lock();
            QCoreApplication::processEvents();
            const auto *title = window.findChild<QLabel *>(QStringLiteral("lockTitle"));
            ASSERT_NE(title, nullptr);
            // A label narrower than its text shows the middle of it ("но Privacy Desk заблокирова").
            EXPECT_GE(title->width(), title->minimumSizeHint().width()) << language;
            EXPECT_GE(title->height(), title->heightForWidth(title->width())) << language;
        }
        QCoreApplication::removeTranslator(&translator);
    }
}

TEST_F(LockTest, ControlLLocksAtOnce)
{
    m_window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
    EXPECT_TRUE(m_window->isLocked());
    EXPECT_FALSE(pages()->isVisible());
    EXPECT_FALSE(m_window->idleLock()->isActive());
    auto *password = m_window->findChild<QLineEdit *>(QStringLiteral("lockPassword"));
    ASSERT_NE(password, nullptr);
    EXPECT_TRUE(password->hasFocus());

    // Typing the password and Enter unlocks, as in a password manager.
    QTest::keyClicks(password, kTestPassword);
    QTest::keyClick(password, Qt::Key_Return);
    EXPECT_FALSE(m_window->isLocked());
    EXPECT_TRUE(pages()->isVisible());
}

TEST_F(LockTest, SignOutClosesTheWindow)
{
    m_window->lock();
    QSignalSpy signedOut(m_window.get(), &MainWindow::signedOut);
    auto *button = m_window->findChild<QPushButton *>(QStringLiteral("signOutButton"));
    ASSERT_NE(button, nullptr);
    button->click();
    EXPECT_EQ(signedOut.size(), 1);
    EXPECT_FALSE(m_window->isVisible());
}

TEST_F(LockTest, AZeroSettingNeverLocks)
{
    m_window->idleLock()->setMinutes(0);
    m_window->idleLock()->start();
    EXPECT_FALSE(m_window->idleLock()->isActive());
    EXPECT_EQ(m_window->idleLock()->interval(), 0);
}

} // namespace

} // namespace pd::test
