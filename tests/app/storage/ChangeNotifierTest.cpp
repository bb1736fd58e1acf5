#include "ServiceFixture.h"

#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/subjects/RestrictionService.h"

#include <QSignalSpy>

using namespace pd;
using namespace pd::test;

TEST(ChangeNotifier, AnotherWorkstationHearsAChange)
{
    TestDatabase test(Backend::PostgreSQL);
    if (test.notConfigured()) {
        GTEST_SKIP() << test.reason().toStdString();
    }
    ASSERT_TRUE(test.database()) << test.reason().toStdString();
    // Workstation A listens; workstation B (its own Database and connection) changes a subject.
    Result<std::shared_ptr<Database>> other = Database::open(DatabaseUrl::parse(test.url()).value());
    ASSERT_TRUE(other.ok());
    DemoGenerator::Options options;
    options.subjects = 5;
    options.requests = 0;
    ASSERT_TRUE(DemoGenerator::generate(*other.value(), options).ok());

    ChangeNotifier listener(*test.database());
    QSignalSpy heard(&listener, &ChangeNotifier::changed);
    QSqlDatabase b = other.value()->connection();
    QSqlQuery query(b);
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT s.id, s.version FROM subjects s WHERE state = 'active' LIMIT 1")));
    ASSERT_TRUE(query.next());
    const qint64 id = query.value(0).toLongLong();
    const int version = query.value(1).toInt();
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT id FROM operators WHERE name = 'agent'")) && query.next());
    const Session agent{query.value(0).toLongLong(), QStringLiteral("agent"), Role::Agent};
    ASSERT_TRUE(
        RestrictionService::block(*other.value(), agent, {id, version, {}, QStringLiteral("disputed"), {}, {}}).ok());

    ASSERT_TRUE(heard.wait(5000)) << "no notification arrived";
    EXPECT_EQ(heard.first().first().toString(), QStringLiteral("subjects"));
}

TEST(ChangeNotifier, OnSQLiteThisProcessHearsItsOwnChanges)
{
    TestDatabase test(Backend::SQLite);
    ASSERT_TRUE(test.database());
    ChangeNotifier listener(*test.database());
    QSignalSpy heard(&listener, &ChangeNotifier::changed);
    QSqlDatabase db = test.database()->connection();
    ChangeNotifier::notify(db, QStringLiteral("requests"));
    ASSERT_TRUE(heard.wait(2000));
    EXPECT_EQ(heard.first().first().toString(), QStringLiteral("requests"));
}
