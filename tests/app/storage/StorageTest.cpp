#include "Interleaving.h"
#include "TestDatabase.h"
#include "TestEnvironment.h"

#include "app/storage/BulkLoad.h"
#include "app/storage/Database.h"
#include "app/storage/Migrations.h"
#include "app/storage/PrivateFile.h"
#include "app/storage/Sql.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <ctime>

using namespace pd;
using namespace pd::test;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QVariant scalarOrDie(Database &database, const QString &statement)
{
    QSqlDatabase db = database.connection();
    Result<QVariant> value = sql::scalar(db, statement, {}, "test query");
    EXPECT_TRUE(value.ok()) << value.error().message.toStdString();
    return value ? value.value() : QVariant();
}

} // namespace

// ---- Per backend -------------------------------------------------------------------------------------------

class StorageTest : public BackendTest
{
};

TEST_P(StorageTest, NewDatabaseIsMigratedToLatestSchema)
{
    EXPECT_EQ(db().schemaVersion(), Database::latestSchemaVersion());
    EXPECT_GE(Database::latestSchemaVersion(), 1);
    EXPECT_EQ(scalarOrDie(db(), QStringLiteral("SELECT value FROM pd_meta WHERE key = 'application'")).toString(),
              QStringLiteral("privacydesk"));
    const QStringList tables = db().connection().tables();
    for (const char *table :
         {"controllers", "information_systems", "purposes", "recipients", "subjects", "pd_items", "consents",
          "requests", "request_events", "disclosures", "operators", "audit_log", "deletion_log", "settings"}) {
        EXPECT_TRUE(tables.contains(QLatin1String(table))) << table;
    }
}

TEST_P(StorageTest, ReopeningAppliesNoMigrationTwice)
{
    const QString url = testDatabase().url();
    testDatabase().close();
    Result<std::shared_ptr<Database>> again = Database::open(DatabaseUrl::parse(url).value());
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_EQ(scalarOrDie(*again.value(), QStringLiteral("SELECT COUNT(*) FROM schema_version")).toInt(),
              Database::latestSchemaVersion());
}

TEST_P(StorageTest, DatabaseFromANewerVersionIsRefusedAndLeftAlone)
{
    QSqlDatabase connection = db().connection();
    QSqlQuery query(connection);
    ASSERT_TRUE(query.exec(QStringLiteral("INSERT INTO schema_version (version, name, applied_at) "
                                          "VALUES (999, 'future', '2030-01-01T00:00:00Z')")));
    const QString url = testDatabase().url();
    testDatabase().close();

    Result<std::shared_ptr<Database>> reopened = Database::open(DatabaseUrl::parse(url).value());
    ASSERT_FALSE(reopened.ok());
    EXPECT_EQ(reopened.error().code, ErrorCode::TooNew);
    EXPECT_TRUE(reopened.error().message.contains(QStringLiteral("newer"))) << reopened.error().message.toStdString();
    EXPECT_TRUE(reopened.error().message.contains(QStringLiteral("999")));
}

TEST_P(StorageTest, ForeignDatabaseIsRefusedAndLeftAlone)
{
    TestDatabase foreign(GetParam());
    if (foreign.notConfigured()) {
        GTEST_SKIP();
    }
    // Make a database that belongs to some other program: one table, no Privacy Desk marker.
    const QString url = foreign.freshUrl();
    DatabaseUrl parsed = DatabaseUrl::parse(url).value();
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(GetParam() == Backend::SQLite ? QStringLiteral("QSQLITE")
                                                                                     : QStringLiteral("QPSQL"),
                                                       QStringLiteral("other"));
        if (GetParam() == Backend::SQLite) {
            other.setDatabaseName(parsed.path());
        } else {
            other.setHostName(parsed.host());
            other.setPort(parsed.port());
            other.setUserName(parsed.user());
            other.setDatabaseName(parsed.databaseName());
        }
        ASSERT_TRUE(other.open()) << other.lastError().text().toStdString();
        QSqlQuery query(other);
        ASSERT_TRUE(query.exec(QStringLiteral("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER)")));
        ASSERT_TRUE(query.exec(QStringLiteral("INSERT INTO invoices (id, total) VALUES (1, 100)")));
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    const QByteArray before = GetParam() == Backend::SQLite ? fileBytes(parsed.path()) : QByteArray();

    Result<std::shared_ptr<Database>> opened = Database::open(parsed);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::NotPrivacyDesk);
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("not a Privacy Desk database")));
    if (GetParam() == Backend::SQLite) {
        EXPECT_EQ(fileBytes(parsed.path()), before) << "the foreign file was modified";
        EXPECT_FALSE(QFile::exists(parsed.path() + QStringLiteral("-wal")));
    }
}

