// The record of processing activities on both backends: one row per activity of the controller, blank cells for
// what is not recorded, special data, a needed DPIA and transfers standing out, the processor's record for a
// client, CSV that spreadsheets and our own reader take back cell for cell, and the PDF.
#include "PdfText.h"
#include "ServiceFixture.h"

#include "app/domain/CsvReader.h"
#include "app/reports/ReportPdf.h"
#include "app/reports/Reports.h"
#include "app/reports/Ropa.h"

#include <QRegularExpression>

using namespace pd;
using namespace pd::test;

class RopaTest : public ServiceFixture
{
protected:
    /// The row of the activity titled `title` (fails when there is none).
    qsizetype rowOf(const Ropa::Sheet &sheet, const QString &title)
    {
        for (qsizetype row = 0; row < sheet.rows.size(); ++row) {
            if (sheet.rows.at(row).value(0) == title) {
                return row;
            }
        }
        ADD_FAILURE() << "no row " << title.toStdString();
        return -1;
    }
};

TEST_P(RopaTest, TheControllersRecordHasARowPerActivityAndWhatMustNotBeMissedStandsOut)
{
    exec(QStringLiteral("UPDATE purposes SET special_category = 1, special_condition = 'art. 9(2)(a) explicit "
                        "consent', dpia = 'needed' WHERE code = 'appeals'"));
    const Result<Ropa::Sheet> sheet = Ropa::sheet(db(), as("auditor"));
    ASSERT_TRUE(sheet.ok()) << sheet.error().message.toStdString();
    EXPECT_EQ(sheet->record, Ropa::Record::Controller);
    const qint64 own = scalar(QStringLiteral("SELECT COUNT(*) FROM purposes p JOIN controllers c ON c.id = "
                                             "p.controller_id WHERE c.kind = 'own'"))
                           .toLongLong();
    EXPECT_EQ(sheet->rows.size(), own);
    EXPECT_GT(own, 0);
    for (const QStringList &row : sheet->rows) {
        EXPECT_EQ(row.size(), sheet->header.size()) << "every row has every column, blank where not recorded";
    }
    const QString appeals = scalar(QStringLiteral("SELECT title FROM purposes WHERE code = 'appeals'")).toString();
    const qsizetype row = rowOf(sheet.value(), appeals);
    ASSERT_GE(row, 0);
    const int special = int(sheet->header.indexOf(QStringLiteral("Special category data (art. 9 condition)")));
    const int dpia = int(sheet->header.indexOf(QStringLiteral("DPIA")));
    EXPECT_EQ(sheet->rows.at(row).at(special), QStringLiteral("yes: art. 9(2)(a) explicit consent"));
    EXPECT_EQ(sheet->rows.at(row).at(dpia), QStringLiteral("needed"));
    EXPECT_TRUE(sheet->standOut.at(row).contains(special));
    EXPECT_TRUE(sheet->standOut.at(row).contains(dpia));
    const QString registration =
        scalar(QStringLiteral("SELECT title FROM purposes WHERE code = 'registration'")).toString();
    const qsizetype plain = rowOf(sheet.value(), registration);
    ASSERT_GE(plain, 0);
    EXPECT_FALSE(sheet->standOut.at(plain).contains(special));
    EXPECT_TRUE(sheet->rows.at(plain)
                    .at(sheet->header.indexOf(QStringLiteral("Retention schedule")))
                    .contains(QLatin1String("technical:")))
        << "a category kept for a period of its own has its own line";

    const Result<Report> report = Reports::build(db(), as("auditor"), ReportKind::Ropa, {});
    ASSERT_TRUE(report.ok()) << report.error().message.toStdString();
    const QByteArray csv = ReportFile::write(report.value(), ReportFormat::Csv, true).value();
    ASSERT_TRUE(csv.startsWith("\xEF\xBB\xBF"));
    CsvReader reader(QString::fromUtf8(csv));
    QStringList fields;
    ASSERT_TRUE(reader.next(&fields));
    EXPECT_EQ(fields, sheet->header);
    for (const QStringList &expected : sheet->rows) {
        ASSERT_TRUE(reader.next(&fields)) << reader.error().toStdString();
        EXPECT_EQ(fields, expected) << "a cell with commas, quotes or lines reads back whole";
    }
    EXPECT_FALSE(reader.next(&fields));
    EXPECT_FALSE(ReportFile::write(report.value(), ReportFormat::Csv, false).value().startsWith("\xEF\xBB\xBF"));

    const QString text = pdfText(ReportPdf::render(Ropa::document(sheet.value(), QStringLiteral("auditor"))).value());
    EXPECT_TRUE(text.contains(QLatin1String("Record of processing activities")));
    EXPECT_TRUE(text.contains(appeals)) << text.toStdString();
    EXPECT_TRUE(text.contains(QLatin1String("art. 9(2)(a) explicit consent")));
}

