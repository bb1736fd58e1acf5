#include "ui/shell/Application.h"

#include "TestDatabase.h"
#include "UiTestSupport.h"
#include "app/access/AuditLog.h"
#include "app/access/AuthService.h"
#include "app/storage/Sql.h"
#include "ui/shell/FirstAdministratorDialog.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/SignInDialog.h"

#include <gtest/gtest.h>

#include <QLabel>
#include <QSettings>
#include <QTest>

#include <functional>
#include <memory>

namespace pd::test {

namespace {

class SignInTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QSettings().clear();
        ASSERT_TRUE(m_testDatabase.database()) << m_testDatabase.reason().toStdString();
    }

    void TearDown() override { QSettings().clear(); }

    Database &db() { return *m_testDatabase.database(); }

    /// Runs Application::signIn with `first` driving the first-administrator dialog and `signIn` the sign-in
    /// dialog; each returns the dialog's result as exec() would.
    Result<std::optional<Session>> runSignIn(const std::function<int(FirstAdministratorDialog &)> &first,
                                             const std::function<int(SignInDialog &)> &signIn)
    {
        return Application::signIn(db(), [&](QDialog &dialog) -> int {
            if (auto *admin = qobject_cast<FirstAdministratorDialog *>(&dialog)) {
                ++m_firstShown;
                return first ? first(*admin) : QDialog::Rejected;
            }
            if (auto *signInDialog = qobject_cast<SignInDialog *>(&dialog)) {
                ++m_signInShown;
                return signIn ? signIn(*signInDialog) : QDialog::Rejected;
            }
            ADD_FAILURE() << "unexpected dialog " << dialog.objectName().toStdString();
            return QDialog::Rejected;
        });
    }

    TestDatabase m_testDatabase{Backend::SQLite};
    int m_firstShown = 0;
    int m_signInShown = 0;
};

TEST_F(SignInTest, FirstStartCreatesTheAdministratorThenSignsIn)
{
    QString shownName;
    const auto first = [](FirstAdministratorDialog &dialog) {
        dialog.setFields(QStringLiteral("Admin!"), QString(), QStringLiteral("short"), QStringLiteral("short"));
        dialog.accept();
        EXPECT_EQ(dialog.result(), QDialog::Rejected); // still open
        EXPECT_TRUE(dialog.problemText().contains(QStringLiteral("operator name is 2 to 40")))
            << dialog.problemText().toStdString();
        EXPECT_TRUE(dialog.problemText().contains(QStringLiteral("at least 8 characters")));

        dialog.setFields(QStringLiteral("admin"), QStringLiteral("Head of IT"), kTestPassword,
                         QStringLiteral("s3cret-pasz"));
        dialog.accept();
        EXPECT_EQ(dialog.result(), QDialog::Rejected);
        EXPECT_EQ(dialog.problemText(), QStringLiteral("The two passwords differ."));

        dialog.setFields(QStringLiteral("admin"), QStringLiteral("Head of IT"), kTestPassword, kTestPassword);
        dialog.accept();
        EXPECT_EQ(dialog.result(), QDialog::Accepted);
        EXPECT_TRUE(dialog.problemText().isEmpty()) << dialog.problemText().toStdString();
        EXPECT_EQ(dialog.administrator().role, Role::Admin);
        return dialog.result();
    };
    const auto signIn = [&shownName](SignInDialog &dialog) {
        shownName = dialog.operatorName(); // the name just created is filled in
        dialog.setPassword(kTestPassword);
        dialog.accept();
        return dialog.result();
    };
    const Result<std::optional<Session>> session = runSignIn(first, signIn);
    ASSERT_TRUE(session.ok()) << session.error().message.toStdString();
    ASSERT_TRUE(session.value().has_value());
    EXPECT_EQ(m_firstShown, 1);
    EXPECT_EQ(m_signInShown, 1);
    EXPECT_EQ(shownName, QStringLiteral("admin"));
    EXPECT_EQ(session.value()->name, QStringLiteral("admin"));
    EXPECT_EQ(session.value()->role, Role::Admin);
    EXPECT_EQ(AuthService::hasOperators(db()).value(), true);
    AuditFilter signIns;
    signIns.action = QStringLiteral("sign-in");
    EXPECT_EQ(AuditLog::count(db(), auditReader(), signIns).value(), 1);
}