TEST_P(StorageTest, TransactionRollsBackEverythingOnError)
{
    Status status = db().transaction([](QSqlDatabase &tx) -> Status {
        QSqlQuery query(tx);
        if (Status s = sql::exec(query, QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?)"),
                                 {QStringLiteral("a"), QStringLiteral("1")}, "insert");
            !s) {
            return s;
        }
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("second step refused"));
    });
    EXPECT_FALSE(status.ok());
    EXPECT_EQ(scalarOrDie(db(), QStringLiteral("SELECT COUNT(*) FROM settings")).toInt(), 0);
}

TEST_P(StorageTest, EveryThreadGetsItsOwnWorkingConnection)
{
    const QString mainName = db().connection().connectionName();
    QString workerName;
    qint64 workerCount = -1;
    std::shared_ptr<Database> database = dbPtr();
    QThread *worker = QThread::create([&] {
        QSqlDatabase connection = database->connection();
        workerName = connection.connectionName();
        Result<QVariant> count =
            sql::scalar(connection, QStringLiteral("SELECT COUNT(*) FROM schema_version"), {}, "t");
        workerCount = count ? count.value().toLongLong() : -1;
        database->releaseThreadConnection();
    });
    worker->start();
    ASSERT_TRUE(worker->wait(30000));
    delete worker;
    EXPECT_NE(workerName, mainName);
    EXPECT_EQ(workerCount, Database::latestSchemaVersion());
}

TEST_P(StorageTest, ParallelReadsRunEveryTaskOnceAndLeaveNoConnectionBehind)
{
    const int before = db().openConnectionCount();
    constexpr int kTasks = 24;
    std::vector<qint64> counts(kTasks, -1);
    std::vector<std::atomic<int>> runs(kTasks);
    Status status = db().readInParallel(kTasks, [&](QSqlDatabase &connection, int task) -> Status {
        ++runs[task];
        Result<QVariant> count =
            sql::scalar(connection, QStringLiteral("SELECT COUNT(*) FROM schema_version"), {}, "t");
        if (!count) {
            return count.error();
        }
        counts[task] = count->toLongLong();
        return {};
    });
    ASSERT_TRUE(status.ok()) << status.error().message.toStdString();
    for (int task = 0; task < kTasks; ++task) {
        EXPECT_EQ(runs[task].load(), 1) << task;
        EXPECT_EQ(counts[task], Database::latestSchemaVersion()) << task;
    }
    EXPECT_EQ(db().openConnectionCount(), before);

    const Status failed = db().readInParallel(kTasks, [](QSqlDatabase &, int task) -> Status {
        return task == 5 ? makeError(ErrorCode::Storage, QStringLiteral("task 5 failed")) : Status();
    });
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().message, QStringLiteral("task 5 failed"));
}

TEST_P(StorageTest, ParallelReadsInsideATransactionSeeWhatItWrote)
{
    QString transactionConnection;
    std::vector<qint64> seen(8, -1);
    std::vector<QString> connections(8);
    Status status = db().transaction([&](QSqlDatabase &tx) -> Status {
        transactionConnection = tx.connectionName();
        QSqlQuery query(tx);
        if (Status s = sql::exec(query, QStringLiteral("INSERT INTO settings (key, value) VALUES ('parallel', '1')"),
                                 {}, "insert");
            !s) {
            return s;
        }
        return db().readInParallel(int(seen.size()), [&](QSqlDatabase &connection, int task) -> Status {
            connections[task] = connection.connectionName();
            Result<QVariant> count = sql::scalar(
                connection, QStringLiteral("SELECT COUNT(*) FROM settings WHERE key = 'parallel'"), {}, "t");
            seen[task] = count ? count->toLongLong() : -1;
            return {};
        });
    });
    ASSERT_TRUE(status.ok()) << status.error().message.toStdString();
    for (size_t task = 0; task < seen.size(); ++task) {
        EXPECT_EQ(seen[task], 1) << task; // the uncommitted row: the same connection as the transaction
        EXPECT_EQ(connections[task], transactionConnection) << task;
    }
}

