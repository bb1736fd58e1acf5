// Tools > Settings: an administrator manages operators, the shared settings and the letterhead in one dialog;
// what is saved is audited and acts at once (the idle lock of the open window).
#include "ui/settings/SettingsDialog.h"

#include "DemoFixture.h"
#include "UiTestSupport.h"
#include "app/access/AuditLog.h"
#include "app/access/AuthService.h"
#include "app/policy/ProfileExport.h"
#include "ui/bulk/ApprovalsDialog.h"
#include "ui/common/FormDialog.h"
#include "ui/common/MessageBox.h"
#include "ui/requests/RequestIntakeDialog.h"
#include "ui/settings/OperatorsPage.h"
#include "ui/shell/FirstAdministratorDialog.h"
#include "ui/shell/IdleLock.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/OpenDatabaseDialog.h"
#include "ui/shell/SignInDialog.h"
#include "ui/subjects/BlockDialog.h"
#include "ui/subjects/CorrectDialog.h"
#include "ui/subjects/UnblockDialog.h"
#include "ui/tools/CalendarDialog.h"
#include "ui/tools/ImportDialog.h"
#include "ui/tools/LetterTemplateDialog.h"
#include "ui/tools/RetentionDialog.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QTranslator>

#include <memory>
#include <vector>

namespace pd::test {

namespace {

class SettingsDialogTest : public DemoFixture
{
protected:
    void SetUp() override
    {
        DemoFixture::SetUp();
        generate(20);
    }

    SettingsDialog *openSettings(const char *who, SettingsDialog::Page page)
    {
        openWindow(signIn(QLatin1String(who)));
        window().findChild<QAction *>(QStringLiteral("showSettings"))->trigger();
        auto *dialog = window().findChild<SettingsDialog *>();
        EXPECT_TRUE(dialog && dialog->isVisible());
        if (dialog) {
            EXPECT_TRUE(dialog->showPage(page));
        }
        return dialog;
    }

    qint64 audited(const QString &action, const QString &objectId = QString())
    {
        AuditFilter filter;
        filter.action = action;
        const Result<QList<AuditRecord>> found = AuditLog::find(db(), signIn(QStringLiteral("auditor")), filter, 0, 50);
        EXPECT_TRUE(found.ok());
        qint64 count = 0;
        for (const AuditRecord &record : found.ok() ? found.value() : QList<AuditRecord>()) {
            count += objectId.isEmpty() || record.entry.objectId == objectId ? 1 : 0;
        }
        return count;
    }

