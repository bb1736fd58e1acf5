// The retention sweep carried out, on both backends with a fixed clock: what is due goes as its rule says, whole
// subjects only when nothing else holds them, held-back data stays, scheduled erasures are done, the four-eyes rule
// stops a large sweep until a second officer approves it, and a cancelled sweep carries on.
#include "RetentionFixture.h"

#include "app/access/Settings.h"
#include "app/approvals/ApprovalService.h"
#include "app/domain/WorkingCalendar.h"
#include "app/retention/RetentionRun.h"
#include "app/subjects/ConsentService.h"
#include "app/subjects/LegalHoldService.h"

using namespace pd;
using namespace pd::test;

class RetentionRunTest : public RetentionFixture
{
protected:
    void SetUp() override
    {
        RetentionFixture::SetUp();
        if (IsSkipped() || HasFatalFailure()) {
            return;
        }
        // Only the rules under test make anything due: the demo's purposes keep their data, its scheduled erasures
        // are done.
        exec(QStringLiteral("UPDATE purposes SET retention_kind = 'legal'"));
        exec(QStringLiteral("DELETE FROM purpose_category_retention"));
        exec(QStringLiteral("UPDATE scheduled_erasures SET done_at = '2026-01-01T00:00:00Z'"));
    }

    RetentionRun::Summary run(const RetentionRun::Progress &progress = {}, int batch = RetentionRun::kBatchSubjects)
    {
        const Result<RetentionRun::Summary> summary = RetentionRun::run(db(), as("officer"), kToday, progress, batch);
        EXPECT_TRUE(summary.ok()) << summary.error().message.toStdString();
        return summary.ok() ? summary.value() : RetentionRun::Summary();
    }

    bool exists(qint64 subject)
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE id = ?"), {subject}).toInt() == 1;
    }

    QString value(qint64 item)
    {
        return scalar(QStringLiteral("SELECT value FROM pd_items WHERE id = ?"), {item}).toString();
    }

    qint64 logged(qint64 subject)
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM deletion_log WHERE subject_ref = ?"),
                      {QStringLiteral("S-%1").arg(subject)})
            .toLongLong();
    }
};