TEST_P(StorageTest, ForeignKeysAreEnforced)
{
    QSqlDatabase connection = db().connection();
    QSqlQuery query(connection);
    EXPECT_FALSE(query.exec(QStringLiteral("INSERT INTO pd_items (subject_id, category, field, value, collected_at) "
                                           "VALUES (424242, 'account', 'email', 'x', '2026-01-01T00:00:00Z')")));
}

TEST_P(StorageTest, SearchIndexesComeBackAfterAnInterruptedBulkLoad)
{
    // The search indexes; subjects_holding stays during a load (a new subject is never blocked or on hold).
    auto indexes = [this](Database &database) {
        QSqlDatabase connection = database.connection();
        QSqlQuery query(connection);
        const QString statement =
            GetParam() == Backend::SQLite
                ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'subjects' "
                                 "AND name NOT LIKE 'sqlite_autoindex%' AND name <> 'subjects_holding' ORDER BY name")
                : QStringLiteral("SELECT indexname FROM pg_indexes WHERE tablename = 'subjects' "
                                 "AND indexname NOT IN ('subjects_pkey', 'subjects_holding') ORDER BY indexname");
        EXPECT_TRUE(query.exec(statement));
        QStringList names;
        while (query.next()) {
            names << query.value(0).toString();
        }
        return names;
    };
    QStringList expected = {QStringLiteral("subjects_contract_end"), QStringLiteral("subjects_created"),
                            QStringLiteral("subjects_email_key"),    QStringLiteral("subjects_external_id"),
                            QStringLiteral("subjects_name_key"),     QStringLiteral("subjects_phone_key")};
    if (GetParam() == Backend::SQLite) {
        expected.insert(4, QStringLiteral("subjects_id"));
    }
    EXPECT_EQ(indexes(db()), expected) << "the migration and BulkLoad disagree";

    QSqlDatabase connection = db().connection();
    ASSERT_TRUE(BulkLoad::suspendSubjectIndexes(connection).ok());
    EXPECT_TRUE(indexes(db()).isEmpty());
    // A load killed here leaves no indexes; the next open builds them again.
    const QString url = testDatabase().url();
    testDatabase().close();
    Result<std::shared_ptr<Database>> reopened = Database::open(DatabaseUrl::parse(url).value());
    ASSERT_TRUE(reopened.ok()) << reopened.error().message.toStdString();
    EXPECT_EQ(indexes(*reopened.value()), expected);
}

PD_INSTANTIATE_FOR_BACKENDS(StorageTest);

// ---- SQLite specifics ------------------------------------------------------------------------------------------

TEST(PostgreSQLStorage, OpeningChangesNoSchemaAndWaitsForNoWriter)
{
    TestDatabase test(Backend::PostgreSQL);
    if (test.notConfigured()) {
        GTEST_SKIP() << test.reason().toStdString();
    }
    ASSERT_TRUE(test.database()) << test.reason().toStdString();
    // Another workstation is in the middle of a batch that writes subjects (its lock conflicts with CREATE INDEX).
    SecondWorkstation busy(test.url());
    ASSERT_TRUE(busy.ok()) << busy.lastError().toStdString();
    ASSERT_TRUE(busy.exec(QStringLiteral("LOCK TABLE subjects IN ROW EXCLUSIVE MODE")));
    // A new workstation opens the database meanwhile.
    std::atomic_bool opened{false};
    Result<std::shared_ptr<Database>> another = makeError(ErrorCode::Storage, QString());
    {
        WorkerThread worker(*test.database(), [&] {
            another = Database::open(DatabaseUrl::parse(test.url()).value());
            if (another) {
                another.value()->releaseThreadConnection();
            }
            opened = true;
        });
        ASSERT_TRUE(QTest::qWaitFor([&] { return opened || lockWaiters(*test.database()) > 0; }, kWaitMs));
        EXPECT_TRUE(opened.load()) << "opening waited for the other workstation's batch";
        if (!opened) {
            busy.rollback();
        }
    }
    ASSERT_TRUE(another.ok()) << another.error().message.toStdString();
}

