// Races between two workstations on PostgreSQL, driven deterministically: the second workstation holds the
// subject's row while a change runs here, then replaces the subject (anonymizes or deletes it) and commits. Under
// READ COMMITTED a change that read the subject without locking it would wait on the row and then overwrite what the
// other transaction had just made; every change must lock what it depends on and see the new state instead.
#include "Interleaving.h"
#include "ServiceFixture.h"
#include "TestEnvironment.h"

#include "app/subjects/ConsentService.h"
#include "app/subjects/CorrectionService.h"
#include "app/subjects/RestrictionService.h"

#include <QTest>

#include <functional>

using namespace pd;
using namespace pd::test;

namespace {

constexpr int kRaceMs = 20000;

class InterleavingTest : public ServiceFixture
{
protected:
    qint64 count(const QString &statement, const QVariantList &values = {})
    {
        return scalar(statement, values).toLongLong();
    }

    /// Runs `change` on a worker thread while the second workstation holds subject `subjectId`; once the worker waits
    /// for that row, the second workstation runs `replace` and commits. Returns when the worker is done.
    void race(qint64 subjectId, const std::function<void()> &change, const QStringList &replace)
    {
        SecondWorkstation other(testDatabase().url());
        ASSERT_TRUE(other.ok()) << other.lastError().toStdString();
        ASSERT_TRUE(other.exec(QStringLiteral("SELECT id FROM subjects WHERE id = ? FOR UPDATE"), {subjectId}))
            << other.lastError().toStdString();
        WorkerThread worker(db(), change);
        ASSERT_TRUE(QTest::qWaitFor([&] { return lockWaiters(db()) >= 1; }, kWaitMs))
            << "the change never waited for the row the other workstation holds";
        for (const QString &statement : replace) {
            ASSERT_TRUE(other.exec(statement, {subjectId})) << other.lastError().toStdString();
        }
        ASSERT_TRUE(other.commit());
        ASSERT_TRUE(worker.wait(kRaceMs));
    }

    /// What the other workstation does to anonymize a subject: its values go, its state changes.
    static QStringList anonymization()
    {
        return {QStringLiteral("UPDATE subjects SET display_name = '', email = '', phone = '', name_key = '', "
                               "email_key = '', phone_key = '', external_id = NULL, state = 'anonymized', "
                               "version = version + 1 WHERE id = ?"),
                QStringLiteral("UPDATE pd_items SET value = '', state = 'anonymized' WHERE subject_id = ?")};
    }
    static QStringList deletion() { return {QStringLiteral("DELETE FROM subjects WHERE id = ?")}; }

    qint64 auditOf(qint64 subjectId, const char *action)
    {
        return count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE subject_id = ? AND action = ?"),
                     {subjectId, QLatin1String(action)});
    }
};

TEST_P(InterleavingTest, ACorrectionRacingAnAnonymizationWritesNothingBack)
{
    const Target target = activeSubject();
    const Session agent = as("agent");
    Status corrected;
    race(
        target.subject,
        [&] {
            CorrectionService::Correction correction;
            correction.subjectId = target.subject;
            correction.expectedVersion = -1; // as the command line sends it
            correction.field = QStringLiteral("email");
            correction.newValue = QStringLiteral("new.address@example.org");
            correction.reason = QStringLiteral("the subject asked");
            corrected = CorrectionService::correct(db(), agent, correction);
        },
        anonymization());
    ASSERT_FALSE(corrected.ok()) << "the correction went through an anonymization";
    EXPECT_TRUE(corrected.error().message.contains(QStringLiteral("anonymized")))
        << corrected.error().message.toStdString();
    EXPECT_EQ(scalar(QStringLiteral("SELECT value FROM pd_items WHERE id = ?"), {target.emailItem}).toString(),
              QString());
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE email_key <> '' AND id = ?"), {target.subject}),
              0);
    EXPECT_EQ(auditOf(target.subject, "subject.correct"), 0);
}