TEST_P(RetentionRunTest, ACategoryWithAPeriodOfItsOwnGoesWhileThePurposeKeepsTheRest)
{
    // Account data for as long as the contract runs; technical data (the IP address) one year after collection.
    const qint64 purpose = addPurpose("t-split", "contract-term");
    exec(QStringLiteral("INSERT INTO purpose_category_retention (id, purpose_id, category, retention_kind, "
                        "retention_months, retention_event, retention_text, retention_action) VALUES (?, ?, "
                        "'technical', 'fixed', 12, 'collection', 'one year', 'delete')"),
         {nextId("purpose_category_retention"), purpose});
    const qint64 subject = addSubject("split@example.org");
    const qint64 account = addItem(subject, purpose, "2024-01-10");
    const qint64 ip = addItem(subject, purpose, "2024-01-10", "ip", "192.0.2.7");
    const qint64 recentIp = addItem(subject, purpose, "2026-06-01", "ip", "192.0.2.8");
    exec(QStringLiteral("UPDATE pd_items SET category = 'technical' WHERE id IN (?, ?)"), {ip, recentIp});

    const Result<RetentionSweep::Preview> preview = RetentionSweep::preview(db(), as("officer"), kToday);
    ASSERT_TRUE(preview.ok()) << preview.error().message.toStdString();
    QList<RetentionSweep::PurposeRetention> rows;
    for (const RetentionSweep::PurposeRetention &row : preview->purposes) {
        if (row.code == QLatin1String("t-split")) {
            rows << row;
        }
    }
    ASSERT_EQ(rows.size(), 2) << "the purpose's own rule, then the category's";
    EXPECT_TRUE(rows.at(0).category.isEmpty());
    EXPECT_EQ(rows.at(0).items, 1) << "the account item only";
    EXPECT_EQ(rows.at(0).due, 0) << "the contract still runs";
    EXPECT_EQ(rows.at(1).category, QStringLiteral("technical"));
    EXPECT_EQ(rows.at(1).ruleText, QStringLiteral("one year"));
    EXPECT_EQ(rows.at(1).items, 2);
    EXPECT_EQ(rows.at(1).due, 1);

    const RetentionRun::Summary summary = run();
    EXPECT_EQ(summary.itemsDeleted, 1);
    EXPECT_TRUE(exists(subject)) << "the subject keeps its account data";
    EXPECT_EQ(value(account), QStringLiteral("x@example.org"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM pd_items WHERE id = ?"), {ip}).toInt(), 0);
    EXPECT_EQ(value(recentIp), QStringLiteral("192.0.2.8")) << "collected less than a year ago";
}

TEST_P(RetentionRunTest, DueItemsGoAsTheRuleSaysAndHeldBackOnesStay)
{
    const qint64 purpose = addPurpose("t-run", "fixed", 12, "collection");
    // Subjects of the demo hold other data: they stay and lose only the due item.
    const qint64 due = addItem(m_quiet[0], purpose, "2024-01-10");
    const qint64 notYet = addItem(m_quiet[1], purpose, "2026-06-01");
    const qint64 blocked = addItem(m_quiet[2], purpose, "2024-01-10");
    exec(QStringLiteral("UPDATE subjects SET state = 'blocked', blocked_reason = 'disputed' WHERE id = ?"),
         {m_quiet[2]});
    const qint64 requested = addItem(m_quiet[3], purpose, "2024-01-10");
    openRequestFor(m_quiet[3]);
    const qint64 onHold = addItem(m_quiet[4], purpose, "2024-01-10");
    exec(QStringLiteral("UPDATE subjects SET legal_hold = 'court case 12/2026' WHERE id = ?"), {m_quiet[4]});
    // A subject that holds nothing else is deleted as a whole.
    const qint64 alone = addSubject("alone@example.org");
    addItem(alone, purpose, "2023-05-05", "email", "alone@example.org");
    const qint64 logBefore = logged(m_quiet[0]);

    const RetentionRun::Summary summary = run();
    EXPECT_EQ(summary.pendingApproval, 0);
    EXPECT_EQ(summary.subjectsDeleted, 1);
    EXPECT_EQ(summary.subjectsTrimmed, 1);
    EXPECT_EQ(summary.itemsDeleted, 1);
    EXPECT_FALSE(exists(alone));
    EXPECT_EQ(logged(alone), 1) << "the destruction act has the fact of the deletion";
    EXPECT_TRUE(exists(m_quiet[0]));
    EXPECT_TRUE(value(due).isNull()) << "the due item is gone";
    EXPECT_EQ(logged(m_quiet[0]), logBefore + 1);
    EXPECT_EQ(value(notYet), QStringLiteral("x@example.org"));
    EXPECT_EQ(value(blocked), QStringLiteral("x@example.org")) << "a block holds data back";
    EXPECT_EQ(value(requested), QStringLiteral("x@example.org")) << "an open request holds data back";
    EXPECT_EQ(value(onHold), QStringLiteral("x@example.org")) << "a legal hold holds data back";
    bool listed = false;
    for (const RetentionRun::PurposeOutcome &outcome : summary.purposes) {
        if (outcome.code == QLatin1String("t-run")) {
            listed = true;
            EXPECT_EQ(outcome.due, 5);
            EXPECT_EQ(outcome.heldBlocked, 1);
            EXPECT_EQ(outcome.heldForRequest, 1);
            EXPECT_EQ(outcome.heldLegal, 1);
        }
    }
    EXPECT_TRUE(listed);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'subject.items.delete' AND "
                                    "subject_id = ?"),
                     {m_quiet[0]})
                  .toInt(),
              1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'retention.run'")).toInt(), 1);

    const RetentionRun::Summary again = run();
    EXPECT_EQ(again.subjectsDeleted + again.subjectsTrimmed, 0) << "a second sweep on the same day finds nothing";
}

