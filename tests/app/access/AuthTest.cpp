#include "TestDatabase.h"

#include "app/access/AuthService.h"
#include "app/access/Settings.h"
#include "app/storage/Sql.h"

#include <QDateTime>
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

    QString lockedUntil()
    {
        return scalarText(QStringLiteral("SELECT COALESCE(locked_until, '') FROM operators WHERE name = 'root'"));
    }

    QString scalarText(const QString &statement)
    {
        QSqlDatabase connection = db().connection();
        Result<QVariant> value = sql::scalar(connection, statement, {}, "test");
        EXPECT_TRUE(value.ok());
        return value ? value.value().toString() : QString();
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
    const QString unknown =
        AuthService::signIn(db(), QStringLiteral("nobody"), QStringLiteral("guess-0-xx")).error().message;
    for (int i = 1; i <= 5; ++i) {
        Result<Session> wrong = AuthService::signIn(db(), QStringLiteral("root"), QStringLiteral("guess-%1-xx").arg(i));
        ASSERT_FALSE(wrong.ok());
        EXPECT_EQ(wrong.error().message, unknown) << "a guesser learns nothing from attempt " << i;
    }
    EXPECT_FALSE(lockedUntil().isEmpty());
    EXPECT_TRUE(auditText().contains(QStringLiteral("operator.locked")));

    // Locked: even the right password is refused, with the same words.
    Result<Session> right = AuthService::signIn(db(), QStringLiteral("root"), QStringLiteral("root-password-1"));
    ASSERT_FALSE(right.ok());
    EXPECT_EQ(right.error().message, unknown);
    EXPECT_TRUE(auditText().contains(QStringLiteral("account locked")));

    // Once the lock has run out, the right password works again.
    QSqlDatabase connection = db().connection();
    QSqlQuery query(connection);
    ASSERT_TRUE(query.exec(QStringLiteral("UPDATE operators SET locked_until = '2000-01-01T00:00:00Z'")));
    EXPECT_TRUE(AuthService::signIn(db(), QStringLiteral("root"), QStringLiteral("root-password-1")).ok());
}

TEST_P(AuthTest, LockOutFollowsTheSettings)
{
    const Session admin = addFirstAdmin();
    ASSERT_TRUE(Settings::setValue(db(), admin, Settings::Key::LockoutAttempts, 3).ok());
    ASSERT_TRUE(Settings::setValue(db(), admin, Settings::Key::LockoutMinutes, 60).ok());
    for (int i = 1; i <= 2; ++i) {
        EXPECT_FALSE(AuthService::signIn(db(), QStringLiteral("root"), QStringLiteral("guess-%1-xx").arg(i)).ok());
    }
    EXPECT_TRUE(lockedUntil().isEmpty()) << "two of three";
    EXPECT_FALSE(AuthService::signIn(db(), QStringLiteral("root"), QStringLiteral("guess-3-xx")).ok());
    const QDateTime until = sql::parseTimestamp(lockedUntil());
    EXPECT_GT(until, QDateTime::currentDateTimeUtc().addSecs(59 * 60));
    EXPECT_LE(until, QDateTime::currentDateTimeUtc().addSecs(60 * 60));
    // Only administrators change settings.
    EXPECT_FALSE(
        Settings::setValue(db(), Session{9, QStringLiteral("o"), Role::Officer}, Settings::Key::LockoutAttempts, 5)
            .ok());
}