TEST(SQLiteStorage, ConnectionsUseWalForeignKeysAndSecureDelete)
{
    TestDatabase test(Backend::SQLite);
    ASSERT_TRUE(test.database()) << test.reason().toStdString();
    EXPECT_EQ(scalarOrDie(*test.database(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    EXPECT_EQ(scalarOrDie(*test.database(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    EXPECT_EQ(scalarOrDie(*test.database(), QStringLiteral("PRAGMA secure_delete")).toInt(), 1);

    // A second thread's connection carries the same settings.
    int workerSecureDelete = -1;
    int workerForeignKeys = -1;
    std::shared_ptr<Database> database = test.database();
    QThread *worker = QThread::create([&] {
        QSqlDatabase connection = database->connection();
        workerSecureDelete = sql::scalar(connection, QStringLiteral("PRAGMA secure_delete"), {}, "t").value().toInt();
        workerForeignKeys = sql::scalar(connection, QStringLiteral("PRAGMA foreign_keys"), {}, "t").value().toInt();
        database->releaseThreadConnection();
    });
    worker->start();
    ASSERT_TRUE(worker->wait(30000));
    delete worker;
    EXPECT_EQ(workerSecureDelete, 1);
    EXPECT_EQ(workerForeignKeys, 1);
}

TEST(SQLiteStorage, FileThatIsNotSQLiteIsRefusedUnchanged)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    const QByteArray content("These are my notes, not a database.\n");
    file.write(content);
    file.close();

    Result<std::shared_ptr<Database>> opened = Database::open(DatabaseUrl::sqlite(path));
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::NotPrivacyDesk);
    EXPECT_TRUE(opened.error().message.contains(path));
    EXPECT_EQ(fileBytes(path), content);
}

TEST(SQLiteStorage, ExistingOnlyDoesNotCreateAFile)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing.sqlite"));
    Result<std::shared_ptr<Database>> opened =
        Database::open(DatabaseUrl::sqlite(path), Database::OpenMode::ExistingOnly);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::NotFound);
    EXPECT_FALSE(QFile::exists(path));
}

TEST(SQLiteStorage, CreatesMissingFolders)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a/b/c/privacydesk.sqlite"));
    Result<std::shared_ptr<Database>> opened = Database::open(DatabaseUrl::sqlite(path));
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    EXPECT_TRUE(QFile::exists(path));
}

TEST(SQLiteStorage, TheDatabaseAndItsJournalsAreReadableByTheOwnerOnly)
{
    const ScopedUmask everybodyReads(0022);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.sqlite"));
    {
        Result<std::shared_ptr<Database>> opened = Database::open(DatabaseUrl::sqlite(path));
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        // A write puts frames in the WAL; the shared memory exists while the connection is open.
        scalarOrDie(*opened.value(), QStringLiteral("INSERT INTO controllers (code, name, kind) VALUES "
                                                    "('own', 'Example Ltd', 'own') RETURNING id"));
        ASSERT_TRUE(QFile::exists(path + QStringLiteral("-wal")));
        for (const char *suffix : {"", "-wal", "-shm"}) {
            EXPECT_EQ(fileMode(path + QLatin1String(suffix)), 0600) << suffix;
        }
    }
    // A database left readable by others (an earlier version, a copy) is the owner's alone once opened.
    ASSERT_TRUE(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                                QFileDevice::ReadOther));
    ASSERT_EQ(fileMode(path), 0644);
    Result<std::shared_ptr<Database>> reopened = Database::open(DatabaseUrl::sqlite(path));
    ASSERT_TRUE(reopened.ok()) << reopened.error().message.toStdString();
    EXPECT_EQ(fileMode(path), 0600);
}

TEST(PrivateFile, WritesAllOrNothingForTheOwnerOnly)
{
    const ScopedUmask everybodyReads(0022);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("letter.pdf"));
    ASSERT_TRUE(PrivateFile::write(path, QByteArrayLiteral("%PDF-first")).ok());
    EXPECT_EQ(fileMode(path), 0600);
    EXPECT_EQ(fileBytes(path), QByteArrayLiteral("%PDF-first"));
    // Replacing a file keeps it private; a write that cannot happen leaves nothing behind.
    ASSERT_TRUE(PrivateFile::write(path, QByteArrayLiteral("%PDF-second")).ok());
    EXPECT_EQ(fileMode(path), 0600);
    EXPECT_EQ(fileBytes(path), QByteArrayLiteral("%PDF-second"));
    const Status refused = PrivateFile::write(dir.filePath(QStringLiteral("no/such/folder/x.pdf")), "x");
    EXPECT_FALSE(refused.ok());
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("letter.pdf")});
}