TEST_P(RetentionRunTest, AnItemHeldForSeveralPurposesStaysWhileOneStillHoldsIt)
{
    const qint64 expired = addPurpose("t-old", "fixed", 12, "collection");
    const qint64 current = addPurpose("t-current", "contract-term");
    const qint64 subject = addSubject("both@example.org");
    const qint64 old = addItem(subject, expired, "2023-01-01", "email", "both@example.org");
    const qint64 kept = addItem(subject, current, "2023-01-01", "email", "both@example.org");
    const qint64 phoneOnlyOld = addSubject("phone@example.org");
    addItem(phoneOnlyOld, expired, "2023-01-01", "email", "phone@example.org");
    addItem(phoneOnlyOld, current, "2023-01-01", "phone", "+375291234567");

    const RetentionRun::Summary summary = run();
    EXPECT_EQ(summary.subjectsDeleted, 0);
    EXPECT_EQ(summary.subjectsTrimmed, 2);
    EXPECT_TRUE(value(old).isNull());
    EXPECT_EQ(value(kept), QStringLiteral("both@example.org")) << "the contract still holds the e-mail";
    EXPECT_EQ(scalar(QStringLiteral("SELECT email FROM subjects WHERE id = ?"), {subject}).toString(),
              QStringLiteral("both@example.org"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT email FROM subjects WHERE id = ?"), {phoneOnlyOld}).toString(), QString())
        << "the list no longer shows an e-mail nothing holds";
    EXPECT_EQ(scalar(QStringLiteral("SELECT email_key FROM subjects WHERE id = ?"), {phoneOnlyOld}).toString(),
              QString())
        << "nor finds the subject by it";
}

TEST_P(RetentionRunTest, ARuleThatAnonymizesKeepsTheSubjectForStatistics)
{
    const qint64 purpose = addPurpose("t-anon", "fixed", 12, "collection", "anonymize");
    const qint64 alone = addSubject("anon@example.org");
    const qint64 item = addItem(alone, purpose, "2023-01-01", "email", "anon@example.org");
    const qint64 partOfMore = addItem(m_quiet[0], purpose, "2023-01-01", "email", "more@example.org");

    const RetentionRun::Summary summary = run();
    EXPECT_EQ(summary.subjectsAnonymized, 1);
    EXPECT_EQ(summary.itemsAnonymized, 1);
    EXPECT_TRUE(exists(alone));
    EXPECT_EQ(scalar(QStringLiteral("SELECT state FROM subjects WHERE id = ?"), {alone}).toString(),
              QStringLiteral("anonymized"));
    EXPECT_EQ(value(item), QString());
    EXPECT_EQ(value(partOfMore), QString()) << "the e-mail is removed, the item counted";
    EXPECT_EQ(scalar(QStringLiteral("SELECT state FROM pd_items WHERE id = ?"), {partOfMore}).toString(),
              QStringLiteral("anonymized"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT state FROM subjects WHERE id = ?"), {m_quiet[0]}).toString(),
              QStringLiteral("active"));
}

TEST_P(RetentionRunTest, ScheduledErasuresThatAreDueAreCarriedOut)
{
    const qint64 consent = addPurpose("t-mailing", "until-withdrawal");
    const qint64 stays = addPurpose("t-account", "contract-term");
    const auto schedule = [&](qint64 subject, const char *due) {
        exec(QStringLiteral("INSERT INTO scheduled_erasures (id, subject_id, purpose_id, due_date, created_at) VALUES "
                            "(?, ?, ?, ?, '2026-11-01T08:00:00Z')"),
             {nextId("scheduled_erasures"), subject, consent, QLatin1String(due)});
    };
    const qint64 dueNow = addSubject("due@example.org");
    const qint64 mailing = addItem(dueNow, consent, "2025-01-01", "email", "due@example.org");
    const qint64 account = addItem(dueNow, stays, "2025-01-01", "phone", "+375291112233");
    schedule(dueNow, "2026-11-20");
    const qint64 later = addSubject("later@example.org");
    const qint64 laterItem = addItem(later, consent, "2025-01-01", "email", "later@example.org");
    schedule(later, "2026-12-08");
    const qint64 blocked = addSubject("blocked@example.org");
    const qint64 blockedItem = addItem(blocked, consent, "2025-01-01", "email", "blocked@example.org");
    schedule(blocked, "2026-11-20");
    exec(QStringLiteral("UPDATE subjects SET state = 'blocked', blocked_reason = 'disputed' WHERE id = ?"), {blocked});

    const RetentionRun::Summary summary = run();
    EXPECT_EQ(summary.scheduledDone, 1);
    EXPECT_EQ(summary.scheduledHeld, 1);
    EXPECT_TRUE(value(mailing).isNull()) << "held only for the withdrawn consent";
    EXPECT_EQ(value(account), QStringLiteral("+375291112233")) << "the contract still holds it";
    EXPECT_EQ(value(laterItem), QStringLiteral("later@example.org")) << "not due yet";
    EXPECT_EQ(value(blockedItem), QStringLiteral("blocked@example.org"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM scheduled_erasures WHERE subject_id = ? AND done_at IS NOT "
                                    "NULL"),
                     {dueNow})
                  .toInt(),
              1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM scheduled_erasures WHERE done_at IS NULL AND subject_id IN "
                                    "(?, ?)"),
                     {later, blocked})
                  .toInt(),
              2);
}

