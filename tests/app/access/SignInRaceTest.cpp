// Parallel guesses at one account on PostgreSQL: another workstation holds the operator's row while guesses start
// on several threads, then lets go. Each failure must count (failed_attempts is increased in the row, not written
// back from what was read) and the lock-out must stop the guesses after the allowed number.
#include "Interleaving.h"
#include "TestDatabase.h"
#include "TestEnvironment.h"

#include "app/access/AuthService.h"
#include "app/storage/Sql.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QTest>

#include <memory>
#include <vector>

using namespace pd;
using namespace pd::test;

namespace {

class SignInRaceTest : public BackendTest
{
protected:
    qint64 count(const QString &statement)
    {
        QSqlDatabase connection = db().connection();
        Result<QVariant> value = sql::scalar(connection, statement, {}, "test");
        EXPECT_TRUE(value.ok());
        return value ? value.value().toLongLong() : -1;
    }
};

TEST_P(SignInRaceTest, ParallelWrongPasswordsAllCountAndTheLockOutHolds)
{
    ASSERT_TRUE(AuthService::addOperator(db(), Session(), QStringLiteral("root"), Role::Admin,
                                         QStringLiteral("root-password-1"))
                    .ok());
    constexpr int kGuesses = 8; // the default lock-out is after 5
    SecondWorkstation other(testDatabase().url());
    ASSERT_TRUE(other.ok()) << other.lastError().toStdString();
    ASSERT_TRUE(other.exec(QStringLiteral("SELECT id FROM operators WHERE name = 'root' FOR UPDATE")));

    std::vector<Result<Session>> outcomes(kGuesses, Result<Session>(makeError(ErrorCode::Storage, QString())));
    std::vector<std::unique_ptr<WorkerThread>> guessers;
    for (int i = 0; i < kGuesses; ++i) {
        guessers.push_back(std::make_unique<WorkerThread>(db(), [&, i] {
            outcomes[std::size_t(i)] =
                AuthService::signIn(db(), QStringLiteral("root"), QStringLiteral("guess-%1-xx").arg(i));
        }));
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return lockWaiters(db()) >= kGuesses; }, 30000))
        << "every guess waits for the operator's row";
    ASSERT_TRUE(other.rollback());
    for (auto &guesser : guessers) {
        ASSERT_TRUE(guesser->wait(60000));
    }
    for (const Result<Session> &outcome : outcomes) {
        EXPECT_FALSE(outcome.ok());
        EXPECT_EQ(outcome.error().code, ErrorCode::PermissionDenied);
    }
    // Five wrong passwords were checked and locked the account; the three after them met the lock.
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'sign-in.failed' "
                                   "AND details LIKE 'wrong password %'")),
              5);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'operator.locked'")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'sign-in.failed' "
                                   "AND details = 'account locked'")),
              kGuesses - 5);
    QSqlDatabase connection = db().connection();
    Result<QVariant> until =
        sql::scalar(connection, QStringLiteral("SELECT locked_until FROM operators WHERE name = 'root'"), {}, "t");
    ASSERT_TRUE(until.ok());
    EXPECT_GT(sql::parseTimestamp(until.value().toString()), QDateTime::currentDateTimeUtc());
}

INSTANTIATE_TEST_SUITE_P(Backends, SignInRaceTest, ::testing::Values(Backend::PostgreSQL), backendTestName);

} // namespace
