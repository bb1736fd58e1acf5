#include "ServiceFixture.h"

#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/subjects/ConsentService.h"
#include "app/subjects/SubjectService.h"

#include <QSignalSpy>

using namespace pd;
using namespace pd::test;

class ConsentTest : public ServiceFixture
{
};

TEST_P(ConsentTest, GivingAndWithdrawingAreRecordedAndAudited)
{
    const Target target = activeSubject();
    Result<qint64> given = ConsentService::give(db(), as("agent"),
                                                {target.subject,
                                                 QStringLiteral("info-projects"),
                                                 QStringLiteral("2026-04-27"),
                                                 QStringLiteral("web form"),
                                                 {}});
    ASSERT_TRUE(given.ok()) << given.error().message.toStdString();
    Status withdrawn = ConsentService::withdraw(db(), as("agent"), given.value(), QStringLiteral("by e-mail"), 4);
    ASSERT_TRUE(withdrawn.ok()) << withdrawn.error().message.toStdString();
    EXPECT_FALSE(
        scalar(QStringLiteral("SELECT withdrawn_at FROM consents WHERE id = ?"), {given.value()}).toString().isEmpty());
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'consent.%' AND subject_id = ?"),
                     {target.subject})
                  .toInt(),
              2);
    EXPECT_FALSE(ConsentService::withdraw(db(), as("agent"), given.value(), QStringLiteral("again"), {}).ok());
}

TEST_P(ConsentTest, OnlyConsentPurposesAndAllowedRolesTakeConsents)
{
    const Target target = activeSubject();
    Result<qint64> contract = ConsentService::give(
        db(), as("agent"), {target.subject, QStringLiteral("registration"), QStringLiteral("1"), QString(), {}});
    ASSERT_FALSE(contract.ok());
    EXPECT_TRUE(contract.error().message.contains(QStringLiteral("not on consent")));
    Result<qint64> auditor = ConsentService::give(
        db(), as("auditor"), {target.subject, QStringLiteral("info-projects"), QStringLiteral("1"), QString(), {}});
    ASSERT_FALSE(auditor.ok());
    EXPECT_EQ(auditor.error().code, ErrorCode::PermissionDenied);
}

PD_INSTANTIATE_FOR_BACKENDS(ConsentTest);

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
        SubjectService::block(*other.value(), agent, {id, version, {}, QStringLiteral("disputed"), {}, {}}).ok());

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
