#include "ServiceFixture.h"

#include "app/access/Settings.h"
#include "app/storage/Database.h"
#include "app/subjects/CorrectionService.h"
#include "app/subjects/ErasureService.h"
#include "app/subjects/RestrictionService.h"
#include "app/subjects/SubjectDirectory.h"

using namespace pd;
using namespace pd::test;

class SubjectChangesTest : public ServiceFixture
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

TEST_P(SubjectChangesTest, AgentsDeleteIsRefusedByTheService)
{
    const Target target = activeSubject();
    Result<ErasureService::Outcome> refused =
        ErasureService::erase(db(), as("agent"), {{target.subject}, QStringLiteral("asked to"), {}});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::PermissionDenied);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("may not delete")));
    EXPECT_EQ(state(target.subject), QStringLiteral("active"));
    EXPECT_EQ(auditCount("subject.delete"), 0);
    // Nor may an agent anonymize, nor an auditor change anything.
    EXPECT_FALSE(ErasureService::anonymize(db(), as("agent"), {{target.subject}, QStringLiteral("x"), {}}).ok());
    EXPECT_FALSE(
        CorrectionService::correct(
            db(), as("auditor"),
            {target.subject, target.version, target.emailItem, QStringLiteral("a@b.org"), QStringLiteral("x"), {}})
            .ok());
    EXPECT_EQ(itemValue(target.emailItem), target.email);
}

TEST_P(SubjectChangesTest, CorrectionChangesTheValueAndIsAudited)
{
    const Target target = activeSubject();
    const QString corrected = QStringLiteral("Fixed.Address@Example.org");
    Status status = CorrectionService::correct(
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

TEST_P(SubjectChangesTest, BadValuesAreRefusedNamingTheFieldNotTheValue)
{
    const Target target = activeSubject();
    Status status = CorrectionService::correct(
        db(), as("agent"),
        {target.subject, target.version, target.emailItem, QStringLiteral("not-an-address"), QStringLiteral("x"), {}});
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(status.error().message.contains(QStringLiteral("'email'")));
    EXPECT_FALSE(status.error().message.contains(QStringLiteral("not-an-address")));
    EXPECT_EQ(itemValue(target.emailItem), target.email);

    Status noReason = CorrectionService::correct(
        db(), as("agent"),
        {target.subject, target.version, target.emailItem, QStringLiteral("a@b.org"), QStringLiteral("  "), {}});
    ASSERT_FALSE(noReason.ok());
    EXPECT_TRUE(noReason.error().message.contains(QStringLiteral("reason")));
    EXPECT_EQ(auditCount("subject.correct"), 0);
}

TEST_P(SubjectChangesTest, SecondEditOfTheSameVersionIsAConflict)
{
    const Target target = activeSubject();
    ASSERT_TRUE(CorrectionService::correct(db(), as("agent"),
                                           {target.subject,
                                            target.version,
                                            target.emailItem,
                                            QStringLiteral("first@example.org"),
                                            QStringLiteral("a"),
                                            {}})
                    .ok());
    Status second = CorrectionService::correct(db(), as("officer"),
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

TEST_P(SubjectChangesTest, ConcurrentEditsFromTwoWorkstationsAreDetected)
{
    // A second workstation: its own Database object and connection on the same database.
    Result<std::shared_ptr<Database>> other = Database::open(DatabaseUrl::parse(testDatabase().url()).value());
    ASSERT_TRUE(other.ok()) << other.error().message.toStdString();
    const Target target = activeSubject();
    // Both read version N; the first to save wins, the second is told.
    ASSERT_TRUE(RestrictionService::block(*other.value(), as("agent"),
                                          {target.subject, target.version, {}, QStringLiteral("disputed"), {}, {}})
                    .ok());
    Status mine = CorrectionService::correct(db(), as("agent"),
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

TEST_P(SubjectChangesTest, BlockedDataIsReadOnlyUntilTheBlockIsLifted)
{
    const Target target = activeSubject();
    ASSERT_TRUE(RestrictionService::block(db(), as("agent"),
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
    Status edit = CorrectionService::correct(db(), as("agent"),
                                             {target.subject,
                                              version(target.subject),
                                              target.emailItem,
                                              QStringLiteral("x@example.org"),
                                              QStringLiteral("x"),
                                              {}});
    ASSERT_FALSE(edit.ok());
    EXPECT_TRUE(edit.error().message.contains(QStringLiteral("blocked")));

    ASSERT_TRUE(RestrictionService::unblock(db(), as("agent"),
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

TEST_P(SubjectChangesTest, AnonymizationKeepsStatisticsButNothingIdentifying)
{
    const Target target = activeSubject();
    const qint64 itemsBefore =
        scalar(QStringLiteral("SELECT COUNT(*) FROM pd_items WHERE subject_id = ?"), {target.subject}).toLongLong();
    Result<ErasureService::Outcome> done =
        ErasureService::anonymize(db(), as("officer"), {{target.subject}, QStringLiteral("erasure request"), 5});
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

TEST_P(SubjectChangesTest, DeletionKeepsOnlyTheFactOfDeletion)
{
    const Target target = activeSubject();
    ASSERT_TRUE(
        ErasureService::erase(db(), as("officer"), {{target.subject}, QStringLiteral("erasure request"), 9}).ok());
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

TEST_P(SubjectChangesTest, AnAnonymizedSubjectSortsLastByName)
{
    const Target target = activeSubject();
    ASSERT_TRUE(
        ErasureService::anonymize(db(), as("officer"), {{target.subject}, QStringLiteral("erasure request"), {}}).ok());
    const qint64 total = SubjectDirectory::count(db(), as("officer"), {}).value();
    Result<QList<SubjectRow>> first =
        SubjectDirectory::page(db(), as("officer"), {}, SubjectDirectory::Sort::Name, false, 0, 5);
    ASSERT_TRUE(first.ok());
    for (const SubjectRow &row : first.value()) {
        EXPECT_NE(row.state, QStringLiteral("anonymized")) << "a nameless row at the top of the list, #" << row.id;
        EXPECT_FALSE(row.displayName.isEmpty());
    }
    Result<QList<SubjectRow>> last =
        SubjectDirectory::page(db(), as("officer"), {}, SubjectDirectory::Sort::Name, false, total - 1, 1);
    ASSERT_TRUE(last.ok());
    ASSERT_EQ(last->size(), 1);
    EXPECT_EQ(last->first().state, QStringLiteral("anonymized"));
}

PD_INSTANTIATE_FOR_BACKENDS(SubjectChangesTest);
