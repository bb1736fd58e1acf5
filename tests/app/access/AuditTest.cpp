#include "CliRunner.h"
#include "ServiceFixture.h"

#include "app/access/AuditLog.h"
#include "app/subjects/CorrectionService.h"
#include "app/subjects/ErasureService.h"
#include "app/subjects/RestrictionService.h"

#include <QSqlError>
#include <QSqlRecord>

using namespace pd;
using namespace pd::test;

class AuditTest : public ServiceFixture
{
protected:
    AuditLog::Verification verify()
    {
        Result<AuditLog::Verification> result = AuditLog::verify(db(), as("auditor"));
        EXPECT_TRUE(result.ok()) << result.error().message.toStdString();
        return result ? result.value() : AuditLog::Verification();
    }

    qint64 entries() { return scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toLongLong(); }
};

TEST_P(AuditTest, ChainOfARealSessionIsIntact)
{
    const Target target = activeSubject();
    ASSERT_TRUE(CorrectionService::correct(db(), as("agent"),
                                           {target.subject,
                                            target.version,
                                            target.emailItem,
                                            QStringLiteral("new.address@example.org"),
                                            QStringLiteral("typo"),
                                            {}})
                    .ok());
    const AuditLog::Verification result = verify();
    EXPECT_TRUE(result.ok()) << result.problem.toStdString();
    EXPECT_EQ(result.entries, entries());
    EXPECT_GE(result.entries, 6);
}

TEST_P(AuditTest, ChangedEntryIsNamed)
{
    disableAuditProtection();
    exec(QStringLiteral("UPDATE audit_log SET reason = 'nothing to see' WHERE id = 3"));
    const AuditLog::Verification result = verify();
    EXPECT_EQ(result.firstBrokenId, 3);
    EXPECT_TRUE(result.problem.contains(QStringLiteral("changed"))) << result.problem.toStdString();
}

TEST_P(AuditTest, RemovedEntryIsNamed)
{
    disableAuditProtection();
    exec(QStringLiteral("DELETE FROM audit_log WHERE id = 3"));
    const AuditLog::Verification result = verify();
    EXPECT_EQ(result.firstBrokenId, 4);
    EXPECT_TRUE(result.problem.contains(QStringLiteral("removed"))) << result.problem.toStdString();
}

TEST_P(AuditTest, ReorderedEntriesAreNamed)
{
    disableAuditProtection();
    // Swap entries 2 and 3 wholesale, hashes included: each is intact on its own, but the order is not.
    exec(QStringLiteral("UPDATE audit_log SET id = -2 WHERE id = 2"));
    exec(QStringLiteral("UPDATE audit_log SET id = 2 WHERE id = 3"));
    exec(QStringLiteral("UPDATE audit_log SET id = 3 WHERE id = -2"));
    const AuditLog::Verification result = verify();
    EXPECT_EQ(result.firstBrokenId, 2);
    EXPECT_FALSE(result.ok());
}

TEST_P(AuditTest, EntriesRemovedFromTheEndAreNoticed)
{
    const qint64 before = entries();
    disableAuditProtection();
    exec(QStringLiteral("DELETE FROM audit_log WHERE id = %1").arg(before));
    const AuditLog::Verification result = verify();
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(result.firstBrokenId, before);
    EXPECT_TRUE(result.problem.contains(QStringLiteral("removed"))) << result.problem.toStdString();
}

TEST_P(AuditTest, TheApplicationCannotUpdateOrDeleteEntries)
{
    QSqlDatabase connection = db().connection();
    QSqlQuery query(connection);
    EXPECT_FALSE(query.exec(QStringLiteral("UPDATE audit_log SET reason = 'x' WHERE id = 1")));
    EXPECT_TRUE(query.lastError().text().contains(QStringLiteral("append-only")))
        << query.lastError().text().toStdString();
    EXPECT_FALSE(query.exec(QStringLiteral("DELETE FROM audit_log WHERE id = 1")));
    if (GetParam() == Backend::PostgreSQL) {
        EXPECT_FALSE(query.exec(QStringLiteral("TRUNCATE audit_log")));
    }
    EXPECT_TRUE(verify().ok());
}

TEST_P(AuditTest, NoEntryHoldsAPersonalDataValue)
{
    const Target first = activeSubject(0);
    const Target second = activeSubject(1);
    const Target third = activeSubject(2);
    const QString name =
        scalar(QStringLiteral("SELECT display_name FROM subjects WHERE id = ?"), {first.subject}).toString();
    const QString phone =
        scalar(QStringLiteral("SELECT phone FROM subjects WHERE id = ?"), {second.subject}).toString();
    const QString newEmail = QStringLiteral("corrected.person@example.org");
    ASSERT_TRUE(CorrectionService::correct(
                    db(), as("agent"),
                    {first.subject, first.version, first.emailItem, newEmail, QStringLiteral("subject asked"), {}})
                    .ok());
    ASSERT_TRUE(
        RestrictionService::block(db(), as("agent"),
                                  {second.subject, second.version, {}, QStringLiteral("accuracy disputed"), {}, {}})
            .ok());
    ASSERT_TRUE(ErasureService::anonymize(db(), as("officer"), {{first.subject}, QStringLiteral("erasure"), {}}).ok());
    ASSERT_TRUE(ErasureService::erase(db(), as("officer"), {{third.subject}, QStringLiteral("erasure"), {}}).ok());

    QSqlDatabase connection = db().connection();
    QSqlQuery query(connection);
    ASSERT_TRUE(query.exec(QStringLiteral("SELECT * FROM audit_log")));
    int rows = 0;
    while (query.next()) {
        ++rows;
        for (int i = 0; i < query.record().count(); ++i) {
            const QString value = query.value(i).toString();
            for (const QString &secret : {first.email, newEmail, third.email, name, phone}) {
                ASSERT_FALSE(secret.isEmpty());
                EXPECT_FALSE(value.contains(secret))
                    << "audit entry holds a personal value in column " << query.record().fieldName(i).toStdString();
            }
        }
    }
    EXPECT_GT(rows, 8);
}

TEST_P(AuditTest, CliVerifyNamesTheBrokenEntry)
{
    const QString url = testDatabase().url();
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PRIVACYDESK_PASSWORD"), QStringLiteral("auditor-demo-2026"));
    const QStringList command = {QStringLiteral("--db"),       url,
                                 QStringLiteral("--operator"), QStringLiteral("auditor"),
                                 QStringLiteral("audit"),      QStringLiteral("verify")};
    const CliRun intact = runCli(command, environment);
    EXPECT_EQ(intact.exitCode, 0) << intact.err.toStdString();
    EXPECT_TRUE(intact.out.contains(QStringLiteral("intact")));

    disableAuditProtection();
    exec(QStringLiteral("UPDATE audit_log SET fields = 'nothing' WHERE id = 2"));
    const CliRun broken = runCli(command, environment);
    EXPECT_EQ(broken.exitCode, 1);
    EXPECT_TRUE(broken.err.contains(QStringLiteral("entry 2"))) << broken.err.toStdString();
}

PD_INSTANTIATE_FOR_BACKENDS(AuditTest);