TEST_F(SignInTest, CancellingTheFirstAdministratorCreatesNothing)
{
    const Result<std::optional<Session>> session = runSignIn(
        [](FirstAdministratorDialog &dialog) {
            dialog.reject();
            return dialog.result();
        },
        nullptr);
    ASSERT_TRUE(session.ok());
    EXPECT_FALSE(session.value().has_value());
    EXPECT_EQ(m_signInShown, 0);
    EXPECT_FALSE(AuthService::hasOperators(db()).value());
}

TEST_F(SignInTest, RightPasswordGivesASessionAndTheStatusBarNamesOperatorAndRole)
{
    makeOperator(db(), QStringLiteral("anna"), Role::Officer);
    const Result<std::optional<Session>> session = runSignIn(nullptr, [](SignInDialog &dialog) {
        dialog.setOperatorName(QStringLiteral("anna"));
        dialog.setPassword(QStringLiteral("not-the-password"));
        dialog.accept();
        EXPECT_EQ(dialog.result(), QDialog::Rejected);
        EXPECT_EQ(dialog.errorText(),
                  QStringLiteral("Wrong operator name or password, or the account is locked or deactivated."));
        dialog.setPassword(kTestPassword);
        dialog.accept();
        EXPECT_TRUE(dialog.errorText().isEmpty());
        return dialog.result();
    });
    ASSERT_TRUE(session.ok());
    ASSERT_TRUE(session.value().has_value());
    EXPECT_EQ(m_firstShown, 0);
    const Session &signedIn = *session.value();
    EXPECT_TRUE(signedIn.isValid());
    EXPECT_EQ(signedIn.name, QStringLiteral("anna"));
    EXPECT_EQ(signedIn.role, Role::Officer);
    EXPECT_EQ(QSettings().value(QStringLiteral("SignIn/operator")).toString(), QStringLiteral("anna"));

    MainWindow window(m_testDatabase.database(), signedIn);
    auto *label = window.findChild<QLabel *>(QStringLiteral("operatorLabel"));
    ASSERT_NE(label, nullptr);
    EXPECT_EQ(label->text(), QStringLiteral("Operator: anna (officer)"));

    // The name is remembered for the next start.
    SignInDialog next(db());
    EXPECT_EQ(next.operatorName(), QStringLiteral("anna"));
}

TEST_F(SignInTest, FiveWrongPasswordsLockTheOperatorOut)
{
    makeOperator(db(), QStringLiteral("boris"), Role::Agent);
    const Result<std::optional<Session>> session = runSignIn(nullptr, [](SignInDialog &dialog) {
        dialog.setOperatorName(QStringLiteral("boris"));
        for (int attempt = 1; attempt <= 5; ++attempt) {
            dialog.setPassword(QStringLiteral("wrong-password-%1").arg(attempt));
            dialog.accept();
            EXPECT_EQ(dialog.result(), QDialog::Rejected) << attempt;
        }
        const QString refusal = dialog.errorText();
        dialog.setPassword(kTestPassword);
        dialog.accept();
        EXPECT_EQ(dialog.result(), QDialog::Rejected) << "locked: even the right password is refused";
        EXPECT_EQ(dialog.errorText(), refusal) << "and in the same words, which tell a guesser nothing";
        dialog.reject(); // Cancel quits the program
        return dialog.result();
    });
    ASSERT_TRUE(session.ok());
    EXPECT_FALSE(session.value().has_value());
    QSqlDatabase connection = db().connection();
    const Result<QVariant> locked =
        sql::scalar(connection, QStringLiteral("SELECT COALESCE(locked_until, '') FROM operators WHERE name = 'boris'"),
                    {}, "test");
    ASSERT_TRUE(locked.ok());
    EXPECT_FALSE(locked.value().toString().isEmpty()) << "five wrong passwords locked the account";
}

TEST_F(SignInTest, AnEmptyNameIsAskedForInline)
{
    makeOperator(db(), QStringLiteral("anna"), Role::Officer);
    SignInDialog dialog(db());
    dialog.setOperatorName(QString());
    dialog.setPassword(kTestPassword);
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Rejected);
    EXPECT_EQ(dialog.errorText(), QStringLiteral("Enter your operator name."));
}

} // namespace

} // namespace pd::test
