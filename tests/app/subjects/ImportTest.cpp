#include "CliRunner.h"
#include "ServiceFixture.h"
#include "TestEnvironment.h"

#include "app/storage/Dialect.h"
#include "app/subjects/ImportService.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace pd;
using namespace pd::test;

namespace {

QString fixture(const char *name)
{
    return QStringLiteral(PRIVACYDESK_TEST_DATA "/import/%1").arg(QLatin1String(name));
}

} // namespace

class ImportTest : public ServiceFixture
{
protected:
    qint64 subjectCount() { return scalar(QStringLiteral("SELECT COUNT(*) FROM subjects")).toLongLong(); }
};

TEST_P(ImportTest, GoodFileIsImportedWithItsItemsAndOneAuditEntry)
{
    const qint64 before = subjectCount();
    Result<ImportService::Summary> summary = ImportService::importFile(db(), as("officer"), fixture("good.csv"), false);
    ASSERT_TRUE(summary.ok()) << summary.error().message.toStdString();
    EXPECT_EQ(summary->imported, 3);
    EXPECT_EQ(subjectCount(), before + 3);
    EXPECT_EQ(scalar(QStringLiteral("SELECT display_name FROM subjects WHERE external_id = 'IMP-2'")).toString(),
              QStringLiteral("Навіцкі, Алесь"));
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM pd_items i JOIN subjects s ON s.id = i.subject_id "
                                    "WHERE s.external_id = 'IMP-1'"))
                  .toInt(),
              3);
    EXPECT_TRUE(
        scalar(QStringLiteral("SELECT details FROM audit_log WHERE action = 'subject.import' AND object_type = 'file'"))
            .toString()
            .contains(QStringLiteral("rows=2-4 imported=3")));
}

TEST_P(ImportTest, DuplicateColumnsForeignPurposesAndControlCharactersAreRefused)
{
    const qint64 before = subjectCount();
    const Result<ImportService::Summary> twice = ImportService::importText(
        db(), as("officer"),
        QStringLiteral("name,email,email,purpose\nAnna,a@example.org,b@example.org,registration\n"),
        QStringLiteral("twice.csv"), true);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().message, QStringLiteral("twice.csv: row 1: column 'email' appears twice"));

    const QString text = QStringLiteral("name,email,purpose\n"
                                        "Anna Own,anna@example.org,registration\n"
                                        "Boris Client,boris@example.org,client-mailing\n"
                                        "Clara \x1b[31mRed,clara@example.org,registration\n");
    const Result<ImportService::Summary> summary =
        ImportService::importText(db(), as("officer"), text, QStringLiteral("mixed.csv"), true);
    ASSERT_TRUE(summary.ok()) << summary.error().message.toStdString();
    EXPECT_EQ(summary->imported, 1);
    ASSERT_EQ(summary->rejected.size(), 2);
    EXPECT_EQ(summary->rejected.at(0).row, 3);
    EXPECT_EQ(summary->rejected.at(0).problem,
              QStringLiteral("field 'purpose': the purpose belongs to another controller"));
    EXPECT_EQ(summary->rejected.at(1).row, 4);
    EXPECT_EQ(summary->rejected.at(1).problem, QStringLiteral("field 'name': contains a control character (code 27)"));
    EXPECT_EQ(subjectCount(), before + 1);
}

TEST_P(ImportTest, ALargeFileGoesInWholeBatchesAndAnInterruptedImportCarriesOn)
{
    // 250 rows in batches of 100: three batches. A trigger of the test makes the store fail at row 220, in the third
    // batch, as a full disk or a lost connection would.
    QString text = QStringLiteral("name,email,external_id,purpose\n");
    for (int i = 1; i <= 250; ++i) {
        text += QStringLiteral("Person %1,person%1@example.org,BATCH-%1,registration\n").arg(i);
    }
    const qint64 before = subjectCount();
    const int auditedBefore =
        scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'subject.import'")).toInt();
    QSqlDatabase connection = db().connection();
    QSqlQuery query(connection);
    if (dialectOf(db()) == Dialect::SQLite) {
        ASSERT_TRUE(
            query.exec(QStringLiteral("CREATE TRIGGER test_full_disk BEFORE INSERT ON subjects WHEN "
                                      "NEW.external_id = 'BATCH-219' BEGIN SELECT RAISE(ABORT, 'disk full'); END")));
    } else {
        ASSERT_TRUE(query.exec(QStringLiteral(
            "CREATE FUNCTION test_full_disk() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF NEW.external_id = 'BATCH-219' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$")));
        ASSERT_TRUE(query.exec(QStringLiteral("CREATE TRIGGER test_full_disk BEFORE INSERT ON subjects "
                                              "FOR EACH ROW EXECUTE FUNCTION test_full_disk()")));
    }
    const Result<ImportService::Summary> failed =
        ImportService::importText(db(), as("officer"), text, QStringLiteral("people.csv"), false, 100);
    ASSERT_FALSE(failed.ok());
    EXPECT_TRUE(failed.error().message.contains(QStringLiteral("rows 202-251")))
        << failed.error().message.toStdString();
    EXPECT_TRUE(failed.error().message.contains(QStringLiteral("import the same file again to carry on")))
        << failed.error().message.toStdString();
    EXPECT_EQ(subjectCount(), before + 200) << "two whole batches, nothing of the third";
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'subject.import'")).toInt(),
              auditedBefore + 2)
        << "one audit entry per batch stored";

    ASSERT_TRUE(query.exec(dialectOf(db()) == Dialect::SQLite
                               ? QStringLiteral("DROP TRIGGER test_full_disk")
                               : QStringLiteral("DROP TRIGGER test_full_disk ON subjects")));
    const Result<ImportService::Summary> resumed =
        ImportService::importText(db(), as("officer"), text, QStringLiteral("people.csv"), false, 100);
    ASSERT_TRUE(resumed.ok()) << resumed.error().message.toStdString();
    EXPECT_EQ(resumed->resumedAfterRow, 201) << "the last row of the second batch (row 1 is the header)";
    EXPECT_EQ(resumed->imported, 250);
    EXPECT_EQ(subjectCount(), before + 250) << "every row once";
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT COUNT(DISTINCT external_id) FROM subjects WHERE external_id LIKE 'BATCH-%'"))
            .toInt(),
        250);
    EXPECT_EQ(scalar(QStringLiteral("SELECT status FROM import_runs")).toString(), QStringLiteral("finished"));

    // Finished: the same file again names the subjects it stored; they are not duplicated.
    const Result<ImportService::Summary> again =
        ImportService::importText(db(), as("officer"), text, QStringLiteral("people.csv"), false, 100);
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_EQ(again->imported, 0);
    EXPECT_EQ(again->unchanged, 250);
    EXPECT_EQ(subjectCount(), before + 250);
}

