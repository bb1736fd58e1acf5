#include "ServiceFixture.h"

#include "app/access/Settings.h"
#include "app/approvals/ApprovalService.h"
#include "app/storage/Dialect.h"
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

TEST_P(ApprovalServiceTest, SmallActionsOfOneOperatorAddUpOverTheWindow)
{
    // The threshold is 10: five actions of two subjects each (ten in all) run, the sixth waits for a second officer.
    const QList<qint64> ids = active(14);
    for (int i = 0; i < 5; ++i) {
        Result<ErasureService::Outcome> done =
            ErasureService::anonymize(db(), as("officer"), {ids.mid(2 * i, 2), QStringLiteral("retention"), {}});
        ASSERT_TRUE(done.ok()) << done.error().message.toStdString();
        EXPECT_EQ(done->pendingApproval, 0) << "action " << i;
    }
    Result<ErasureService::Outcome> sixth =
        ErasureService::anonymize(db(), as("officer"), {ids.mid(10, 2), QStringLiteral("retention"), {}});
    ASSERT_TRUE(sixth.ok());
    EXPECT_GT(sixth->pendingApproval, 0) << "a large action split into small ones still needs a second officer";
    EXPECT_EQ(state(ids.at(10)), QStringLiteral("active"));
    // Another officer's window is their own.
    Result<ErasureService::Outcome> other =
        ErasureService::anonymize(db(), as("officer2"), {ids.mid(12, 2), QStringLiteral("retention"), {}});
    ASSERT_TRUE(other.ok());
    EXPECT_EQ(other->pendingApproval, 0);
    // Outside the window the count starts again.
    ASSERT_TRUE(Settings::setValue(db(), as("admin"), Settings::Key::FourEyesWindowMinutes, 1).ok());
    QSqlDatabase connection = db().connection();
    QSqlQuery query(connection);
    // The test moves the entries back in time, which the append-only audit trail would refuse.
    ASSERT_TRUE(query.exec(dialectOf(db()) == Dialect::PostgreSQL
                               ? QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
                               : QStringLiteral("DROP TRIGGER audit_log_no_update")));
    ASSERT_TRUE(query.exec(QStringLiteral("UPDATE audit_log SET at = '2000-01-01T00:00:00Z' "
                                          "WHERE action = 'subject.anonymize'")));
    Result<ErasureService::Outcome> later =
        ErasureService::anonymize(db(), as("officer"), {ids.mid(10, 2), QStringLiteral("retention"), {}});
    ASSERT_TRUE(later.ok());
    EXPECT_EQ(later->pendingApproval, 0);
}

TEST_P(ApprovalServiceTest, ASubjectNamedTwiceCountsOnce)
{
    QList<qint64> ids = active(6);
    QList<qint64> repeated;
    for (int i = 0; i < 3; ++i) {
        repeated << ids; // 18 ids, 6 subjects: under the threshold of 10
    }
    Result<ErasureService::Outcome> done =
        ErasureService::anonymize(db(), as("officer"), {repeated, QStringLiteral("retention"), {}});
    ASSERT_TRUE(done.ok()) << done.error().message.toStdString();
    EXPECT_EQ(done->pendingApproval, 0);
    EXPECT_EQ(done->done, 6);
    EXPECT_EQ(auditCount("subject.anonymize"), 6);
}

TEST_P(ApprovalServiceTest, AHalfDoneApprovalShowsHowFarItCameAndCanBeCancelled)
{
    const QList<qint64> ids = active(120);
    const qint64 before = count(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE state = 'anonymized'"));
    QList<qint64> withRepeats = ids;
    withRepeats << ids.mid(0, 30); // named twice: counted once
    BulkAction::Order order;
    order.kind = BulkAction::Kind::Anonymize;
    order.subjectIds = withRepeats;
    order.reason = QStringLiteral("retention period over");
    Result<BulkAction::Outcome> asked = BulkAction::run(db(), as("officer"), order);
    ASSERT_TRUE(asked.ok());
    const qint64 approval = asked->pendingApproval;
    ASSERT_GT(approval, 0);
    // Stopped after each of two batches of 25: it resumes where it stopped, counting each subject once.
    for (int i = 0; i < 2; ++i) {
        EXPECT_EQ(ApprovalService::approve(
                      db(), as("officer2"), approval, [](qint64, qint64) { return false; }, 25)
                      .error()
                      .code,
                  ErrorCode::Cancelled);
    }
    Result<QList<ApprovalService::Approval>> pending = ApprovalService::pending(db(), as("auditor"));
    ASSERT_TRUE(pending.ok());
    ASSERT_EQ(pending->size(), 1);
    EXPECT_EQ(pending->first().total, 120);
    EXPECT_EQ(pending->first().done, 50);
    EXPECT_TRUE(pending->first().isHalfDone());
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE state = 'anonymized'")), before + 50);

    EXPECT_FALSE(ApprovalService::cancel(db(), as("officer"), approval, QString()).ok()) << "a note is required";
    EXPECT_FALSE(ApprovalService::cancel(db(), as("agent"), approval, QStringLiteral("legal hold")).ok());
    ASSERT_TRUE(ApprovalService::cancel(db(), as("officer"), approval, QStringLiteral("legal hold")).ok());
    EXPECT_EQ(scalar(QStringLiteral("SELECT status FROM approvals WHERE id = ?"), {approval}).toString(),
              QStringLiteral("cancelled"));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE state = 'anonymized'")), before + 50)
        << "what was done stays done";
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'approval.cancel' "
                                   "AND details = 'done=50 of 120'")),
              1);
    EXPECT_FALSE(ApprovalService::approve(db(), as("officer2"), approval).ok()) << "a cancelled approval stays so";
    EXPECT_TRUE(ApprovalService::pending(db(), as("auditor"))->isEmpty());
}

PD_INSTANTIATE_FOR_BACKENDS(ApprovalServiceTest);