TEST_P(RopaTest, TheWorkbookHasRealCellsAFrozenFilteredHeaderAndBoldWhereItStandsOut)
{
    exec(QStringLiteral("UPDATE purposes SET special_category = 1, special_condition = 'art. 9(2)(a)' WHERE code = "
                        "'appeals'"));
    const Result<Ropa::Sheet> sheet = Ropa::sheet(db(), as("officer"));
    ASSERT_TRUE(sheet.ok());
    const Result<Report> report = Reports::build(db(), as("officer"), ReportKind::Ropa, {});
    ASSERT_TRUE(report.ok()) << report.error().message.toStdString();
    const Result<QByteArray> workbook = ReportFile::write(report.value(), ReportFormat::Xlsx);
    ASSERT_TRUE(workbook.ok()) << workbook.error().message.toStdString();
    EXPECT_TRUE(workbook->startsWith("PK\x03\x04")) << "an .xlsx is a zip archive";
    const QString strings = zipMember(workbook.value(), QStringLiteral("xl/sharedStrings.xml"));
    for (const QString &column : sheet->header) {
        EXPECT_TRUE(strings.contains(QStringLiteral("<t>%1</t>").arg(column.toHtmlEscaped()))) << column.toStdString();
    }
    EXPECT_TRUE(strings.contains(QLatin1String("yes: art. 9(2)(a)")));
    const QString cells = zipMember(workbook.value(), QStringLiteral("xl/worksheets/sheet1.xml"));
    const QChar last(u'A' + char16_t(sheet->header.size() - 1));
    EXPECT_TRUE(cells.contains(QStringLiteral("<dimension ref=\"A1:%1%2\"/>").arg(last).arg(sheet->rows.size() + 1)))
        << "a header row and a row per activity";
    EXPECT_TRUE(cells.contains(QLatin1String("state=\"frozen\""))) << "the header stays in view";
    EXPECT_TRUE(cells.contains(QLatin1String("<autoFilter"))) << "and filters";
    EXPECT_TRUE(cells.contains(QLatin1String("customWidth=\"1\""))) << "columns are sized";
    // The special-data cell of the appeals row is drawn in another style than the plain "no" of the others.
    const auto stringIndex = [&strings](const QString &text) {
        return int(strings.left(strings.indexOf(QStringLiteral("<t>%1</t>").arg(text))).count(QLatin1String("<si>"))) -
               1;
    };
    const auto styleOf = [&cells](int index) {
        const QRegularExpression cell(QStringLiteral("<c r=\"D\\d+\" s=\"(\\d+)\" t=\"s\"><v>%1</v>").arg(index));
        return cell.match(cells).captured(1);
    };
    const QString strong = styleOf(stringIndex(QStringLiteral("yes: art. 9(2)(a)")));
    const QString plain = styleOf(stringIndex(QStringLiteral("no")));
    EXPECT_FALSE(strong.isEmpty());
    EXPECT_FALSE(plain.isEmpty());
    EXPECT_NE(strong, plain) << "what stands out has a style of its own";
    EXPECT_TRUE(zipMember(workbook.value(), QStringLiteral("xl/styles.xml")).contains(QLatin1String("<b/>")));
}

TEST_P(RopaTest, AClientGetsTheProcessorsRecordWithItsContractAndTransfers)
{
    const QString client =
        scalar(QStringLiteral("SELECT code FROM controllers WHERE kind = 'client' ORDER BY id")).toString();
    ASSERT_FALSE(client.isEmpty()) << "the demo register has a client";
    exec(QStringLiteral("UPDATE controllers SET contract = 'Data processing agreement No. 7' WHERE code = '%1'")
             .arg(client));
    const Result<Ropa::Sheet> sheet = Ropa::sheet(db(), as("officer"), client);
    ASSERT_TRUE(sheet.ok()) << sheet.error().message.toStdString();
    EXPECT_EQ(sheet->record, Ropa::Record::Processor);
    ASSERT_FALSE(sheet->rows.isEmpty());
    const int contract = int(sheet->header.indexOf(QStringLiteral("Contract")));
    const int transfers = int(sheet->header.indexOf(QStringLiteral("Third countries and safeguards")));
    EXPECT_EQ(sheet->rows.first().at(contract), QStringLiteral("Data processing agreement No. 7"));
    const qint64 abroad = scalar(QStringLiteral("SELECT COUNT(*) FROM recipients r JOIN purposes p ON p.id = "
                                                "r.purpose_id JOIN controllers c ON c.id = p.controller_id WHERE "
                                                "c.code = '%1' AND r.country <> '' AND r.country <> c.country")
                                     .arg(client))
                              .toLongLong();
    EXPECT_EQ(!sheet->rows.first().at(transfers).isEmpty(), abroad > 0);
    EXPECT_EQ(sheet->standOut.first().contains(transfers), abroad > 0);
}

TEST_P(RopaTest, OnlyReadersOfRegistersGetItAndAnUnknownControllerIsNamed)
{
    EXPECT_EQ(Ropa::sheet(db(), as("agent")).error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(Ropa::sheet(db(), as("admin")).error().code, ErrorCode::PermissionDenied);
    const Result<Ropa::Sheet> unknown = Ropa::sheet(db(), as("officer"), QStringLiteral("nobody"));
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().code, ErrorCode::NotFound);
    EXPECT_TRUE(unknown.error().message.contains(QLatin1String("nobody")));
}

PD_INSTANTIATE_FOR_BACKENDS(RopaTest);