TEST_P(ImportTest, OneBadRowRefusesTheFileNamingRowAndField)
{
    const qint64 before = subjectCount();
    Result<ImportService::Summary> summary =
        ImportService::importFile(db(), as("officer"), fixture("bad-rows.csv"), false);
    ASSERT_FALSE(summary.ok());
    EXPECT_EQ(summary.error().message,
              QStringLiteral("bad-rows.csv: row 3, field 'email': not an e-mail address (expected name@domain.tld); "
                             "nothing was imported"));
    EXPECT_FALSE(summary.error().message.contains(QStringLiteral("not-an-email")));
    EXPECT_EQ(subjectCount(), before);
}

TEST_P(ImportTest, WithRejectsTheGoodRowsGoInAndTheBadOnesAreListed)
{
    const qint64 before = subjectCount();
    Result<ImportService::Summary> summary =
        ImportService::importFile(db(), as("officer"), fixture("bad-rows.csv"), true);
    ASSERT_TRUE(summary.ok()) << summary.error().message.toStdString();
    EXPECT_EQ(summary->imported, 2);
    ASSERT_EQ(summary->rejected.size(), 2);
    EXPECT_EQ(summary->rejected.at(0).row, 3);
    EXPECT_EQ(summary->rejected.at(1).row, 5);
    EXPECT_TRUE(summary->rejected.at(1).problem.contains(QStringLiteral("'purpose'")));
    EXPECT_EQ(subjectCount(), before + 2);
}

TEST_P(ImportTest, MalformedFilesAreRefusedWhole)
{
    const qint64 before = subjectCount();
    Result<ImportService::Summary> quote =
        ImportService::importFile(db(), as("officer"), fixture("unclosed-quote.csv"), true);
    ASSERT_FALSE(quote.ok());
    EXPECT_TRUE(quote.error().message.contains(QStringLiteral("row 2"))) << quote.error().message.toStdString();
    EXPECT_EQ(subjectCount(), before);
}

TEST_P(ImportTest, AColumnThatIsNotUnderstoodIsIgnoredWithAWarning)
{
    Result<ImportService::Summary> summary =
        ImportService::importFile(db(), as("officer"), fixture("bad-header.csv"), true);
    ASSERT_TRUE(summary.ok()) << summary.error().message.toStdString();
    ASSERT_EQ(summary->warnings.size(), 1);
    EXPECT_TRUE(summary->warnings.first().contains(QStringLiteral("'favourite_colour' is not understood")))
        << summary->warnings.first().toStdString();
    EXPECT_GE(summary->imported, 1);
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM pd_items WHERE field LIKE '%colour%'")).toInt(), 0);
}

TEST_P(ImportTest, AgentsCannotImport)
{
    Result<ImportService::Summary> refused = ImportService::importFile(db(), as("agent"), fixture("good.csv"), false);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::PermissionDenied);
}

TEST_P(ImportTest, CliWritesTheRejectsFileForTheOwnerOnly)
{
    const ScopedUmask everybodyReads(0022); // the command line inherits it
    QTemporaryDir dir;
    const QString rejects = dir.filePath(QStringLiteral("rejects.csv"));
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PRIVACYDESK_PASSWORD"), QStringLiteral("officer-demo-2026"));
    const CliRun refused =
        runCli({QStringLiteral("--db"), testDatabase().url(), QStringLiteral("--operator"), QStringLiteral("officer"),
                QStringLiteral("import"), QStringLiteral("subjects"), fixture("bad-rows.csv")},
               environment);
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("row 3, field 'email'"))) << refused.err.toStdString();

    const CliRun run = runCli({QStringLiteral("--db"), testDatabase().url(), QStringLiteral("--operator"),
                               QStringLiteral("officer"), QStringLiteral("import"), QStringLiteral("subjects"),
                               fixture("bad-rows.csv"), QStringLiteral("--rejects"), rejects},
                              environment);
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains(QStringLiteral("Imported 2 subjects; 2 rows rejected")));
    EXPECT_EQ(fileMode(rejects), 0600) << "rejected rows hold personal data";
    QFile file(rejects);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3);
    EXPECT_TRUE(lines.first().endsWith(QStringLiteral(",row,problem")));
    EXPECT_TRUE(lines.at(1).startsWith(QStringLiteral("Broken Person,not-an-email,")));
}

PD_INSTANTIATE_FOR_BACKENDS(ImportTest);