TEST_P(RetentionRunTest, ALargeSweepWaitsForASecondOfficer)
{
    ASSERT_TRUE(Settings::setValue(db(), as("admin"), Settings::Key::FourEyesThreshold, 2).ok());
    const qint64 purpose = addPurpose("t-large", "fixed", 12, "collection");
    for (int i = 0; i < 3; ++i) {
        addItem(m_quiet[i], purpose, "2024-01-10");
    }
    const RetentionRun::Summary asked = run();
    ASSERT_GT(asked.pendingApproval, 0);
    EXPECT_EQ(asked.planned, 3);
    EXPECT_EQ(items(purpose), 3) << "nothing is done before a second officer approves";
    EXPECT_EQ(run().pendingApproval, asked.pendingApproval) << "a sweep that waits is not asked for twice";
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM approvals WHERE action = 'retention'")).toInt(), 1);

    EXPECT_FALSE(ApprovalService::approve(db(), as("officer"), asked.pendingApproval).ok())
        << "the officer who ran the sweep cannot approve it";
    const Status approved = ApprovalService::approve(db(), as("officer2"), asked.pendingApproval);
    ASSERT_TRUE(approved.ok()) << approved.error().message.toStdString();
    EXPECT_EQ(items(purpose), 0);
    EXPECT_EQ(scalar(QStringLiteral("SELECT status FROM approvals WHERE id = ?"), {asked.pendingApproval}).toString(),
              QStringLiteral("executed"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'subject.items.delete' AND details "
                                    "LIKE ?"),
                     {QStringLiteral("%approval=%1%").arg(asked.pendingApproval)})
                  .toInt(),
              3);
}

TEST_P(RetentionRunTest, ACancelledSweepKeepsWhatItDidAndTheNextOneFinishes)
{
    const qint64 purpose = addPurpose("t-cancel", "fixed", 12, "collection");
    for (int i = 0; i < 4; ++i) {
        addItem(m_quiet[i], purpose, "2024-01-10");
    }
    qint64 calls = 0;
    const RetentionRun::Summary stopped = run(
        [&calls](qint64, qint64) {
            ++calls;
            return false;
        },
        1);
    EXPECT_TRUE(stopped.cancelled);
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(stopped.subjectsTrimmed, 1);
    EXPECT_EQ(items(purpose), 3) << "one batch of one subject was committed";

    const RetentionRun::Summary rest = run();
    EXPECT_FALSE(rest.cancelled);
    EXPECT_EQ(rest.subjectsTrimmed, 3);
    EXPECT_EQ(items(purpose), 0);
}

