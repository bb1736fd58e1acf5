// Backups of the SQLite database and restoring them, as an administrator does before an upgrade and after a mistake:
// the copy is checked before it replaces anything, a broken one is refused with the live database untouched, and
// PostgreSQL is sent to its own tools.
#include "CliRunner.h"
#include "ServiceFixture.h"

#include "app/access/AuditLog.h"
#include "app/access/BackupService.h"
#include "app/access/Settings.h"
#include "app/retention/RetentionRun.h"
#include "app/subjects/ErasureService.h"

#include <QFile>
#include <QTemporaryDir>

#include <sqlite3.h>

using namespace pd;
using namespace pd::test;

class BackupTest : public ServiceFixture
{
protected:
    bool sqlite() const { return GetParam() == Backend::SQLite; }

    qint64 count(const QString &statement) { return scalar(statement).toLongLong(); }

    /// Runs `statement` on the file at `path` straight through SQLite, as a damaged disk or an intruder would.
    static void onFile(const QString &path, const char *statement)
    {
        sqlite3 *db = nullptr;
        ASSERT_EQ(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
        char *error = nullptr;
        EXPECT_EQ(sqlite3_exec(db, statement, nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
        sqlite3_free(error);
        sqlite3_close(db);
    }
};

TEST_P(BackupTest, ABackupIsRestoredAfterAMistakeAndTheRestoreIsAudited)
{
    if (!sqlite()) {
        const Result<BackupService::Check> refused =
            BackupService::backup(db(), as("admin"), QStringLiteral("/tmp/never.sqlite"));
        ASSERT_FALSE(refused.ok());
        EXPECT_TRUE(refused.error().message.contains(QLatin1String("pg_dump"))) << "a server has its own tools";
        return;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("before-upgrade.sqlite"));
    const qint64 subjects = count(QStringLiteral("SELECT COUNT(*) FROM subjects"));
    Result<BackupService::Check> made = BackupService::backup(db(), as("officer"), path);
    ASSERT_TRUE(made.ok()) << made.error().message.toStdString();
    EXPECT_EQ(made->subjects, subjects);
    EXPECT_EQ(made->schemaVersion, Database::latestSchemaVersion());
    EXPECT_GT(made->auditEntries, 0);
    EXPECT_EQ(QFile::permissions(path) & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    EXPECT_FALSE(QFile::exists(path + QStringLiteral(".partial")));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'database.backup'")), 1);

    // The mistake: a subject deleted.
    const Target target = activeSubject();
    ErasureService::Irreversible order;
    order.subjectIds = {target.subject};
    order.reason = QStringLiteral("deleted by mistake");
    ASSERT_TRUE(ErasureService::erase(db(), as("officer"), order).ok());
    ASSERT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM subjects")), subjects - 1);

    EXPECT_EQ(BackupService::restore(db(), as("officer"), path).error().code, ErrorCode::PermissionDenied)
        << "restoring replaces everything: administrators only";
    Result<BackupService::Check> restored = BackupService::restore(db(), as("admin"), path);
    ASSERT_TRUE(restored.ok()) << restored.error().message.toStdString();
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM subjects")), subjects);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM subjects WHERE id = %1").arg(target.subject)), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'database.restore'")), 1);
    const Result<AuditLog::Verification> chain = AuditLog::verify(db(), as("admin"));
    ASSERT_TRUE(chain.ok());
    EXPECT_TRUE(chain->ok()) << "the restore continues the copy's chain";
}

/// What only an SQLite database has: a file to copy (a PostgreSQL server is refused, above).
class SqliteBackupTest : public BackupTest
{
};

TEST_P(SqliteBackupTest, ABrokenCopyIsRefusedAndNothingIsReplaced)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("backup.sqlite"));
    ASSERT_TRUE(BackupService::backup(db(), as("admin"), path).ok());
    // Someone changed an audit entry in the copy.
    onFile(path, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET reason = 'rewritten' WHERE id = 2");
    const qint64 subjects = count(QStringLiteral("SELECT COUNT(*) FROM subjects"));
    exec(QStringLiteral("DELETE FROM pd_items WHERE subject_id = (SELECT MIN(id) FROM subjects)"));
    const qint64 items = count(QStringLiteral("SELECT COUNT(*) FROM pd_items"));
    const Result<BackupService::Check> refused = BackupService::restore(db(), as("admin"), path);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QLatin1String("audit trail is broken at entry #2")))
        << refused.error().message.toStdString();
    EXPECT_TRUE(refused.error().message.contains(QLatin1String("nothing was replaced")));
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM pd_items")), items) << "the live database is as it was";
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM subjects")), subjects);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'database.restore'")), 0);

    // Not a database at all, and a database of a later version.
    const QString text = dir.filePath(QStringLiteral("notes.txt"));
    QFile file(text);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    const Result<BackupService::Check> garbage = BackupService::restore(db(), as("admin"), text);
    ASSERT_FALSE(garbage.ok());
    EXPECT_TRUE(garbage.error().message.contains(text)) << garbage.error().message.toStdString();
    const QString newer = dir.filePath(QStringLiteral("newer.sqlite"));
    ASSERT_TRUE(BackupService::backup(db(), as("admin"), newer).ok());
    onFile(newer,
           "INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'future', '2030-01-01T00:00:00Z')");
    EXPECT_EQ(BackupService::restore(db(), as("admin"), newer).error().code, ErrorCode::TooNew);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM pd_items")), items);
    EXPECT_EQ(BackupService::backup(db(), as("agent"), dir.filePath(QStringLiteral("agent.sqlite"))).error().code,
              ErrorCode::PermissionDenied);
}

