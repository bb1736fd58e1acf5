// Personal data given to the command line stays out of stderr, and can stay out of the arguments too (which every
// local user reads in ps): values on standard input or from a file, a request's details from JSON, the database
// password from PGPASSFILE.
#include "CliRunner.h"
#include "ServiceFixture.h"

#include "app/storage/Dialect.h"
#include "app/storage/DriverMessages.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace pd;
using namespace pd::test;

namespace {

const QString kRefusedValue = QStringLiteral("refused.value.4711@example.org");

class CliPersonalDataTest : public ServiceFixture
{
protected:
    CliRun cli(const char *operatorName, const char *password, QStringList arguments,
               const QByteArray &input = QByteArray())
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PRIVACYDESK_PASSWORD"), QLatin1String(password));
        arguments.prepend(QLatin1String(operatorName));
        arguments.prepend(QStringLiteral("--operator"));
        arguments.prepend(testDatabase().url());
        arguments.prepend(QStringLiteral("--db"));
        return runCli(arguments, environment, input);
    }
    CliRun agent(const QStringList &arguments, const QByteArray &input = QByteArray())
    {
        return cli("agent", "agent-demo-2026", arguments, input);
    }
    QString email(qint64 subject)
    {
        return scalar(QStringLiteral("SELECT email FROM subjects WHERE id = ?"), {subject}).toString();
    }
    /// Makes the database itself refuse one value, as a constraint of a stricter setup would.
    void refuseInTheDatabase(const QString &value)
    {
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        if (dialectOf(db()) == Dialect::PostgreSQL) {
            ASSERT_TRUE(query.exec(QStringLiteral("ALTER TABLE pd_items ADD CONSTRAINT test_refused_value "
                                                  "CHECK (value <> '%1')")
                                       .arg(value)));
        } else {
            ASSERT_TRUE(query.exec(QStringLiteral("CREATE TRIGGER test_refused_value BEFORE UPDATE ON pd_items "
                                                  "WHEN NEW.value = '%1' BEGIN SELECT RAISE(ABORT, 'refused'); END")
                                       .arg(value)));
        }
    }
};

TEST_P(CliPersonalDataTest, AValueOnStandardInputOrFromAFileCorrectsWithoutAppearingInTheArguments)
{
    const Target target = activeSubject();
    const QString id = QString::number(target.subject);
    const CliRun fromInput = agent({QStringLiteral("subject"), QStringLiteral("correct"), id, QStringLiteral("email"),
                                    QStringLiteral("-"), QStringLiteral("--reason"), QStringLiteral("typo")},
                                   "from.standard.input@example.org\n");
    ASSERT_EQ(fromInput.exitCode, 0) << fromInput.err.toStdString();
    EXPECT_EQ(email(target.subject), QStringLiteral("from.standard.input@example.org"));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("value.txt"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("from.a.file@example.org\r\n");
    file.close();
    const CliRun fromFile =
        agent({QStringLiteral("subject"), QStringLiteral("correct"), id, QStringLiteral("email"),
               QStringLiteral("--value-file"), path, QStringLiteral("--reason"), QStringLiteral("typo")});
    ASSERT_EQ(fromFile.exitCode, 0) << fromFile.err.toStdString();
    EXPECT_EQ(email(target.subject), QStringLiteral("from.a.file@example.org"));
}

TEST_P(CliPersonalDataTest, NoFailingPathRepeatsTheValueOnStderr)
{
    const Target target = activeSubject();
    const QString id = QString::number(target.subject);
    struct Failure
    {
        const char *what;
        CliRun run;
        QString value;
    };
    QList<Failure> failures;

    // The service refuses a value.
    failures.append({"a value that is not an e-mail",
                     agent({QStringLiteral("subject"), QStringLiteral("correct"), id, QStringLiteral("email"),
                            QStringLiteral("-"), QStringLiteral("--reason"), QStringLiteral("typo")},
                           "no-at-sign.secret-local-part\n"),
                     QStringLiteral("no-at-sign.secret-local-part")});
    // The database refuses a value (PostgreSQL's own message quotes the failing row).
    refuseInTheDatabase(kRefusedValue);
    failures.append({"a value the database refuses",
                     agent({QStringLiteral("subject"), QStringLiteral("correct"), id, QStringLiteral("email"),
                            QStringLiteral("-"), QStringLiteral("--reason"), QStringLiteral("typo")},
                           kRefusedValue.toUtf8()),
                     kRefusedValue});
    // A request's details, from JSON, with a bad e-mail.
    failures.append(
        {"a request with a bad e-mail",
         agent({QStringLiteral("request"), QStringLiteral("add"), QStringLiteral("--from"), QStringLiteral("-")},
               R"({"type": "access", "regime": "gdpr", "name": "Zinaida Secretova",
                               "email": "zinaida at nowhere", "new_subject": true})"),
         QStringLiteral("zinaida at nowhere")});
    // A date of birth that is not a date, in the arguments.
    failures.append(
        {"a date of birth that is not a date",
         agent({QStringLiteral("request"), QStringLiteral("add"), QStringLiteral("--type"), QStringLiteral("access"),
                QStringLiteral("--regime"), QStringLiteral("gdpr"), QStringLiteral("--name"),
                QStringLiteral("Zinaida Secretova"), QStringLiteral("--birth-date"), QStringLiteral("31.02.1985")}),
         QStringLiteral("31.02.1985")});

    for (const Failure &failure : failures) {
        EXPECT_NE(failure.run.exitCode, 0) << failure.what;
        EXPECT_FALSE(failure.run.err.isEmpty()) << failure.what << ": the failure is said";
        EXPECT_FALSE(failure.run.err.contains(failure.value))
            << failure.what << ": stderr repeats the value: " << failure.run.err.toStdString();
        EXPECT_FALSE(failure.run.err.contains(QStringLiteral("Secretova"))) << failure.what;
        EXPECT_FALSE(failure.run.err.contains(target.email)) << failure.what;
    }
    EXPECT_NE(email(target.subject), kRefusedValue);
    EXPECT_TRUE(failures.at(1).run.err.contains(QStringLiteral("correcting the item failed")))
        << failures.at(1).run.err.toStdString();
}