    bool signsIn(const QString &name, const QString &password)
    {
        return AuthService::signIn(db(), name, password).ok();
    }
};

} // namespace

TEST_F(SettingsDialogTest, AnAdministratorChangesTheIdleLockAndTheOpenWindowAppliesIt)
{
    SettingsDialog *dialog = openSettings("admin", SettingsDialog::Page::Security);
    ASSERT_TRUE(dialog);
    EXPECT_EQ(window().idleLock()->interval(), 10 * 60 * 1000) << "the default";
    auto *idle = dialog->findChild<QSpinBox *>(QStringLiteral("idle_lock_minutes"));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveSettingsButton"));
    ASSERT_TRUE(idle && save);
    EXPECT_EQ(idle->value(), 10);
    EXPECT_FALSE(save->isEnabled()) << "nothing changed yet";

    idle->selectAll();
    QTest::keyClicks(idle, QStringLiteral("3"));
    EXPECT_TRUE(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);

    EXPECT_EQ(Settings::value(db(), Settings::Key::IdleLockMinutes).value(), 3);
    EXPECT_EQ(window().idleLock()->interval(), 3 * 60 * 1000) << "applies without a restart";
    EXPECT_TRUE(window().idleLock()->isActive());
    EXPECT_EQ(audited(QStringLiteral("settings.change"), QStringLiteral("idle_lock_minutes")), 1);
    EXPECT_TRUE(dialog->messageText().contains(QStringLiteral("saved")));
    EXPECT_FALSE(save->isEnabled());

    // A value out of bounds cannot be typed, and the four-eyes rule is stored the same way.
    dialog->setSettingValue(Settings::Key::FourEyesAllDeletions, 1);
    ASSERT_TRUE(dialog->saveSettings());
    EXPECT_EQ(Settings::value(db(), Settings::Key::FourEyesAllDeletions).value(), 1);
    EXPECT_EQ(Settings::value(db(), Settings::Key::IdleLockMinutes).value(), 3);
}

TEST_F(SettingsDialogTest, OtherRolesReadTheSettingsButNeitherChangeThemNorSeeTheOperators)
{
    SettingsDialog *dialog = openSettings("officer", SettingsDialog::Page::Security);
    ASSERT_TRUE(dialog);
    EXPECT_FALSE(dialog->hasPage(SettingsDialog::Page::Operators));
    EXPECT_FALSE(dialog->findChild<OperatorsPage *>());
    auto *idle = dialog->findChild<QSpinBox *>(QStringLiteral("idle_lock_minutes"));
    EXPECT_FALSE(idle->isEnabled());
    EXPECT_EQ(idle->value(), 10);
    dialog->setSettingValue(Settings::Key::IdleLockMinutes, 5);
    EXPECT_FALSE(dialog->saveSettings()) << "the service refuses an officer";
    EXPECT_FALSE(dialog->messageText().isEmpty());
    EXPECT_EQ(Settings::value(db(), Settings::Key::IdleLockMinutes).value(), 10);
    EXPECT_TRUE(dialog->hasPage(SettingsDialog::Page::Calendars));
    EXPECT_TRUE(dialog->hasPage(SettingsDialog::Page::Templates));
}

TEST_F(SettingsDialogTest, AnAdministratorAddsAnOperatorWhoThenSignsInWithTheRoleGiven)
{
    SettingsDialog *dialog = openSettings("admin", SettingsDialog::Page::Operators);
    ASSERT_TRUE(dialog);
    OperatorsPage *page = dialog->operatorsPage();
    ASSERT_TRUE(page);
    EXPECT_EQ(page->textOf(QStringLiteral("agent"), OperatorsPage::RoleColumn), QStringLiteral("agent"));

    FormDialog::setNextValues(QHash<QString, QVariant>{{QStringLiteral("name"), QStringLiteral("clerk")},
                                                       {QStringLiteral("displayName"), QStringLiteral("New Clerk")},
                                                       {QStringLiteral("role"), QStringLiteral("agent")},
                                                       {QStringLiteral("password"), QStringLiteral("clerk-pass-2026")},
                                                       {QStringLiteral("confirmation"), QStringLiteral("other-2026")}});
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("addOperatorButton")), Qt::LeftButton);
    EXPECT_TRUE(page->messageText().contains(QStringLiteral("differ"))) << page->messageText().toStdString();
    EXPECT_TRUE(page->textOf(QStringLiteral("clerk"), OperatorsPage::Name).isEmpty()) << "nothing added";

    FormDialog::setNextValues(
        QHash<QString, QVariant>{{QStringLiteral("name"), QStringLiteral("clerk")},
                                 {QStringLiteral("displayName"), QStringLiteral("New Clerk")},
                                 {QStringLiteral("role"), QStringLiteral("agent")},
                                 {QStringLiteral("password"), QStringLiteral("clerk-pass-2026")},
                                 {QStringLiteral("confirmation"), QStringLiteral("clerk-pass-2026")}});
    page->addOperator();
    EXPECT_EQ(page->textOf(QStringLiteral("clerk"), OperatorsPage::DisplayName), QStringLiteral("New Clerk"));
    EXPECT_EQ(page->textOf(QStringLiteral("clerk"), OperatorsPage::State), QStringLiteral("Active"));
    EXPECT_EQ(page->textOf(QStringLiteral("clerk"), OperatorsPage::LastSignIn), QStringLiteral("never"));
    const Result<Session> clerk = AuthService::signIn(db(), QStringLiteral("clerk"), QStringLiteral("clerk-pass-2026"));
    ASSERT_TRUE(clerk.ok());
    EXPECT_EQ(clerk->role, Role::Agent);

    ASSERT_TRUE(page->selectOperator(QStringLiteral("clerk")));
    FormDialog::setNextValues(QHash<QString, QVariant>{{QStringLiteral("role"), QStringLiteral("auditor")}});
    page->changeRole();
    EXPECT_EQ(page->textOf(QStringLiteral("clerk"), OperatorsPage::RoleColumn), QStringLiteral("auditor"));
    EXPECT_EQ(AuthService::signIn(db(), QStringLiteral("clerk"), QStringLiteral("clerk-pass-2026"))->role,
              Role::Auditor);
    EXPECT_GE(audited(QStringLiteral("operator.add"), QString()), 1);
}

