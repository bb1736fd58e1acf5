#include "ServiceFixture.h"

#include "app/access/Settings.h"
#include "app/approvals/ApprovalService.h"
#include "app/storage/Database.h"
#include "app/subjects/SubjectDirectory.h"
#include "app/subjects/SubjectService.h"

using namespace pd;
using namespace pd::test;

class SubjectServiceTest : public ServiceFixture
{
protected:
    qint64 auditCount(const char *action)
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ?"), {QLatin1String(action)})
            .toLongLong();
    }
    QString itemValue(qint64 item)
    {
        return scalar(QStringLiteral("SELECT value FROM pd_items WHERE id = ?"), {item}).toString();
    }
    QString state(qint64 subject)
    {
        return scalar(QStringLiteral("SELECT state FROM subjects WHERE id = ?"), {subject}).toString();
    }
    int version(qint64 subject)
    {
        return scalar(QStringLiteral("SELECT version FROM subjects WHERE id = ?"), {subject}).toInt();
    }
    QList<qint64> activeSubjects(int count)
    {
        QList<qint64> ids;
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        query.exec(QStringLiteral("SELECT id FROM subjects WHERE state = 'active' ORDER BY id"));
        while (query.next() && ids.size() < count) {
            ids << query.value(0).toLongLong();
        }
        return ids;
    }
};

TEST_P(SubjectServiceTest, AgentsDeleteIsRefusedByTheService)
{
    const Target target = activeSubject();
    Result<SubjectService::Outcome> refused =
        SubjectService::erase(db(), as("agent"), {{target.subject}, QStringLiteral("asked to"), {}});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::PermissionDenied);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("may not delete")));
    EXPECT_EQ(state(target.subject), QStringLiteral("active"));
    EXPECT_EQ(auditCount("subject.delete"), 0);
    // Nor may an agent anonymize, nor an auditor change anything.
    EXPECT_FALSE(SubjectService::anonymize(db(), as("agent"), {{target.subject}, QStringLiteral("x"), {}}).ok());
    EXPECT_FALSE(
        SubjectService::correct(
            db(), as("auditor"),
            {target.subject, target.version, target.emailItem, QStringLiteral("a@b.org"), QStringLiteral("x"), {}})
            .ok());
    EXPECT_EQ(itemValue(target.emailItem), target.email);
}

