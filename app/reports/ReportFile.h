#pragma once

#include "app/domain/Result.h"
#include "app/reports/ReportPdf.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

namespace pd {

/// The file formats a report is written in.
enum class ReportFormat { Pdf, Csv, Xlsx, Json };

/// "pdf", "csv", "xlsx", "json" (also the file's extension).
QString toString(ReportFormat format);
std::optional<ReportFormat> parseReportFormat(const QString &text);

/// One column of a report's table: its stable key (JSON), its translated title (CSV, XLSX, PDF) and what its cells
/// hold, so that a workbook gets numbers and dates as such and JSON numbers as numbers.
struct ReportColumn
{
    enum class Type {
        Text,
        Number,  ///< an integer or a decimal written with '.'
        Date,    ///< YYYY-MM-DD
        DateTime ///< ISO 8601 in UTC
    };
    ReportColumn(QString key, QString title, Type type = Type::Text, std::function<QString(const QString &)> label = {})
        : key(std::move(key)), title(std::move(title)), type(type), label(std::move(label))
    {
    }

    QString key;
    QString title;
    Type type = Type::Text;
    /// Where the cells hold codes of a vocabulary ("erasure", "gdpr"): their translated names, shown in the PDF, CSV
    /// and XLSX (the JSON keeps the codes).
    std::function<QString(const QString &)> label;

    QString shown(const QString &cell) const { return label && !cell.isEmpty() ? label(cell) : cell; }
};

/// A table of a report: a sheet of its workbook, an array of its JSON.
struct ReportTable
{
    QString key;  ///< the JSON member, e.g. "requests"
    QString name; ///< the sheet's name in a workbook
    QList<ReportColumn> columns;
    QList<QStringList> rows; ///< cells as text in the column's form; an empty cell is "not recorded"
    QList<QList<int>> bold;  ///< per row, the columns that stand out

    QStringList titles() const;
    /// Row `row` as people read it: codes given their names.
    QStringList shownRow(qsizetype row) const;
};

/// A report ready to be written in any format: the document a PDF draws, the tables of its other formats (the first
/// is the CSV), and what its JSON says besides them.
struct Report
{
    QString kind; ///< e.g. "requests", as the CLI names it
    ReportDocument document;
    QList<ReportTable> tables;
    QJsonObject jsonExtra; ///< members of the JSON besides "report", "generated_*", "period" and the tables
    /// When set, the JSON is this object as it is (a subject's data follows its documented schema).
    std::optional<QJsonObject> jsonDocument;
    QString periodFrom; ///< YYYY-MM-DD, empty when the report has no period
    QString periodTo;
    qint64 count = 0; ///< what the report lists (rows of its first table, by default)
    /// The language it was built in when not the window's ("ru" for a request in Russian): its files are written in
    /// it too (ReportLanguage).
    QString language;
};

/// Writes reports: PDF (ReportPdf: needs a QGuiApplication), CSV (RFC 4180, CRLF, the first table, an optional UTF-8
/// byte-order mark), XLSX (a sheet per table) and JSON (UTF-8, indented).
class ReportFile
{
public:
    static Result<QByteArray> write(const Report &report, ReportFormat format, bool bom = false);
    static QByteArray json(const Report &report);
};

} // namespace pd
