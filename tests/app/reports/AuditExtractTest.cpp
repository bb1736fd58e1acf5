// The audit extract of a period on both backends: the entries of the period oldest first, the check of the whole
// chain (and a broken one said so), the PDF, CSV and XLSX of the command line.
#include "CliRunner.h"
#include "PdfText.h"
#include "ServiceFixture.h"

#include "app/domain/CsvReader.h"
#include "app/reports/AuditExtract.h"
#include "app/reports/ReportPdf.h"

#include <QFile>
#include <QSqlError>
#include <QTemporaryDir>

using namespace pd;
using namespace pd::test;

class AuditExtractTest : public ServiceFixture
{
protected:
    /// A day with entries: the day of the newest one.
    QDate busyDay()
    {
        return QDate::fromString(scalar(QStringLiteral("SELECT MAX(at) FROM audit_log")).toString().left(10),
                                 Qt::ISODate);
    }
};

TEST_P(AuditExtractTest, ThePeriodsEntriesComeOldestFirstWithTheCheckOfTheWholeChain)
{
    const QDate day = busyDay();
    ASSERT_TRUE(day.isValid());
    const Result<AuditExtract::Extract> extract = AuditExtract::build(db(), as("auditor"), day, day);
    ASSERT_TRUE(extract.ok()) << extract.error().message.toStdString();
    const QString prefix = day.toString(Qt::ISODate);
    const qint64 expected =
        scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE substr(at, 1, 10) = ?"), {prefix}).toLongLong();
    EXPECT_GT(expected, 0);
    EXPECT_EQ(extract->total, expected);
    ASSERT_EQ(extract->rows.size(), expected);
    for (qsizetype row = 1; row < extract->rows.size(); ++row) {
        EXPECT_LT(extract->rows.at(row - 1).at(0).toLongLong(), extract->rows.at(row).at(0).toLongLong())
            << "oldest first";
    }
    for (const QStringList &row : extract->rows) {
        EXPECT_TRUE(row.at(1).startsWith(prefix)) << "only the period";
    }
    EXPECT_TRUE(extract->verification.ok());
    EXPECT_EQ(extract->verification.entries, scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")).toLongLong());
    const QString text =
        pdfText(ReportPdf::render(AuditExtract::document(extract.value(), QStringLiteral("auditor"))).value());
    EXPECT_TRUE(text.contains(QLatin1String("Audit trail extract")));
    EXPECT_TRUE(text.contains(QLatin1String("whole: no entry was changed, removed or reordered")));
    EXPECT_TRUE(text.contains(extract->rows.last().at(3))) << "the newest entry's action is listed";

    const Result<AuditExtract::Extract> empty =
        AuditExtract::build(db(), as("auditor"), QDate(2001, 1, 1), QDate(2001, 1, 31));
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->rows.isEmpty());
    EXPECT_TRUE(pdfText(ReportPdf::render(AuditExtract::document(empty.value(), QStringLiteral("auditor"))).value())
                    .contains(QLatin1String("No entries in this period.")));
    EXPECT_EQ(AuditExtract::build(db(), as("auditor"), day, day.addDays(-1)).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(AuditExtract::build(db(), as("agent"), day, day).error().code, ErrorCode::PermissionDenied);
}

TEST_P(AuditExtractTest, ABrokenChainIsSaidInTheExtractAndTheCommandFails)
{
    // The intruder of AuditTest: the append-only triggers removed, one entry changed.
    disableAuditProtection();
    const qint64 changed = scalar(QStringLiteral("SELECT MIN(id) FROM audit_log")).toLongLong();
    exec(QStringLiteral("UPDATE audit_log SET reason = 'rewritten' WHERE id = %1").arg(changed));
    const QDate day = busyDay();
    const Result<AuditExtract::Extract> extract = AuditExtract::build(db(), as("auditor"), day, day);
    ASSERT_TRUE(extract.ok());
    EXPECT_EQ(extract->verification.firstBrokenId, changed);
    EXPECT_TRUE(pdfText(ReportPdf::render(AuditExtract::document(extract.value(), QStringLiteral("auditor"))).value())
                    .contains(QStringLiteral("broken at entry #%1").arg(changed)));

    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("audit.csv"));
    const CliRun run = runCliAs(testDatabase().url(), "auditor", "auditor-demo-2026",
                                {QStringLiteral("report"), QStringLiteral("audit"), QStringLiteral("--from"),
                                 day.toString(Qt::ISODate), QStringLiteral("--to"), day.toString(Qt::ISODate),
                                 QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--out"), csv});
    EXPECT_EQ(run.exitCode, 1) << "a nightly job notices";
    EXPECT_TRUE(run.err.contains(QStringLiteral("#%1").arg(changed))) << run.err.toStdString();
    QFile file(csv);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << "the extract is written all the same";
    CsvReader reader(QString::fromUtf8(file.readAll()));
    QStringList fields;
    ASSERT_TRUE(reader.next(&fields));
    EXPECT_EQ(fields, extract->header);
    int rows = 0;
    while (reader.next(&fields)) {
        ++rows;
    }
    // The command's own sign-in is an entry too (of the same day, unless midnight passed), written before it read
    // the period; the entry recording the export comes after it.
    EXPECT_EQ(rows, scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE substr(at, 1, 10) = ? AND action <> "
                                          "'report.export'"),
                           {day.toString(Qt::ISODate)})
                        .toLongLong());
    EXPECT_EQ(scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'report.export' AND object_id = "
                                    "'audit'"))
                  .toLongLong(),
              1)
        << "the export is recorded even from a broken chain";
}

PD_INSTANTIATE_FOR_BACKENDS(AuditExtractTest);