TEST_F(SettingsDialogTest, DeactivatingAsksFirstAndTheLastAdministratorStays)
{
    SettingsDialog *dialog = openSettings("admin", SettingsDialog::Page::Operators);
    ASSERT_TRUE(dialog);
    OperatorsPage *page = dialog->operatorsPage();
    auto *toggle = page->findChild<QPushButton *>(QStringLiteral("toggleActiveButton"));
    ASSERT_TRUE(page->selectOperator(QStringLiteral("agent")));

    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(toggle, Qt::LeftButton);
    EXPECT_EQ(page->textOf(QStringLiteral("agent"), OperatorsPage::State), QStringLiteral("Active"));
    EXPECT_TRUE(signsIn(QStringLiteral("agent"), QStringLiteral("agent-demo-2026")));

    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(toggle, Qt::LeftButton);
    EXPECT_TRUE(MessageBox::lastText().contains(QStringLiteral("audit trail")));
    EXPECT_EQ(page->textOf(QStringLiteral("agent"), OperatorsPage::State), QStringLiteral("Deactivated"));
    EXPECT_FALSE(signsIn(QStringLiteral("agent"), QStringLiteral("agent-demo-2026")));
    EXPECT_EQ(toggle->text(), QStringLiteral("A&ctivate"));
    QTest::mouseClick(toggle, Qt::LeftButton); // activating asks nothing
    EXPECT_TRUE(signsIn(QStringLiteral("agent"), QStringLiteral("agent-demo-2026")));

    ASSERT_TRUE(page->selectOperator(QStringLiteral("admin")));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    page->toggleActive();
    EXPECT_TRUE(page->messageText().contains(QStringLiteral("administrator"))) << page->messageText().toStdString();
    EXPECT_EQ(page->textOf(QStringLiteral("admin"), OperatorsPage::State), QStringLiteral("Active"));
}