TEST_P(SubjectServiceTest, CorrectionChangesTheValueAndIsAudited)
{
    const Target target = activeSubject();
    const QString corrected = QStringLiteral("Fixed.Address@Example.org");
    Status status = SubjectService::correct(
        db(), as("agent"),
        {target.subject, target.version, target.emailItem, corrected, QStringLiteral("typo reported"), 7});
    ASSERT_TRUE(status.ok()) << status.error().message.toStdString();
    EXPECT_EQ(itemValue(target.emailItem), corrected);
    EXPECT_EQ(version(target.subject), target.version + 1);
    // The listing and its search key follow.
    SubjectFilter filter;
    filter.text = QStringLiteral("fixed.address@");
    EXPECT_EQ(SubjectDirectory::count(db(), as("agent"), filter).value(), 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT fields FROM audit_log WHERE action = 'subject.correct'")).toString(),
              QStringLiteral("email"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT request_id FROM audit_log WHERE action = 'subject.correct'")).toInt(), 7);
}

TEST_P(SubjectServiceTest, BadValuesAreRefusedNamingTheFieldNotTheValue)
{
    const Target target = activeSubject();
    Status status = SubjectService::correct(
        db(), as("agent"),
        {target.subject, target.version, target.emailItem, QStringLiteral("not-an-address"), QStringLiteral("x"), {}});
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(status.error().message.contains(QStringLiteral("'email'")));
    EXPECT_FALSE(status.error().message.contains(QStringLiteral("not-an-address")));
    EXPECT_EQ(itemValue(target.emailItem), target.email);

    Status noReason = SubjectService::correct(
        db(), as("agent"),
        {target.subject, target.version, target.emailItem, QStringLiteral("a@b.org"), QStringLiteral("  "), {}});
    ASSERT_FALSE(noReason.ok());
    EXPECT_TRUE(noReason.error().message.contains(QStringLiteral("reason")));
    EXPECT_EQ(auditCount("subject.correct"), 0);
}

TEST_P(SubjectServiceTest, SecondEditOfTheSameVersionIsAConflict)
{
    const Target target = activeSubject();
    ASSERT_TRUE(SubjectService::correct(db(), as("agent"),
                                        {target.subject,
                                         target.version,
                                         target.emailItem,
                                         QStringLiteral("first@example.org"),
                                         QStringLiteral("a"),
                                         {}})
                    .ok());
    Status second = SubjectService::correct(db(), as("officer"),
                                            {target.subject,
                                             target.version,
                                             target.emailItem,
                                             QStringLiteral("second@example.org"),
                                             QStringLiteral("b"),
                                             {}});
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, ErrorCode::Conflict);
    EXPECT_TRUE(second.error().message.contains(QStringLiteral("changed by someone else")));
    EXPECT_EQ(itemValue(target.emailItem), QStringLiteral("first@example.org"));
}

TEST_P(SubjectServiceTest, ConcurrentEditsFromTwoWorkstationsAreDetected)
{
    // A second workstation: its own Database object and connection on the same database.
    Result<std::shared_ptr<Database>> other = Database::open(DatabaseUrl::parse(testDatabase().url()).value());
    ASSERT_TRUE(other.ok()) << other.error().message.toStdString();
    const Target target = activeSubject();
    // Both read version N; the first to save wins, the second is told.
    ASSERT_TRUE(SubjectService::block(*other.value(), as("agent"),
                                      {target.subject, target.version, {}, QStringLiteral("disputed"), {}, {}})
                    .ok());
    Status mine = SubjectService::correct(db(), as("agent"),
                                          {target.subject,
                                           target.version,
                                           target.emailItem,
                                           QStringLiteral("late@example.org"),
                                           QStringLiteral("x"),
                                           {}});
    ASSERT_FALSE(mine.ok());
    EXPECT_NE(mine.error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(itemValue(target.emailItem), target.email);
    EXPECT_EQ(state(target.subject), QStringLiteral("blocked"));
}

TEST_P(SubjectServiceTest, BlockedDataIsReadOnlyUntilTheBlockIsLifted)
{
    const Target target = activeSubject();
    ASSERT_TRUE(SubjectService::block(db(), as("agent"),
                                      {target.subject,
                                       target.version,
                                       {},
                                       QStringLiteral("accuracy disputed"),
                                       QDate::currentDate().addDays(30),
                                       3})
                    .ok());
    EXPECT_EQ(state(target.subject), QStringLiteral("blocked"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM pd_items WHERE subject_id = ? AND state = 'active'"),
                     {target.subject})
                  .toInt(),
              0);
    Status edit = SubjectService::correct(db(), as("agent"),
                                          {target.subject,
                                           version(target.subject),
                                           target.emailItem,
                                           QStringLiteral("x@example.org"),
                                           QStringLiteral("x"),
                                           {}});
    ASSERT_FALSE(edit.ok());
    EXPECT_TRUE(edit.error().message.contains(QStringLiteral("blocked")));

    ASSERT_TRUE(SubjectService::unblock(db(), as("agent"),
                                        {target.subject,
                                         version(target.subject),
                                         QStringLiteral("verified"),
                                         QStringLiteral("e-mail of 2026-11-20"),
                                         {}})
                    .ok());
    EXPECT_EQ(scalar(QStringLiteral("SELECT details FROM audit_log WHERE action = 'subject.unblock'")).toString(),
              QStringLiteral("subject informed: e-mail of 2026-11-20"));
    EXPECT_EQ(state(target.subject), QStringLiteral("active"));
    EXPECT_EQ(auditCount("subject.block"), 1);
    EXPECT_EQ(auditCount("subject.unblock"), 1);
}

TEST_P(SubjectServiceTest, AnonymizationKeepsStatisticsButNothingIdentifying)
{
    const Target target = activeSubject();
    const qint64 itemsBefore =
        scalar(QStringLiteral("SELECT COUNT(*) FROM pd_items WHERE subject_id = ?"), {target.subject}).toLongLong();
    Result<SubjectService::Outcome> done =
        SubjectService::anonymize(db(), as("officer"), {{target.subject}, QStringLiteral("erasure request"), 5});
    ASSERT_TRUE(done.ok()) << done.error().message.toStdString();
    EXPECT_EQ(done->done, 1);
    EXPECT_EQ(state(target.subject), QStringLiteral("anonymized"));
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT COUNT(*) FROM pd_items WHERE subject_id = ?"), {target.subject}).toLongLong(),
        itemsBefore);
    EXPECT_EQ(itemValue(target.emailItem), QString());
    const QString ip =
        scalar(QStringLiteral("SELECT value FROM pd_items WHERE subject_id = ? AND field = 'ip'"), {target.subject})
            .toString();
    EXPECT_TRUE(ip.endsWith(QStringLiteral(".0.0/16"))) << ip.toStdString();
    const QString location =
        scalar(QStringLiteral("SELECT value FROM pd_items WHERE subject_id = ? AND field = 'location'"),
               {target.subject})
            .toString();
    EXPECT_EQ(location.size(), 2) << location.toStdString();
    SubjectFilter filter;
    filter.text = target.email;
    EXPECT_EQ(SubjectDirectory::count(db(), as("officer"), filter).value(), 0);
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT display_name || email || phone FROM subjects WHERE id = ?"), {target.subject})
            .toString(),
        QString());
}

