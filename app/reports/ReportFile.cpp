#include "app/reports/ReportFile.h"

#include "app/reports/ReportLanguage.h"
#include "app/reports/SheetFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace pd {

namespace {

QJsonValue cellValue(const QString &cell, ReportColumn::Type type)
{
    if (cell.isEmpty()) {
        return QJsonValue(QJsonValue::Null);
    }
    if (type == ReportColumn::Type::Number) {
        bool ok = false;
        if (const qint64 whole = cell.toLongLong(&ok); ok) {
            return QJsonValue(whole);
        }
        if (const double number = cell.toDouble(&ok); ok) {
            return QJsonValue(number);
        }
    }
    return QJsonValue(cell);
}

} // namespace

QString toString(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf:
        return QStringLiteral("pdf");
    case ReportFormat::Csv:
        return QStringLiteral("csv");
    case ReportFormat::Xlsx:
        return QStringLiteral("xlsx");
    case ReportFormat::Json:
        return QStringLiteral("json");
    }
    return {};
}

std::optional<ReportFormat> parseReportFormat(const QString &text)
{
    for (ReportFormat format : {ReportFormat::Pdf, ReportFormat::Csv, ReportFormat::Xlsx, ReportFormat::Json}) {
        if (toString(format) == text) {
            return format;
        }
    }
    return std::nullopt;
}

QStringList ReportTable::titles() const
{
    QStringList titles;
    for (const ReportColumn &column : columns) {
        titles << column.title;
    }
    return titles;
}

QStringList ReportTable::shownRow(qsizetype row) const
{
    QStringList cells = rows.at(row);
    for (qsizetype column = 0; column < cells.size() && column < columns.size(); ++column) {
        cells[column] = columns.at(column).shown(cells.at(column));
    }
    return cells;
}

QByteArray ReportFile::json(const Report &report)
{
    if (report.jsonDocument) {
        return QJsonDocument(*report.jsonDocument).toJson(QJsonDocument::Indented);
    }
    QJsonObject out = report.jsonExtra;
    out.insert(QStringLiteral("report"), report.kind);
    out.insert(QStringLiteral("title"), report.document.title);
    out.insert(QStringLiteral("generated_at"), report.document.generatedAt.toUTC().toString(Qt::ISODateWithMs));
    out.insert(QStringLiteral("generated_by"), report.document.generatedBy);
    if (!report.periodFrom.isEmpty() || !report.periodTo.isEmpty()) {
        out.insert(QStringLiteral("period"),
                   QJsonObject{{QStringLiteral("from"), report.periodFrom}, {QStringLiteral("to"), report.periodTo}});
    }
    for (const ReportTable &table : report.tables) {
        QJsonArray rows;
        for (const QStringList &cells : table.rows) {
            QJsonObject row;
            for (qsizetype column = 0; column < table.columns.size(); ++column) {
                const ReportColumn &spec = table.columns.at(column);
                row.insert(spec.key, cellValue(cells.value(column), spec.type));
            }
            rows.append(row);
        }
        out.insert(table.key, rows);
    }
    return QJsonDocument(out).toJson(QJsonDocument::Indented);
}

Result<QByteArray> ReportFile::write(const Report &report, ReportFormat format, bool bom)
{
    const ReportLanguage::Scope language(report.language);
    switch (format) {
    case ReportFormat::Pdf:
        return ReportPdf::render(report.document);
    case ReportFormat::Csv: {
        const ReportTable table = report.tables.value(0);
        QList<QStringList> rows;
        rows.reserve(table.rows.size());
        for (qsizetype row = 0; row < table.rows.size(); ++row) {
            rows << table.shownRow(row);
        }
        return SheetFile::csv(table.titles(), rows, bom);
    }
    case ReportFormat::Xlsx:
        return SheetFile::xlsx(report.tables);
    case ReportFormat::Json:
        return json(report);
    }
    return QByteArray();
}

} // namespace pd
