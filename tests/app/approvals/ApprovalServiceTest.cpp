#include "ServiceFixture.h"

#include "app/access/Settings.h"
#include "app/approvals/ApprovalService.h"
#include "app/subjects/BulkAction.h"
#include "app/subjects/ErasureService.h"

using namespace pd;
using namespace pd::test;

class ApprovalServiceTest : public ServiceFixture
{
protected:
    qint64 subjects() const override { return 260; }

    QList<qint64> active(int count)
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
    qint64 count(const QString &statement) { return scalar(statement).toLongLong(); }
    qint64 auditCount(const char *action)
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = ?"), {QLatin1String(action)})
            .toLongLong();
    }
    QString state(qint64 subject)
    {
        return scalar(QStringLiteral("SELECT state FROM subjects WHERE id = ?"), {subject}).toString();
    }
};

TEST_P(ApprovalServiceTest, LargeIrreversibleActionsWaitForASecondOfficer)
{
    const QList<qint64> eleven = active(11);
    ASSERT_EQ(eleven.size(), 11);
    Result<ErasureService::Outcome> asked =
        ErasureService::anonymize(db(), as("officer"), {eleven, QStringLiteral("retention expired"), {}});
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

TEST_P(ApprovalServiceTest, EveryDeletionWaitsWhenTheSettingIsOn)
{
    ASSERT_TRUE(Settings::setValue(db(), as("admin"), Settings::Key::FourEyesAllDeletions, 1).ok());
    const Target target = activeSubject();
    Result<ErasureService::Outcome> asked =
        ErasureService::erase(db(), as("officer"), {{target.subject}, QStringLiteral("erasure"), {}});
    ASSERT_TRUE(asked.ok());
    ASSERT_GT(asked->pendingApproval, 0);
    EXPECT_EQ(state(target.subject), QStringLiteral("active"));
    ASSERT_TRUE(
        ApprovalService::reject(db(), as("officer2"), asked->pendingApproval, QStringLiteral("keep: legal hold")).ok());
    EXPECT_EQ(state(target.subject), QStringLiteral("active"));
    EXPECT_EQ(auditCount("approval.reject"), 1);
}

TEST_P(ApprovalServiceTest, ApprovedAnonymizationRunsInBatchesAndResumes)
{
    const QList<qint64> ids = active(120);
    BulkAction::Order order;
    order.kind = BulkAction::Kind::Anonymize;
    order.subjectIds = ids;
    order.reason = QStringLiteral("retention period over");
    Result<BulkAction::Outcome> asked = BulkAction::run(db(), as("officer"), order);
    ASSERT_TRUE(asked.ok());
    ASSERT_GT(asked->pendingApproval, 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT state FROM subjects WHERE id = ?"), {ids.first()}).toString(),
              QStringLiteral("active"))
        << "nothing happens before the approval";

    // The second officer starts it and stops after the first batch.
    Status stopped = ApprovalService::approve(
        db(), as("officer2"), asked->pendingApproval, [](qint64, qint64) { return false; }, 50);
    ASSERT_FALSE(stopped.ok());
    EXPECT_EQ(stopped.error().code, ErrorCode::Cancelled);
    EXPECT_EQ(scalar(QStringLiteral("SELECT status FROM approvals WHERE id = ?"), {asked->pendingApproval}).toString(),
              QStringLiteral("approved"));
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT executed_count FROM approvals WHERE id = ?"), {asked->pendingApproval}).toInt(),
        50);

    ASSERT_TRUE(ApprovalService::approve(db(), as("officer2"), asked->pendingApproval).ok());
    EXPECT_EQ(scalar(QStringLiteral("SELECT status FROM approvals WHERE id = ?"), {asked->pendingApproval}).toString(),
              QStringLiteral("executed"));
    for (qint64 id : ids) {
        EXPECT_EQ(scalar(QStringLiteral("SELECT state FROM subjects WHERE id = ?"), {id}).toString(),
                  QStringLiteral("anonymized"));
    }
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'approval.approve'")), 1);
}

PD_INSTANTIATE_FOR_BACKENDS(ApprovalServiceTest);
