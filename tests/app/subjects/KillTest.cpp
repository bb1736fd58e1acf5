// A bulk anonymization killed with SIGKILL, at several points, by a test that watches it: no subject is left
// half-changed, the audit trail stays whole, and running the command again finishes the work.
#include "CliRunner.h"
#include "Interleaving.h"
#include "ServiceFixture.h"
#include "TestEnvironment.h"

#include "app/access/AuditLog.h"
#include "app/access/Settings.h"
#include "app/storage/Dialect.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace pd;
using namespace pd::test;

namespace {

constexpr int kSubjects = 3000;

class KillTest : public ServiceFixture
{
protected:
    qint64 subjects() const override { return kSubjects; }

    void SetUp() override
    {
        ServiceFixture::SetUp();
        if (IsSkipped() || HasFatalFailure()) {
            return;
        }
        // One officer anonymizes them all without a second one: the test is about interruptions, not approvals.
        ASSERT_TRUE(Settings::setValue(db(), as("admin"), Settings::Key::FourEyesThreshold, 1000000).ok());
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        // The demo makes some subjects anonymized already, without audit entries; the test wants only its own.
        ASSERT_TRUE(query.exec(QStringLiteral("DELETE FROM subjects WHERE state = 'anonymized'")));
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT id FROM subjects ORDER BY id")));
        QStringList ids;
        while (query.next()) {
            m_ids << query.value(0).toLongLong();
            ids << query.value(0).toString();
        }
        QFile file(m_dir.filePath(QStringLiteral("ids.txt")));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(ids.join(QLatin1Char('\n')).toUtf8());
    }

    QStringList arguments()
    {
        return {QStringLiteral("--db"),       testDatabase().url(),
                QStringLiteral("--operator"), QStringLiteral("officer"),
                QStringLiteral("subject"),    QStringLiteral("anonymize"),
                QStringLiteral("--ids-file"), m_dir.filePath(QStringLiteral("ids.txt")),
                QStringLiteral("--reason"),   QStringLiteral("retention period over"),
                QStringLiteral("--progress")};
    }

    /// Starts the anonymization; it reports after each batch of 500 on stderr.
    void start(QProcess &process)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("PRIVACYDESK_DB"));
        environment.insert(QStringLiteral("PRIVACYDESK_PASSWORD"), QStringLiteral("officer-demo-2026"));
        process.setProcessEnvironment(environment);
        process.setReadChannel(QProcess::StandardError); // where --progress reports
        process.start(QStringLiteral(PRIVACYDESK_CLI_PATH), arguments());
        ASSERT_TRUE(process.waitForStarted());
    }

    /// Kills it with SIGKILL as soon as it reports `batches` more batches committed.
    void killAfterBatches(QProcess &process, int batches) const
    {
        int seen = 0;
        QByteArray err;
        while (seen < batches && process.state() == QProcess::Running) {
            process.waitForReadyRead(kWaitMs);
            err += process.readAllStandardError();
            seen = int(err.count(" of "));
        }
        process.kill(); // SIGKILL
        process.waitForFinished(kWaitMs);
    }

    qint64 count(const QString &statement) { return scalar(statement).toLongLong(); }

    /// Every subject either fully anonymized with one audit entry, or untouched with none; the chain verifies.
    void expectNothingHalfChanged(const char *when)
    {
        SCOPED_TRACE(when);
        EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM subjects s WHERE s.state = 'anonymized' AND "
                                       "(s.email <> '' OR s.display_name <> '' OR EXISTS (SELECT 1 FROM pd_items i "
                                       "WHERE i.subject_id = s.id AND i.state <> 'anonymized'))")),
                  0)
            << "an anonymized subject kept something";
        EXPECT_EQ(
            count(QStringLiteral("SELECT COUNT(*) FROM subjects s WHERE s.state <> 'anonymized' AND EXISTS "
                                 "(SELECT 1 FROM pd_items i WHERE i.subject_id = s.id AND i.state = 'anonymized')")),
            0)
            << "a subject not anonymized has anonymized items";
        EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM subjects s WHERE (s.state = 'anonymized') <> "
                                       "((SELECT COUNT(*) FROM audit_log a WHERE a.subject_id = s.id AND "
                                       "a.action = 'subject.anonymize') = 1)")),
                  0)
            << "one audit entry per anonymized subject, none for the others";
        const Result<AuditLog::Verification> verified = AuditLog::verify(db(), as("auditor"));
        ASSERT_TRUE(verified.ok()) << verified.error().message.toStdString();
        EXPECT_TRUE(verified->ok()) << verified->problem.toStdString();
    }

    qint64 anonymized() { return count(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE state = 'anonymized'")); }

    QTemporaryDir m_dir;
    QList<qint64> m_ids;
};

TEST_P(KillTest, AKilledBulkAnonymizationLeavesWholeSubjectsAndFinishesWhenRunAgain)
{
    ASSERT_GE(m_ids.size(), 2000);
    const qint64 before = anonymized();
    ASSERT_EQ(before, 0);
    int killedMidway = 0;
    for (int batches : {1, 2}) {
        QProcess process;
        start(process);
        killAfterBatches(process, batches);
        const qint64 now = anonymized();
        if (process.exitStatus() == QProcess::CrashExit && now < m_ids.size()) {
            ++killedMidway;
        }
        expectNothingHalfChanged("after a kill between batches");
        EXPECT_EQ((now - before) % 500, 0) << "whole batches only";
    }
    EXPECT_GT(killedMidway, 0) << "no kill landed before the work was done";

    if (dialectOf(db()) == Dialect::PostgreSQL) {
        // Inside a batch: another workstation holds a subject further on; the run waits for it in the middle of a
        // batch's transaction and is killed there. The batch is rolled back whole.
        const qint64 done = anonymized();
        const qint64 held = m_ids.at(int(done) + 250);
        SecondWorkstation other(testDatabase().url());
        ASSERT_TRUE(other.ok()) << other.lastError().toStdString();
        ASSERT_TRUE(other.exec(QStringLiteral("SELECT id FROM subjects WHERE id = ? FOR UPDATE"), {held}));
        QProcess process;
        start(process);
        ASSERT_TRUE(QTest::qWaitFor([&] { return lockWaiters(db()) >= 1; }, kWaitMs));
        process.kill();
        process.waitForFinished(kWaitMs);
        ASSERT_TRUE(other.rollback());
        ASSERT_TRUE(QTest::qWaitFor([&] { return lockWaiters(db()) == 0; }, kWaitMs));
        EXPECT_EQ(anonymized(), done) << "the batch in progress left nothing";
        expectNothingHalfChanged("after a kill inside a batch");
    }

    // Run again: what was done is skipped, the rest is done.
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PRIVACYDESK_PASSWORD"), QStringLiteral("officer-demo-2026"));
    const CliRun finish = runCli(arguments(), environment);
    ASSERT_EQ(finish.exitCode, 0) << finish.err.toStdString();
    EXPECT_EQ(anonymized(), m_ids.size());
    expectNothingHalfChanged("after the run that finished");
}

} // namespace

PD_INSTANTIATE_FOR_BACKENDS(KillTest);
