#pragma once

#include "app/domain/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

class QPagedPaintDevice;

namespace pd {

/// A report for a regulator or a subject, as data: what ReportPdf draws (and later exports write as CSV, XLSX or
/// JSON). Every text is shown as it is, never read as markup.
struct ReportDocument
{
    struct Field
    {
        QString label;
        QString value;
        bool standsOut = false; ///< drawn in bold: what a regulator must not miss (late, special data, ...)
    };
    struct Table
    {
        QStringList header;
        QList<QStringList> rows;
    };
    struct Section
    {
        QString heading;
        QList<Field> fields;
        Table table; ///< drawn after the fields when it has a header
        QStringList paragraphs;
    };

    QString title;
    QString subtitle;
    QStringList letterhead; ///< the operator: name, address, contact, DPO
    QString period;         ///< e.g. "1 January 2026 – 31 December 2026"; empty when the report has none
    QString generatedBy;    ///< the operator who made it
    QDateTime generatedAt;  ///< UTC
    QList<Section> sections;
    QStringList signatures; ///< a signature line for each (e.g. "Data protection officer")
};

/// Draws a ReportDocument as an A4 PDF: a title page (title, subtitle, the operator's letterhead, the period and
/// the generation stamp), then the sections; every page carries the stamp and "Page N of M" at its foot. DejaVu
/// fonts (Cyrillic). Texts of the frame (page numbers, "Generated") follow the installed translation. Needs a
/// QGuiApplication (fonts).
class ReportPdf
{
public:
    static Result<QByteArray> render(const ReportDocument &report);
    /// Draws the same pages on `device`: a printer (or a print preview) set to pdfpages::kResolution (300 dpi).
    static Status print(const ReportDocument &report, QPagedPaintDevice &device);
    static constexpr int kResolution = 300;
};

} // namespace pd