TEST_P(InterleavingTest, ACorrectionRacingADeletionIsRefusedAndNotAudited)
{
    const Target target = activeSubject();
    const Session agent = as("agent");
    Status corrected;
    race(
        target.subject,
        [&] {
            corrected = CorrectionService::correct(db(), agent,
                                                   {target.subject,
                                                    -1,
                                                    target.emailItem,
                                                    QStringLiteral("new.address@example.org"),
                                                    QStringLiteral("the subject asked"),
                                                    {},
                                                    {}});
        },
        deletion());
    ASSERT_FALSE(corrected.ok());
    EXPECT_EQ(corrected.error().code, ErrorCode::NotFound) << corrected.error().message.toStdString();
    EXPECT_EQ(auditOf(target.subject, "subject.correct"), 0);
}

TEST_P(InterleavingTest, ABlockRacingAnAnonymizationLeavesTheSubjectAnonymized)
{
    const Target target = activeSubject();
    const Session agent = as("agent");
    Status blocked;
    race(
        target.subject,
        [&] {
            blocked = RestrictionService::block(db(), agent,
                                                {target.subject, -1, {}, QStringLiteral("accuracy disputed"), {}, {}});
        },
        anonymization());
    ASSERT_FALSE(blocked.ok());
    EXPECT_EQ(scalar(QStringLiteral("SELECT state FROM subjects WHERE id = ?"), {target.subject}).toString(),
              QStringLiteral("anonymized"));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM pd_items WHERE subject_id = ? AND state <> 'anonymized'"),
                    {target.subject}),
              0);
    EXPECT_EQ(auditOf(target.subject, "subject.block"), 0);
}

TEST_P(InterleavingTest, AnUnblockRacingADeletionIsRefusedAndNotAudited)
{
    const Target target = activeSubject();
    const Session agent = as("agent");
    ASSERT_TRUE(
        RestrictionService::block(db(), agent, {target.subject, -1, {}, QStringLiteral("disputed"), {}, {}}).ok());
    Status lifted;
    race(
        target.subject,
        [&] {
            lifted = RestrictionService::unblock(
                db(), agent, {target.subject, -1, QStringLiteral("verified"), QStringLiteral("by e-mail"), {}});
        },
        deletion());
    ASSERT_FALSE(lifted.ok());
    EXPECT_EQ(lifted.error().code, ErrorCode::NotFound) << lifted.error().message.toStdString();
    EXPECT_EQ(auditOf(target.subject, "subject.unblock"), 0);
}

TEST_P(InterleavingTest, AConsentRacingAnAnonymizationIsNotRecorded)
{
    const Target target = activeSubject();
    const Session agent = as("agent");
    Result<qint64> given = makeError(ErrorCode::Storage, QString());
    race(
        target.subject,
        [&] {
            given = ConsentService::give(db(), agent,
                                         {target.subject,
                                          QStringLiteral("info-projects"),
                                          QStringLiteral("2026-04-27"),
                                          QStringLiteral("web form"),
                                          {}});
        },
        anonymization());
    ASSERT_FALSE(given.ok());
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM consents c JOIN purposes p ON p.id = c.purpose_id "
                                   "WHERE c.subject_id = ? AND p.code = 'info-projects' AND c.given_at >= ?"),
                    {target.subject, QDate::currentDate().toString(Qt::ISODate)}),
              0);
}

TEST_P(InterleavingTest, AWithdrawalRacingADeletionIsRefusedAndNotAudited)
{
    const Target target = activeSubject();
    const Session agent = as("agent");
    Result<qint64> given = ConsentService::give(db(), agent,
                                                {target.subject,
                                                 QStringLiteral("info-projects"),
                                                 QStringLiteral("2026-04-27"),
                                                 QStringLiteral("web form"),
                                                 {}});
    ASSERT_TRUE(given.ok()) << given.error().message.toStdString();
    Status withdrawn;
    race(
        target.subject,
        [&] { withdrawn = ConsentService::withdraw(db(), agent, given.value(), QStringLiteral("by e-mail"), {}); },
        deletion());
    ASSERT_FALSE(withdrawn.ok());
    EXPECT_EQ(withdrawn.error().code, ErrorCode::NotFound) << withdrawn.error().message.toStdString();
    EXPECT_EQ(auditOf(target.subject, "consent.withdraw"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, InterleavingTest, ::testing::Values(Backend::PostgreSQL), backendTestName);

} // namespace
