#include "TestDatabase.h"

#include "app/access/AuthService.h"
#include "app/access/Settings.h"
#include "app/storage/Sql.h"

#include <QSqlQuery>

using namespace pd;
using namespace pd::test;

class AuthTest : public BackendTest
{
protected:
    Session addFirstAdmin()
    {
        Result<Session> admin = AuthService::addOperator(db(), Session(), QStringLiteral("root"), Role::Admin,
                                                         QStringLiteral("root-password-1"));
        EXPECT_TRUE(admin.ok()) << admin.error().message.toStdString();
        return admin ? admin.value() : Session();
    }

    QString auditText()
    {
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        EXPECT_TRUE(query.exec(QStringLiteral("SELECT action, object_id, reason, fields, details FROM audit_log")));
        QString all;
        while (query.next()) {
            for (int i = 0; i < 5; ++i) {
                all += query.value(i).toString() + QLatin1Char('|');
            }
        }
        return all;
    }
};

TEST_P(AuthTest, FirstOperatorIsAnAdministratorCreatedWithoutSigningIn)
{
    EXPECT_FALSE(AuthService::hasOperators(db()).value());
    Result<Session> notAdmin = AuthService::addOperator(db(), Session(), QStringLiteral("first"), Role::Officer,
                                                        QStringLiteral("long-enough-1"));
    ASSERT_FALSE(notAdmin.ok());
    EXPECT_TRUE(notAdmin.error().message.contains(QStringLiteral("administrator")));

    const Session admin = addFirstAdmin();
    EXPECT_EQ(admin.role, Role::Admin);
    EXPECT_TRUE(AuthService::hasOperators(db()).value());

    // Now adding needs an administrator.
    Result<Session> anonymous =
        AuthService::addOperator(db(), Session(), QStringLiteral("x1"), Role::Agent, QStringLiteral("long-enough-1"));
    ASSERT_FALSE(anonymous.ok());
    EXPECT_EQ(anonymous.error().code, ErrorCode::PermissionDenied);
    Result<Session> agent = AuthService::addOperator(db(), admin, QStringLiteral("agent1"), Role::Agent,
                                                     QStringLiteral("agent-password-1"));
    ASSERT_TRUE(agent.ok()) << agent.error().message.toStdString();
    Result<Session> byAgent = AuthService::addOperator(db(), agent.value(), QStringLiteral("x2"), Role::Officer,
                                                       QStringLiteral("long-enough-1"));
    ASSERT_FALSE(byAgent.ok());
    EXPECT_EQ(byAgent.error().code, ErrorCode::PermissionDenied);
    Result<Session> twice = AuthService::addOperator(db(), admin, QStringLiteral("agent1"), Role::Agent,
                                                     QStringLiteral("agent-password-1"));
    ASSERT_FALSE(twice.ok());
    EXPECT_TRUE(twice.error().message.contains(QStringLiteral("already exists")));
}

TEST_P(AuthTest, PasswordsAreStoredAsArgon2idHashesOnly)
{
    addFirstAdmin();
    QSqlDatabase connection = db().connection();
    Result<QVariant> hash = sql::scalar(connection, QStringLiteral("SELECT password_hash FROM operators"), {}, "t");
    ASSERT_TRUE(hash.ok());
    EXPECT_TRUE(hash.value().toString().startsWith(QStringLiteral("$argon2id$")));
    EXPECT_FALSE(hash.value().toString().contains(QStringLiteral("root-password-1")));
    EXPECT_FALSE(auditText().contains(QStringLiteral("root-password-1")));
}