TEST_P(SqliteBackupTest, TheCommandLineBacksUpAndRestores)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nightly.sqlite"));
    const CliRun backup = runCliAs(testDatabase().url(), "admin", "admin-demo-2026", {QStringLiteral("backup"), path});
    ASSERT_EQ(backup.exitCode, 0) << backup.err.toStdString();
    EXPECT_TRUE(backup.out.contains(QLatin1String("checked"))) << backup.out.toStdString();
    exec(QStringLiteral("DELETE FROM pd_items WHERE subject_id = (SELECT MIN(id) FROM subjects)"));
    const qint64 before = count(QStringLiteral("SELECT COUNT(*) FROM pd_items"));
    const CliRun restore =
        runCliAs(testDatabase().url(), "admin", "admin-demo-2026", {QStringLiteral("restore"), path});
    ASSERT_EQ(restore.exitCode, 0) << restore.err.toStdString();
    EXPECT_GT(count(QStringLiteral("SELECT COUNT(*) FROM pd_items")), before);
    const CliRun missing = runCliAs(testDatabase().url(), "admin", "admin-demo-2026",
                                    {QStringLiteral("restore"), dir.filePath(QStringLiteral("none.sqlite"))});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QLatin1String("none.sqlite"))) << missing.err.toStdString();
    const CliRun noFile = runCliAs(testDatabase().url(), "admin", "admin-demo-2026", {QStringLiteral("backup")});
    EXPECT_EQ(noFile.exitCode, 2);
}

TEST_P(BackupTest, ARetentionSweepRecordsWhenItsErasuresLeaveTheBackups)
{
    ASSERT_TRUE(Settings::setValue(db(), as("admin"), Settings::Key::BackupKeepDays, 45).ok());
    // One officer may sweep the whole demo: the four-eyes rule is tested with the sweep itself.
    ASSERT_TRUE(Settings::setValue(db(), as("admin"), Settings::Key::FourEyesThreshold, 1000000).ok());
    EXPECT_FALSE(Settings::setValue(db(), as("admin"), Settings::Key::BackupKeepDays, 0).ok()) << "at least a day";
    const Result<RetentionRun::Summary> swept = RetentionRun::run(db(), as("officer"), QDate::currentDate());
    ASSERT_TRUE(swept.ok()) << swept.error().message.toStdString();
    EXPECT_EQ(swept->backupsClearBy, QDate::currentDate().addDays(45));
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'retention.run' AND details LIKE ?"),
                     {QVariant(QStringLiteral("%backups_clear_by=") +
                               QDate::currentDate().addDays(45).toString(Qt::ISODate))})
                  .toLongLong(),
              1);
}

PD_INSTANTIATE_FOR_BACKENDS(BackupTest);
INSTANTIATE_TEST_SUITE_P(Backends, SqliteBackupTest, ::testing::Values(Backend::SQLite), backendTestName);
