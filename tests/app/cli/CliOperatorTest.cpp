#include "CliRunner.h"
#include "ServiceFixture.h"

using namespace pd;
using namespace pd::test;

class CliOperatorTest : public ServiceFixture
{
protected:
    CliRun cli(const char *operatorName, const char *password, QStringList arguments,
               const QString &newPassword = QString())
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PRIVACYDESK_PASSWORD"), QLatin1String(password));
        if (!newPassword.isEmpty()) {
            environment.insert(QStringLiteral("PRIVACYDESK_NEW_PASSWORD"), newPassword);
        }
        arguments.prepend(QLatin1String(operatorName));
        arguments.prepend(QStringLiteral("--operator"));
        arguments.prepend(testDatabase().url());
        arguments.prepend(QStringLiteral("--db"));
        return runCli(arguments, environment);
    }
    CliRun admin(const QStringList &arguments, const QString &newPassword = QString())
    {
        return cli("admin", "admin-demo-2026", arguments, newPassword);
    }
    CliRun signInAs(const char *name, const char *password)
    {
        return cli(name, password, {QStringLiteral("subjects"), QStringLiteral("search"), QStringLiteral("x")});
    }
};

TEST_P(CliOperatorTest, AnAdministratorManagesAccountsFromTheCommandLine)
{
    const CliRun deactivated =
        admin({QStringLiteral("operator"), QStringLiteral("deactivate"), QStringLiteral("agent")});
    ASSERT_EQ(deactivated.exitCode, 0) << deactivated.err.toStdString();
    EXPECT_EQ(signInAs("agent", "agent-demo-2026").exitCode, 1);
    ASSERT_EQ(admin({QStringLiteral("operator"), QStringLiteral("activate"), QStringLiteral("agent")}).exitCode, 0);
    EXPECT_EQ(signInAs("agent", "agent-demo-2026").exitCode, 0);

    const CliRun reset = admin({QStringLiteral("operator"), QStringLiteral("reset-password"), QStringLiteral("agent")},
                               QStringLiteral("agent-new-password"));
    ASSERT_EQ(reset.exitCode, 0) << reset.err.toStdString();
    EXPECT_EQ(signInAs("agent", "agent-demo-2026").exitCode, 1);
    EXPECT_EQ(signInAs("agent", "agent-new-password").exitCode, 0);

    for (int i = 0; i < 5; ++i) {
        signInAs("agent", "a-wrong-password");
    }
    EXPECT_EQ(signInAs("agent", "agent-new-password").exitCode, 1) << "locked out";
    ASSERT_EQ(admin({QStringLiteral("operator"), QStringLiteral("unlock"), QStringLiteral("agent")}).exitCode, 0);
    EXPECT_EQ(signInAs("agent", "agent-new-password").exitCode, 0);

    const CliRun promoted = admin({QStringLiteral("operator"), QStringLiteral("set-role"), QStringLiteral("agent"),
                                   QStringLiteral("--role"), QStringLiteral("officer")});
    ASSERT_EQ(promoted.exitCode, 0) << promoted.err.toStdString();
    EXPECT_TRUE(promoted.out.contains(QStringLiteral("agent is now officer")));
    EXPECT_EQ(scalar(QStringLiteral("SELECT role FROM operators WHERE name = 'agent'")).toString(),
              QStringLiteral("officer"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'operator.%' "
                                    "AND action <> 'operator.add' AND action <> 'operator.locked'"))
                  .toInt(),
              5);
}

TEST_P(CliOperatorTest, TheLastAdministratorStaysAndOnlyAdministratorsManage)
{
    const CliRun demoted = admin({QStringLiteral("operator"), QStringLiteral("set-role"), QStringLiteral("admin"),
                                  QStringLiteral("--role"), QStringLiteral("auditor")});
    EXPECT_EQ(demoted.exitCode, 1);
    EXPECT_TRUE(demoted.err.contains(QStringLiteral("last active administrator"))) << demoted.err.toStdString();
    EXPECT_EQ(admin({QStringLiteral("operator"), QStringLiteral("deactivate"), QStringLiteral("admin")}).exitCode, 1);
    const CliRun byOfficer = cli("officer", "officer-demo-2026",
                                 {QStringLiteral("operator"), QStringLiteral("unlock"), QStringLiteral("agent")});
    EXPECT_EQ(byOfficer.exitCode, 1);
    const CliRun missing = admin({QStringLiteral("operator"), QStringLiteral("set-role"), QStringLiteral("agent")});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("--role"))) << missing.err.toStdString();
}

TEST_P(CliOperatorTest, SettingsOutsideTheirBoundsAreRefusedNamingTheBounds)
{
    const CliRun zero = admin(
        {QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("lockout_attempts"), QStringLiteral("0")});
    EXPECT_EQ(zero.exitCode, 2);
    EXPECT_TRUE(zero.err.contains(QStringLiteral("from 3 to 20"))) << zero.err.toStdString();
    const CliRun tooLong = admin({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("lockout_minutes"),
                                  QStringLiteral("2147483647")});
    EXPECT_EQ(tooLong.exitCode, 2);
    EXPECT_TRUE(tooLong.err.contains(QStringLiteral("from 1 to 1440"))) << tooLong.err.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM settings WHERE key IN ('lockout_attempts', "
                                    "'lockout_minutes')"))
                  .toInt(),
              0);
    const CliRun fine = admin(
        {QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("lockout_attempts"), QStringLiteral("7")});
    ASSERT_EQ(fine.exitCode, 0) << fine.err.toStdString();
    EXPECT_TRUE(fine.out.contains(QStringLiteral("lockout_attempts = 7")));
}

PD_INSTANTIATE_FOR_BACKENDS(CliOperatorTest);