TEST_P(AuthTest, SettingsOutsideTheirBoundsAreRefusedNamingTheBounds)
{
    const Session admin = addFirstAdmin();
    struct Case
    {
        Settings::Key key;
        int value;
        const char *bounds;
    };
    const Case cases[] = {
        {Settings::Key::LockoutAttempts, 0, "expected 3 to 20, got 0"},
        {Settings::Key::LockoutAttempts, 21, "expected 3 to 20"},
        {Settings::Key::LockoutMinutes, 2147483647, "expected 1 to 1440"},
        {Settings::Key::LockoutMinutes, 0, "expected 1 to 1440"},
        {Settings::Key::IdleLockMinutes, 0, "expected 1 to 240"},
        {Settings::Key::IdleLockMinutes, 241, "expected 1 to 240"},
        {Settings::Key::FourEyesThreshold, 0, "expected 1 to"},
        {Settings::Key::FourEyesAllDeletions, 2, "expected 0 to 1"},
        {Settings::Key::FourEyesWindowMinutes, 0, "expected 1 to 10080"},
    };
    for (const Case &c : cases) {
        const Status refused = Settings::setValue(db(), admin, c.key, c.value);
        ASSERT_FALSE(refused.ok()) << Settings::name(c.key).toStdString() << " " << c.value;
        EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
        EXPECT_TRUE(refused.error().message.contains(Settings::name(c.key))) << refused.error().message.toStdString();
        EXPECT_TRUE(refused.error().message.contains(QLatin1String(c.bounds))) << refused.error().message.toStdString();
        EXPECT_EQ(Settings::value(db(), c.key).value(), Settings::defaultValue(c.key)) << "nothing was stored";
    }
    // A value an older version stored is read within the bounds: one wrong password cannot lock anybody out.
    QSqlDatabase connection = db().connection();
    QSqlQuery query(connection);
    ASSERT_TRUE(query.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('lockout_attempts', '0')")));
    EXPECT_EQ(Settings::value(db(), Settings::Key::LockoutAttempts).value(), 3);
}

TEST_P(AuthTest, AdministratorsManageAccountsButNeverRemoveTheLastAdministrator)
{
    const Session root = addFirstAdmin();
    ASSERT_TRUE(
        AuthService::addOperator(db(), root, QStringLiteral("olga"), Role::Officer, QStringLiteral("olga-password-1"))
            .ok());
    // The last active administrator stays one.
    const Status demoted = AuthService::setRole(db(), root, QStringLiteral("root"), Role::Officer);
    ASSERT_FALSE(demoted.ok());
    EXPECT_TRUE(demoted.error().message.contains(QStringLiteral("last active administrator")));
    EXPECT_FALSE(AuthService::deactivate(db(), root, QStringLiteral("root")).ok());

    // Deactivated: refused like a wrong password; activated again: signs in.
    ASSERT_TRUE(AuthService::deactivate(db(), root, QStringLiteral("olga")).ok());
    const Result<Session> inactive =
        AuthService::signIn(db(), QStringLiteral("olga"), QStringLiteral("olga-password-1"));
    ASSERT_FALSE(inactive.ok());
    EXPECT_EQ(inactive.error().message,
              AuthService::signIn(db(), QStringLiteral("nobody"), QStringLiteral("x-x-x-x-x")).error().message);
    ASSERT_TRUE(AuthService::activate(db(), root, QStringLiteral("olga")).ok());
    EXPECT_TRUE(AuthService::signIn(db(), QStringLiteral("olga"), QStringLiteral("olga-password-1")).ok());

    // Locked out, then unlocked by an administrator.
    for (int i = 0; i < 5; ++i) {
        EXPECT_FALSE(AuthService::signIn(db(), QStringLiteral("olga"), QStringLiteral("guess-%1-xx").arg(i)).ok());
    }
    EXPECT_FALSE(AuthService::signIn(db(), QStringLiteral("olga"), QStringLiteral("olga-password-1")).ok());
    ASSERT_TRUE(AuthService::unlock(db(), root, QStringLiteral("olga")).ok());
    EXPECT_TRUE(AuthService::signIn(db(), QStringLiteral("olga"), QStringLiteral("olga-password-1")).ok());

    // A new password replaces the old one; a new role takes effect at the next sign-in.
    EXPECT_FALSE(AuthService::resetPassword(db(), root, QStringLiteral("olga"), QStringLiteral("short")).ok());
    ASSERT_TRUE(AuthService::resetPassword(db(), root, QStringLiteral("olga"), QStringLiteral("olga-password-2")).ok());
    EXPECT_FALSE(AuthService::signIn(db(), QStringLiteral("olga"), QStringLiteral("olga-password-1")).ok());
    ASSERT_TRUE(AuthService::setRole(db(), root, QStringLiteral("olga"), Role::Admin).ok());
    const Result<Session> olga = AuthService::signIn(db(), QStringLiteral("olga"), QStringLiteral("olga-password-2"));
    ASSERT_TRUE(olga.ok());
    EXPECT_EQ(olga->role, Role::Admin);
    // With a second administrator, root may step down.
    EXPECT_TRUE(AuthService::setRole(db(), root, QStringLiteral("root"), Role::Auditor).ok());

    // Only administrators manage accounts; each change is audited without the password.
    EXPECT_EQ(
        AuthService::unlock(db(), Session{2, QStringLiteral("x"), Role::Officer}, QStringLiteral("root")).error().code,
        ErrorCode::PermissionDenied);
    EXPECT_EQ(AuthService::unlock(db(), root, QStringLiteral("nobody")).error().code, ErrorCode::NotFound);
    const QString audit = auditText();
    for (const char *action : {"operator.deactivate", "operator.activate", "operator.unlock", "operator.reset-password",
                               "operator.set-role"}) {
        EXPECT_TRUE(audit.contains(QLatin1String(action))) << action;
    }
    EXPECT_FALSE(audit.contains(QStringLiteral("olga-password-2")));
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