TEST_P(AuthTest, SignInChecksThePasswordAndTellsNothingMore)
{
    addFirstAdmin();
    Result<Session> ok = AuthService::signIn(db(), QStringLiteral("root"), QStringLiteral("root-password-1"));
    ASSERT_TRUE(ok.ok()) << ok.error().message.toStdString();
    EXPECT_EQ(ok->name, QStringLiteral("root"));
    EXPECT_EQ(ok->role, Role::Admin);

    Result<Session> wrong = AuthService::signIn(db(), QStringLiteral("root"), QStringLiteral("nope-nope-nope"));
    Result<Session> unknown = AuthService::signIn(db(), QStringLiteral("nobody"), QStringLiteral("nope-nope-nope"));
    ASSERT_FALSE(wrong.ok());
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(wrong.error().message, unknown.error().message) << "an unknown name must read like a wrong password";
    EXPECT_EQ(wrong.error().code, ErrorCode::PermissionDenied);
    EXPECT_FALSE(auditText().contains(QStringLiteral("nope-nope-nope")));
}

TEST_P(AuthTest, FiveWrongPasswordsLockTheAccount)
{
    addFirstAdmin();
    for (int i = 1; i <= 4; ++i) {
        Result<Session> wrong = AuthService::signIn(db(), QStringLiteral("root"), QStringLiteral("guess-%1-xx").arg(i));
        ASSERT_FALSE(wrong.ok());
        EXPECT_FALSE(wrong.error().message.contains(QStringLiteral("locked"))) << i;
    }
    Result<Session> fifth = AuthService::signIn(db(), QStringLiteral("root"), QStringLiteral("guess-5-xx"));
    ASSERT_FALSE(fifth.ok());
    EXPECT_TRUE(fifth.error().message.contains(QStringLiteral("locked for 15 minutes")))
        << fifth.error().message.toStdString();

    // Locked: even the right password is refused.
    Result<Session> right = AuthService::signIn(db(), QStringLiteral("root"), QStringLiteral("root-password-1"));
    ASSERT_FALSE(right.ok());
    EXPECT_TRUE(right.error().message.contains(QStringLiteral("locked until"))) << right.error().message.toStdString();
    EXPECT_TRUE(auditText().contains(QStringLiteral("operator.locked")));

    // Once the lock has run out, the right password works again.
    QSqlDatabase connection = db().connection();
    QSqlQuery query(connection);
    ASSERT_TRUE(query.exec(QStringLiteral("UPDATE operators SET locked_until = '2000-01-01T00:00:00Z'")));
    EXPECT_TRUE(AuthService::signIn(db(), QStringLiteral("root"), QStringLiteral("root-password-1")).ok());
}

TEST_P(AuthTest, LockOutFollowsTheSettings)
{
    const Session admin = addFirstAdmin();
    ASSERT_TRUE(Settings::setValue(db(), admin, Settings::Key::LockoutAttempts, 2).ok());
    ASSERT_TRUE(Settings::setValue(db(), admin, Settings::Key::LockoutMinutes, 60).ok());
    EXPECT_FALSE(AuthService::signIn(db(), QStringLiteral("root"), QStringLiteral("guess-1-xx")).ok());
    Result<Session> second = AuthService::signIn(db(), QStringLiteral("root"), QStringLiteral("guess-2-xx"));
    ASSERT_FALSE(second.ok());
    EXPECT_TRUE(second.error().message.contains(QStringLiteral("locked for 60 minutes")));
    // Only administrators change settings.
    EXPECT_FALSE(
        Settings::setValue(db(), Session{9, QStringLiteral("o"), Role::Officer}, Settings::Key::LockoutAttempts, 1)
            .ok());
}

TEST_P(AuthTest, WeakPasswordsAndBadNamesAreRefused)
{
    EXPECT_FALSE(
        AuthService::addOperator(db(), Session(), QStringLiteral("root"), Role::Admin, QStringLiteral("short")).ok());
    EXPECT_FALSE(AuthService::addOperator(db(), Session(), QStringLiteral("Root Admin"), Role::Admin,
                                          QStringLiteral("long-enough-1"))
                     .ok());
    EXPECT_FALSE(AuthService::hasOperators(db()).value());
}

PD_INSTANTIATE_FOR_BACKENDS(AuthTest);
