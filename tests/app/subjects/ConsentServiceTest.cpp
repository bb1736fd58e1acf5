#include "ServiceFixture.h"

#include "app/storage/Database.h"
#include "app/subjects/ConsentService.h"

using namespace pd;
using namespace pd::test;

class ConsentServiceTest : public ServiceFixture
{
};

TEST_P(ConsentServiceTest, GivingAndWithdrawingAreRecordedAndAudited)
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

TEST_P(ConsentServiceTest, OnlyConsentPurposesAndAllowedRolesTakeConsents)
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

PD_INSTANTIATE_FOR_BACKENDS(ConsentServiceTest);