TEST_F(SettingsDialogTest, ALockedOutOperatorIsUnlockedAndAForgottenPasswordReset)
{
    const int attempts = Settings::value(db(), Settings::Key::LockoutAttempts).value();
    for (int attempt = 0; attempt < attempts; ++attempt) {
        EXPECT_FALSE(signsIn(QStringLiteral("officer2"), QStringLiteral("wrong password")));
    }
    EXPECT_FALSE(signsIn(QStringLiteral("officer2"), QStringLiteral("officer2-demo-2026"))) << "locked out";

    SettingsDialog *dialog = openSettings("admin", SettingsDialog::Page::Operators);
    ASSERT_TRUE(dialog);
    OperatorsPage *page = dialog->operatorsPage();
    EXPECT_TRUE(
        page->textOf(QStringLiteral("officer2"), OperatorsPage::State).startsWith(QStringLiteral("Locked until")));
    auto *unlock = page->findChild<QPushButton *>(QStringLiteral("unlockButton"));
    ASSERT_TRUE(page->selectOperator(QStringLiteral("officer")));
    EXPECT_FALSE(unlock->isEnabled()) << "officer is not locked";
    ASSERT_TRUE(page->selectOperator(QStringLiteral("officer2")));
    ASSERT_TRUE(unlock->isEnabled());
    QTest::mouseClick(unlock, Qt::LeftButton);
    EXPECT_EQ(page->textOf(QStringLiteral("officer2"), OperatorsPage::State), QStringLiteral("Active"));
    EXPECT_TRUE(signsIn(QStringLiteral("officer2"), QStringLiteral("officer2-demo-2026")));

    FormDialog::setNextValues(QHash<QString, QVariant>{{QStringLiteral("password"), QStringLiteral("short")},
                                                       {QStringLiteral("confirmation"), QStringLiteral("short")}});
    page->resetPassword();
    EXPECT_FALSE(page->messageText().isEmpty()) << "a weak password is refused in the service's words";
    EXPECT_TRUE(signsIn(QStringLiteral("officer2"), QStringLiteral("officer2-demo-2026")));
    FormDialog::setNextValues(
        QHash<QString, QVariant>{{QStringLiteral("password"), QStringLiteral("a-new-one-2026")},
                                 {QStringLiteral("confirmation"), QStringLiteral("a-new-one-2026")}});
    page->resetPassword();
    EXPECT_TRUE(signsIn(QStringLiteral("officer2"), QStringLiteral("a-new-one-2026")));
    EXPECT_FALSE(signsIn(QStringLiteral("officer2"), QStringLiteral("officer2-demo-2026")));
}

TEST_F(SettingsDialogTest, TheLetterheadIsSavedForTheNextReport)
{
    SettingsDialog *dialog = openSettings("admin", SettingsDialog::Page::Letterhead);
    ASSERT_TRUE(dialog);
    EXPECT_FALSE(dialog->letterheadField(QStringLiteral("name")).isEmpty()) << "the demo office";
    dialog->setLetterheadField(QStringLiteral("dpo"), QStringLiteral("dpo@office.example, +375 17 000-00-01"));
    EXPECT_TRUE(dialog->isModified());
    ASSERT_TRUE(dialog->saveLetterhead()) << dialog->messageText().toStdString();
    EXPECT_FALSE(dialog->isModified());
    const Result<Profile> profile = ProfileExport::read(db());
    ASSERT_TRUE(profile.ok());
    bool found = false;
    for (const ProfileController &controller : profile->controllers) {
        found = found || controller.dpoContact == QStringLiteral("dpo@office.example, +375 17 000-00-01");
    }
    EXPECT_TRUE(found);
    EXPECT_EQ(audited(QStringLiteral("controller.update")), 1);

    // An administrator reads the reply templates; the dash of the status line is a dash.
    EXPECT_EQ(dialog->templates()->statusText(), QStringLiteral("Built-in template \u2014 read-only"));
}

TEST_F(SettingsDialogTest, UnsavedChangesAreNotDroppedWithoutAskingButALockKeepsThem)
{
    SettingsDialog *dialog = openSettings("admin", SettingsDialog::Page::Security);
    ASSERT_TRUE(dialog);
    dialog->setSettingValue(Settings::Key::LockoutMinutes, 45);
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::keyClick(dialog, Qt::Key_Escape);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(dialog->settingValue(Settings::Key::LockoutMinutes), 45);

    window().lock(); // hides the dialog without asking, the edit kept for after the unlock
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_EQ(dialog->settingValue(Settings::Key::LockoutMinutes), 45);

    dialog->show();
    MessageBox::setNextAnswer(QMessageBox::Yes);
    EXPECT_TRUE(dialog->requestClose());
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_NE(Settings::value(db(), Settings::Key::LockoutMinutes).value(), 45);
    EXPECT_NE(dialog->settingValue(Settings::Key::LockoutMinutes), 45) << "dropped as answered";
}

