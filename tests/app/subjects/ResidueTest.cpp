// After anonymization or deletion the erased values must not be found anywhere in the SQLite files: the database,
// its WAL and shared memory, any index or free page.
#include "ServiceFixture.h"

#include "app/subjects/ErasureService.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace pd;
using namespace pd::test;

namespace {

/// Which of the database's files hold `needle` as UTF-8 bytes.
QStringList filesHolding(const QString &databasePath, const QString &needle)
{
    QStringList found;
    const QFileInfo info(databasePath);
    const QByteArray bytes = needle.toUtf8();
    for (const QFileInfo &file :
         QDir(info.absolutePath()).entryInfoList({info.fileName() + QLatin1Char('*')}, QDir::Files)) {
        QFile f(file.absoluteFilePath());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(bytes)) {
            found << file.fileName();
        }
    }
    return found;
}

} // namespace

class ResidueTest : public ServiceFixture
{
protected:
    /// An active subject with no requests: request records are kept under their own purpose (README).
    struct Victim
    {
        qint64 id = 0;
        QString email;
        QString phone;
        QString name;
        QString ip;
    };
    Victim victim(int skip)
    {
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        query.prepare(QStringLiteral(
            "SELECT s.id, s.email, s.phone, s.display_name, (SELECT value FROM pd_items WHERE subject_id = s.id AND "
            "field = 'ip') FROM subjects s WHERE s.state = 'active' AND s.phone <> '' AND NOT EXISTS "
            "(SELECT 1 FROM requests r WHERE r.subject_id = s.id) ORDER BY s.id LIMIT 1 OFFSET ?"));
        query.addBindValue(skip);
        EXPECT_TRUE(query.exec() && query.next());
        return {query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                query.value(3).toString(), query.value(4).toString()};
    }
};

TEST_P(ResidueTest, ErasedValuesLeaveNoBytesInTheFilesOrStatistics)
{
    if (GetParam() == Backend::PostgreSQL) {
        // Dead rows stay in PostgreSQL's files until VACUUM (README, "No residue"); what the program controls is the
        // planner statistics, which hold sample values of each column.
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        ASSERT_TRUE(query.exec(QStringLiteral("ANALYZE subjects")));
        const Victim v = victim(0);
        const QString stats = QStringLiteral("SELECT COUNT(*) FROM pg_stats WHERE tablename = 'subjects' AND "
                                             "(most_common_vals::text LIKE ? OR histogram_bounds::text LIKE ?)");
        const QString pattern = QLatin1Char('%') + v.email + QLatin1Char('%');
        ASSERT_GT(scalar(stats, {pattern, pattern}).toInt(), 0) << "the statistics held the value before";
        ASSERT_TRUE(ErasureService::erase(db(), as("officer"), {{v.id}, QStringLiteral("erasure"), {}}).ok());
        EXPECT_EQ(scalar(stats, {pattern, pattern}).toInt(), 0);
        return;
    }
    const QString path = testDatabase().sqlitePath();
    const Victim anonymized = victim(0);
    const Victim deleted = victim(1);
    ASSERT_FALSE(anonymized.email.isEmpty());
    // The values are in the files before.
    ASSERT_TRUE(db().checkpoint().ok());
    EXPECT_FALSE(filesHolding(path, anonymized.email).isEmpty());
    EXPECT_FALSE(filesHolding(path, deleted.email).isEmpty());

    ASSERT_TRUE(ErasureService::anonymize(db(), as("officer"), {{anonymized.id}, QStringLiteral("erasure"), {}}).ok());
    ASSERT_TRUE(ErasureService::erase(db(), as("officer"), {{deleted.id}, QStringLiteral("erasure"), {}}).ok());
    testDatabase().close();

    for (const Victim &v : {anonymized, deleted}) {
        for (const QString &value : {v.email, v.phone, v.name, v.ip}) {
            ASSERT_FALSE(value.isEmpty());
            EXPECT_EQ(filesHolding(path, value), QStringList()) << "an erased value is still in the files";
        }
    }
}

TEST(SQLiteResidue, AnErasureLeftInTheWalOfAKilledProcessLeavesNoCopyOnceTheDatabaseIsOpened)
{
    TestDatabase test(Backend::SQLite);
    ASSERT_TRUE(test.database());
    DemoGenerator::Options options;
    options.subjects = 30;
    options.requests = 0;
    ASSERT_TRUE(DemoGenerator::generate(*test.database(), options).ok());
    QSqlDatabase ours = test.database()->connection();
    QSqlQuery read(ours);
    ASSERT_TRUE(read.exec(QStringLiteral("SELECT id, email FROM subjects WHERE email <> '' ORDER BY id LIMIT 1")) &&
                read.next());
    const qint64 id = read.value(0).toLongLong();
    const QString email = read.value(1).toString();
    read.finish();
    test.close();

    // Another process erases the e-mail and is killed before its checkpoint: the WAL holds the new pages, the file
    // still the old ones. The files as they are at that moment are copied aside.
    const QString path = test.sqlitePath();
    QTemporaryDir crashed;
    const QString copy = crashed.filePath(QStringLiteral("crashed.sqlite"));
    {
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("killed"));
        other.setDatabaseName(path);
        ASSERT_TRUE(other.open());
        QSqlQuery query(other);
        ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")));
        ASSERT_TRUE(query.exec(QStringLiteral("PRAGMA secure_delete = ON")));
        ASSERT_TRUE(query.exec(QStringLiteral("UPDATE subjects SET email = '', email_key = '' WHERE id = %1").arg(id)));
        ASSERT_TRUE(query.exec(QStringLiteral("UPDATE pd_items SET value = '' WHERE subject_id = %1").arg(id)));
        for (const char *suffix : {"", "-wal"}) {
            ASSERT_TRUE(QFile::copy(path + QLatin1String(suffix), copy + QLatin1String(suffix))) << suffix;
        }
        query.finish();
        other.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("killed"));
    ASSERT_TRUE(filesHolding(copy, email).contains(QStringLiteral("crashed.sqlite")))
        << "the crashed file still holds the old page: the test shows what it means to";

    // The next start opens the copy: the WAL goes into the file before anything else, and no copy of the e-mail stays.
    {
        Result<std::shared_ptr<Database>> opened = Database::open(DatabaseUrl::sqlite(copy));
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        EXPECT_TRUE(filesHolding(copy, email).isEmpty())
            << filesHolding(copy, email).join(QStringLiteral(", ")).toStdString();
        EXPECT_EQ(QFileInfo(copy + QStringLiteral("-wal")).size(), 0);
    }
}

PD_INSTANTIATE_FOR_BACKENDS(ResidueTest);
