#pragma once

#include "app/domain/Result.h"
#include "app/reports/ReportFile.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace pd {

/// One table of a report as a file: CSV, or an .xlsx workbook.
class SheetFile
{
public:
    /// RFC 4180 with CRLF line ends; with a UTF-8 byte-order mark for spreadsheet programs when `bom`.
    static QByteArray csv(const QStringList &header, const QList<QStringList> &rows, bool bom);
    /// A workbook (libxlsxwriter) with a sheet per table, named after it (Excel allows 31 characters, without
    /// []:*?/\). Each has a bold header row that stays in view and filters, cells wrapped at the top of their row,
    /// columns as wide as their text wants (within bounds), and bold where the table says a value stands out; numbers
    /// are number cells and dates date cells (shown as YYYY-MM-DD, times in UTC), an empty cell stays blank. Errors:
    /// the workbook could not be written (ErrorCode::Storage).
    static Result<QByteArray> xlsx(const QList<ReportTable> &tables);
};

} // namespace pd