TEST(PostgreSQLStorage, UnreachableServerGivesAClearError)
{
    // Port 1 on loopback: nothing listens there.
    Result<std::shared_ptr<Database>> opened =
        Database::open(DatabaseUrl::parse(QStringLiteral("postgresql://someone:secret@127.0.0.1:1/nothing")).value());
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::Storage);
    EXPECT_TRUE(opened.error().message.contains(QStringLiteral("postgresql://someone@127.0.0.1:1/nothing")))
        << opened.error().message.toStdString();
    EXPECT_FALSE(opened.error().message.contains(QStringLiteral("secret"))) << "the password leaked into a message";
}

// ---- Migration files ----------------------------------------------------------------------------------------------

TEST(Migrations, SplitsStatementsAndDialectSections)
{
    const QString text = QStringLiteral("-- comment\n"
                                        "CREATE TABLE a (id {{ID}});\n"
                                        "-- @sqlite\n"
                                        "CREATE TRIGGER t BEFORE DELETE ON a BEGIN\n"
                                        "  SELECT RAISE(ABORT, 'no');\n"
                                        "END;\n"
                                        "-- @postgresql\n"
                                        "CREATE FUNCTION f() RETURNS trigger AS $$\n"
                                        "BEGIN RAISE EXCEPTION 'no'; END;\n"
                                        "$$ LANGUAGE plpgsql;\n"
                                        "-- @all\n"
                                        "CREATE INDEX i ON a (id);\n");
    const QStringList sqlite = Migrations::statements(text, Dialect::SQLite);
    ASSERT_EQ(sqlite.size(), 3);
    EXPECT_TRUE(sqlite.at(0).contains(QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")));
    EXPECT_TRUE(sqlite.at(1).startsWith(QStringLiteral("CREATE TRIGGER")));
    EXPECT_TRUE(sqlite.at(1).endsWith(QStringLiteral("END;")));
    EXPECT_EQ(sqlite.at(2), QStringLiteral("CREATE INDEX i ON a (id)"));

    const QStringList postgres = Migrations::statements(text, Dialect::PostgreSQL);
    ASSERT_EQ(postgres.size(), 3);
    EXPECT_TRUE(postgres.at(0).contains(QStringLiteral("GENERATED BY DEFAULT AS IDENTITY")));
    EXPECT_TRUE(postgres.at(1).contains(QStringLiteral("LANGUAGE plpgsql")));
}

TEST(Migrations, AreNumberedWithoutGaps)
{
    const QList<Migrations::Migration> all = Migrations::all();
    ASSERT_FALSE(all.isEmpty());
    for (int i = 0; i < all.size(); ++i) {
        EXPECT_EQ(all.at(i).version, i + 1) << all.at(i).name.toStdString();
    }
}

TEST(SqlDate, AStoredMomentFallsOnTheDayItIsWhereTheProgramRuns)
{
    const QByteArray zone = qgetenv("TZ");
    const auto dayIn = [](const char *timeZone, const char *stored) {
        qputenv("TZ", timeZone);
        tzset();
        return sql::date(QString::fromLatin1(stored));
    };
    // 22:30 UTC on 9 March is 01:30 on 10 March in Minsk and still 9 March in New York.
    EXPECT_EQ(dayIn("Europe/Minsk", "2027-03-09T22:30:00Z"), QDate(2027, 3, 10));
    EXPECT_EQ(dayIn("America/New_York", "2027-03-09T22:30:00Z"), QDate(2027, 3, 9));
    EXPECT_EQ(dayIn("Europe/Minsk", "2027-03-09T22:30:00"), QDate(2027, 3, 10)) << "text without an offset is UTC";
    EXPECT_EQ(dayIn("Europe/Minsk", "2027-03-09"), QDate(2027, 3, 9)) << "a date is the date, in any zone";
    EXPECT_FALSE(dayIn("Europe/Minsk", "not a moment").isValid());
    EXPECT_FALSE(sql::date(QVariant()).isValid());
    if (zone.isNull()) {
        qunsetenv("TZ");
    } else {
        qputenv("TZ", zone);
    }
    tzset();
}
