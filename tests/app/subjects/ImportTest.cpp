#include "CliRunner.h"
#include "ServiceFixture.h"
#include "TestEnvironment.h"

#include "app/subjects/ImportService.h"

#include <QFile>
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
    EXPECT_EQ(
        scalar(QStringLiteral("SELECT details FROM audit_log WHERE action = 'subject.import' AND object_type = 'file'"))
            .toString(),
        QStringLiteral("imported=3 rejected=0"));
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
    Result<ImportService::Summary> header =
        ImportService::importFile(db(), as("officer"), fixture("bad-header.csv"), true);
    ASSERT_FALSE(header.ok());
    EXPECT_TRUE(header.error().message.contains(QStringLiteral("row 1: unknown column 'favourite_colour'")));
    Result<ImportService::Summary> quote =
        ImportService::importFile(db(), as("officer"), fixture("unclosed-quote.csv"), true);
    ASSERT_FALSE(quote.ok());
    EXPECT_TRUE(quote.error().message.contains(QStringLiteral("row 2"))) << quote.error().message.toStdString();
    EXPECT_EQ(subjectCount(), before);
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