TEST_P(CliPersonalDataTest, ARequestsDetailsComeFromJson)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("request.json"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(R"({"type": "erasure", "regime": "by-99z", "name": "Алесь Навіцкі", "email": "ales@example.by",
                  "address": "Minsk, Nezavisimosti 1", "birth_date": "1980-05-04", "new_subject": true})");
    file.close();
    const CliRun added = agent({QStringLiteral("request"), QStringLiteral("add"), QStringLiteral("--from"), path});
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    const qint64 id = added.out.trimmed().toLongLong();
    ASSERT_GT(id, 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT requester_name FROM requests WHERE id = ?"), {id}).toString(),
              QStringLiteral("Алесь Навіцкі"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT requester_birth_date FROM requests WHERE id = ?"), {id}).toString(),
              QStringLiteral("1980-05-04"));
    const CliRun unknown =
        agent({QStringLiteral("request"), QStringLiteral("add"), QStringLiteral("--from"), QStringLiteral("-")},
              R"({"type": "access", "regime": "gdpr", "nickname": "z"})");
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("unknown key 'nickname'"))) << unknown.err.toStdString();
}

/// The database's password: PostgreSQL only (an SQLite URL has none).
class CliDatabasePasswordTest : public CliPersonalDataTest
{
};

TEST_P(CliDatabasePasswordTest, APasswordInTheDatabaseUrlIsWarnedAbout)
{
    QString url = testDatabase().url();
    url.replace(QStringLiteral("postgresql://postgres@"), QStringLiteral("postgresql://postgres:not-needed@"));
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PRIVACYDESK_PASSWORD"), QStringLiteral("agent-demo-2026"));
    const CliRun run = runCli({QStringLiteral("--db"), url, QStringLiteral("--operator"), QStringLiteral("agent"),
                               QStringLiteral("subjects"), QStringLiteral("search"), QStringLiteral("x")},
                              environment);
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("PGPASSFILE"))) << run.err.toStdString();
    EXPECT_FALSE(run.err.contains(QStringLiteral("not-needed")));
}

TEST_P(CliDatabasePasswordTest, TheDatabasePasswordCanComeFromPgpassfile)
{
    // scripts/pg-server.sh makes this role give its password (scram-sha-256); every other role is trusted.
    QSqlDatabase connection = db().connection();
    QSqlQuery query(connection);
    ASSERT_TRUE(query.exec(QStringLiteral(
        "DO $$ BEGIN CREATE ROLE pd_password_user LOGIN PASSWORD 'pgpass-secret-1'; "
        "EXCEPTION WHEN duplicate_object THEN ALTER ROLE pd_password_user LOGIN PASSWORD 'pgpass-secret-1'; END $$")));
    ASSERT_TRUE(query.exec(QStringLiteral("GRANT ALL ON ALL TABLES IN SCHEMA public TO pd_password_user")));
    ASSERT_TRUE(query.exec(QStringLiteral("GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO pd_password_user")));
    QString url = testDatabase().url();
    url.replace(QStringLiteral("postgresql://postgres@"), QStringLiteral("postgresql://pd_password_user@"));
    const QStringList arguments = {QStringLiteral("--db"),       url,
                                   QStringLiteral("--operator"), QStringLiteral("agent"),
                                   QStringLiteral("subjects"),   QStringLiteral("search"),
                                   QStringLiteral("x")};
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PRIVACYDESK_PASSWORD"), QStringLiteral("agent-demo-2026"));
    environment.insert(QStringLiteral("PGPASSFILE"), QStringLiteral("/nonexistent/pgpass"));
    const CliRun without = runCli(arguments, environment);
    ASSERT_EQ(without.exitCode, 1) << "the server asks this role for a password: " << without.err.toStdString();

    QTemporaryDir dir;
    const QString pgpass = dir.filePath(QStringLiteral("pgpass"));
    QFile file(pgpass);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("*:*:*:pd_password_user:pgpass-secret-1\n");
    file.close();
    ASSERT_TRUE(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)); // libpq insists
    environment.insert(QStringLiteral("PGPASSFILE"), pgpass);
    const CliRun with = runCli(arguments, environment);
    EXPECT_EQ(with.exitCode, 0) << with.err.toStdString();
    EXPECT_FALSE(with.err.contains(QStringLiteral("pgpass-secret-1")));
}

TEST(DriverMessages, WarningsThatQuoteTheServersErrorAreWithheld)
{
    EXPECT_TRUE(isWithheldDriverMessage("Unable to free statement: ERROR:  current transaction is aborted"));
    EXPECT_TRUE(isWithheldDriverMessage("ERROR: new row violates check constraint\nDETAIL: Failing row contains (x)"));
    EXPECT_TRUE(isWithheldDriverMessage("QPSQL: Unable to create query"));
    EXPECT_FALSE(isWithheldDriverMessage("QStandardPaths: XDG_RUNTIME_DIR not set"));
}

} // namespace

PD_INSTANTIATE_FOR_BACKENDS(CliPersonalDataTest);
INSTANTIATE_TEST_SUITE_P(Backends, CliDatabasePasswordTest, ::testing::Values(Backend::PostgreSQL), backendTestName);