TEST_F(SettingsDialogTest, CalendarsAndTemplatesArePagesOfTheSameDialog)
{
    SettingsDialog *dialog = openSettings("officer", SettingsDialog::Page::Calendars);
    ASSERT_TRUE(dialog);
    EXPECT_TRUE(dialog->calendars()->isVisible());
    EXPECT_TRUE(dialog->calendars()->showCalendar(QStringLiteral("BY"), 2026));
    EXPECT_EQ(dialog->calendars()->statusOf(QDate(2026, 1, 7)), QStringLiteral("Built-in holiday"));
    QTest::keyClick(dialog->calendars()->findChild<QWidget *>(QStringLiteral("calendarTable")), Qt::Key_Escape);
    EXPECT_FALSE(dialog->isVisible()) << "Esc in a page closes the dialog, not the page";
    EXPECT_TRUE(dialog->calendars()->isVisibleTo(dialog));

    ASSERT_TRUE(window().showSettings(int(SettingsDialog::Page::Templates)));
    EXPECT_TRUE(dialog->templates()->isVisible());
    dialog->templates()->setTemplateText(QStringLiteral("Dear {{name}},"));
    MessageBox::setNextAnswer(QMessageBox::No);
    EXPECT_FALSE(dialog->requestClose()) << "the template's edits are asked about";
    EXPECT_TRUE(dialog->isVisible());
}

TEST_F(SettingsDialogTest, EveryDialogFitsTheSmallestScreenInEveryLanguage)
{
    const SubjectDetails subject = subjectWithEmail(signIn(QStringLiteral("officer")));
    ASSERT_FALSE(subject.items.isEmpty());
    for (const char *language : {"en", "ru", "be"}) {
        QTranslator translator;
        ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/privacydesk_%1.qm").arg(QLatin1String(language))));
        QCoreApplication::installTranslator(&translator);
        {
            const std::shared_ptr<Database> database = m_testDatabase.database();
            const Session admin = signIn(QStringLiteral("admin"));
            const Session officer = signIn(QStringLiteral("officer"));
            std::vector<std::unique_ptr<QDialog>> dialogs;
            dialogs.push_back(std::make_unique<SettingsDialog>(database, admin));
            dialogs.push_back(std::make_unique<SettingsDialog>(database, officer));
            dialogs.push_back(std::make_unique<OpenDatabaseDialog>());
            dialogs.push_back(std::make_unique<FirstAdministratorDialog>(*database));
            dialogs.push_back(std::make_unique<SignInDialog>(*database));
            dialogs.push_back(std::make_unique<CalendarDialog>(database, officer));
            dialogs.push_back(std::make_unique<LetterTemplateDialog>(database, officer));
            dialogs.push_back(std::make_unique<RetentionDialog>(database, officer));
            dialogs.push_back(std::make_unique<ImportDialog>(database, officer));
            dialogs.push_back(std::make_unique<ApprovalsDialog>(database, officer));
            dialogs.push_back(std::make_unique<RequestIntakeDialog>(database, officer));
            dialogs.push_back(std::make_unique<CorrectDialog>(subject.items.first()));
            dialogs.push_back(std::make_unique<BlockDialog>(subject));
            dialogs.push_back(std::make_unique<UnblockDialog>(subject.subject.displayName));
            for (const std::unique_ptr<QDialog> &dialog : dialogs) {
                const QSize needs = dialog->minimumSizeHint().expandedTo(dialog->minimumSize());
                // 1280x800 less the frame and title bar a window manager adds.
                EXPECT_LE(needs.width(), 1260) << language << ": " << dialog->metaObject()->className();
                EXPECT_LE(needs.height(), 740) << language << ": " << dialog->metaObject()->className();
                EXPECT_LE(dialog->size().width(), 1260)
                    << language << ": " << dialog->metaObject()->className() << " opens wider than the screen";
            }
        }
        QCoreApplication::removeTranslator(&translator);
    }
}

} // namespace pd::test