TEST_P(SubjectServiceTest, DeletionKeepsOnlyTheFactOfDeletion)
{
    const Target target = activeSubject();
    ASSERT_TRUE(
        SubjectService::erase(db(), as("officer"), {{target.subject}, QStringLiteral("erasure request"), 9}).ok());
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE id = ?"), {target.subject}).toInt(), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM pd_items WHERE subject_id = ?"), {target.subject}).toInt(),
              0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT categories FROM deletion_log WHERE subject_ref = ?"),
                     {QStringLiteral("S-%1").arg(target.subject)})
                  .toString()
                  .contains(QStringLiteral("account")),
              true);
    EXPECT_EQ(scalar(QStringLiteral("SELECT request_id FROM deletion_log WHERE subject_ref = ?"),
                     {QStringLiteral("S-%1").arg(target.subject)})
                  .toInt(),
              9);
    EXPECT_EQ(auditCount("subject.delete"), 1);
}

TEST_P(SubjectServiceTest, LargeIrreversibleActionsWaitForASecondOfficer)
{
    const QList<qint64> eleven = activeSubjects(11);
    ASSERT_EQ(eleven.size(), 11);
    Result<SubjectService::Outcome> asked =
        SubjectService::anonymize(db(), as("officer"), {eleven, QStringLiteral("retention expired"), {}});
    ASSERT_TRUE(asked.ok()) << asked.error().message.toStdString();
    EXPECT_EQ(asked->done, 0);
    ASSERT_GT(asked->pendingApproval, 0);
    EXPECT_EQ(state(eleven.first()), QStringLiteral("active")) << "nothing happens before the approval";

    Status self = ApprovalService::approve(db(), as("officer"), asked->pendingApproval);
    ASSERT_FALSE(self.ok());
    EXPECT_TRUE(self.error().message.contains(QStringLiteral("second officer")));
    EXPECT_FALSE(ApprovalService::approve(db(), as("agent"), asked->pendingApproval).ok());

    Status approved = ApprovalService::approve(db(), as("officer2"), asked->pendingApproval);
    ASSERT_TRUE(approved.ok()) << approved.error().message.toStdString();
    for (qint64 id : eleven) {
        EXPECT_EQ(state(id), QStringLiteral("anonymized"));
    }
    EXPECT_EQ(auditCount("approval.request"), 1);
    EXPECT_EQ(auditCount("approval.approve"), 1);
    EXPECT_EQ(auditCount("subject.anonymize"), 11);
    EXPECT_FALSE(ApprovalService::approve(db(), as("officer2"), asked->pendingApproval).ok()) << "only once";
}

TEST_P(SubjectServiceTest, EveryDeletionWaitsWhenTheSettingIsOn)
{
    ASSERT_TRUE(Settings::setValue(db(), as("admin"), Settings::Key::FourEyesAllDeletions, 1).ok());
    const Target target = activeSubject();
    Result<SubjectService::Outcome> asked =
        SubjectService::erase(db(), as("officer"), {{target.subject}, QStringLiteral("erasure"), {}});
    ASSERT_TRUE(asked.ok());
    ASSERT_GT(asked->pendingApproval, 0);
    EXPECT_EQ(state(target.subject), QStringLiteral("active"));
    ASSERT_TRUE(
        ApprovalService::reject(db(), as("officer2"), asked->pendingApproval, QStringLiteral("keep: legal hold")).ok());
    EXPECT_EQ(state(target.subject), QStringLiteral("active"));
    EXPECT_EQ(auditCount("approval.reject"), 1);
}

PD_INSTANTIATE_FOR_BACKENDS(SubjectServiceTest);