TEST_P(RetentionRunTest, OnlyAnOfficerRunsItAndNeverForALaterDay)
{
    const qint64 purpose = addPurpose("t-roles", "fixed", 12, "collection");
    addItem(m_quiet[0], purpose, "2024-01-10");
    EXPECT_EQ(RetentionRun::run(db(), as("agent"), kToday).error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(RetentionRun::run(db(), as("auditor"), kToday).error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(RetentionRun::run(db(), as("officer"), QDate::currentDate().addDays(1)).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_EQ(items(purpose), 1);
}

TEST_P(RetentionRunTest, AWithdrawnConsentSchedulesTheErasureThatTheSweepCarriesOut)
{
    const qint64 subject = m_quiet[0];
    const Result<qint64> consent = ConsentService::give(
        db(), as("agent"),
        {subject, QStringLiteral("info-projects"), QStringLiteral("2026-04"), QStringLiteral("web form"), {}});
    ASSERT_TRUE(consent.ok()) << consent.error().message.toStdString();
    const qint64 purpose = scalar(QStringLiteral("SELECT id FROM purposes WHERE code = 'info-projects'")).toLongLong();
    const qint64 item = addItem(subject, purpose, "2026-04-27", "email", "reader@example.org");
    const Status withdrawn =
        ConsentService::withdraw(db(), as("agent"), consent.value(), QStringLiteral("by e-mail"), {});
    ASSERT_TRUE(withdrawn.ok()) << withdrawn.error().message.toStdString();
    // The operator of the demo is in Belarus: 99-Z art. 10(2) gives 15 days.
    const QDate due = QDate::fromString(
        scalar(QStringLiteral("SELECT due_date FROM scheduled_erasures WHERE subject_id = ? AND purpose_id = ? AND "
                              "done_at IS NULL"),
               {subject, purpose})
            .toString(),
        Qt::ISODate);
    ASSERT_TRUE(due.isValid()) << "the withdrawal scheduled the erasure";
    // Fifteen calendar days, and when the fifteenth is a day off in Belarus, the working day after it.
    const QDate fifteenth = QDate::currentDate().addDays(15);
    const WorkingCalendar belarus =
        WorkingCalendar::builtIn(QStringLiteral("BY"), fifteenth.year(), fifteenth.year() + 1);
    EXPECT_GE(due, fifteenth);
    EXPECT_TRUE(belarus.isWorkingDay(due)) << due.toString(Qt::ISODate).toStdString();
    for (QDate day = fifteenth; day < due; day = day.addDays(1)) {
        EXPECT_FALSE(belarus.isWorkingDay(day))
            << "the erasure waits past a working day " << day.toString(Qt::ISODate).toStdString();
    }

    EXPECT_EQ(run().scheduledDone, 0) << "not due before its day";
    EXPECT_EQ(value(item), QStringLiteral("reader@example.org"));
    // Fifteen days later (the clock is moved by moving the date back).
    exec(QStringLiteral("UPDATE scheduled_erasures SET due_date = ? WHERE subject_id = ?"),
         {kToday.toString(Qt::ISODate), subject});
    const RetentionRun::Summary summary = run();
    EXPECT_EQ(summary.scheduledDone, 1);
    EXPECT_TRUE(value(item).isNull()) << "the data held for the withdrawn consent is gone";
    EXPECT_TRUE(exists(subject)) << "the subject's other data stays";
}

TEST_P(RetentionRunTest, ALegalHoldKeepsDataPastItsPeriodUntilItIsLifted)
{
    const qint64 purpose = addPurpose("t-hold", "fixed", 12, "collection");
    const qint64 item = addItem(m_quiet[0], purpose, "2024-01-10");
    ASSERT_TRUE(LegalHoldService::hold(db(), as("officer"), m_quiet[0], QStringLiteral("court case 12/2026")).ok());
    const RetentionRun::Summary held = run();
    EXPECT_EQ(value(item), QStringLiteral("x@example.org"));
    EXPECT_EQ(held.held(), 1);
    ASSERT_TRUE(LegalHoldService::release(db(), as("officer"), m_quiet[0], QStringLiteral("case closed")).ok());
    run();
    EXPECT_TRUE(value(item).isNull()) << "the period is over and nothing holds it any more";
}

PD_INSTANTIATE_FOR_BACKENDS(RetentionRunTest);
