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
    /// A workbook (libxlsxwriter): a bold header row that stays in view and filters, real text cells wrapped at the
    /// top of their row, columns as wide as their text wants (within bounds), and bold cells where a report says a
    /// value stands out.
    /// `name` is the sheet's name (Excel allows 31 characters, without []:*?/\). `bold[row]` lists the columns of
    /// that row to draw in bold. Errors: the workbook could not be written (ErrorCode::Storage).
    static Result<QByteArray> xlsx(const QString &name, const QStringList &header, const QList<QStringList> &rows,
                                   const QList<QList<int>> &bold = {});
    /// A workbook with a sheet per table, laid out as above; numbers are number cells and dates date cells (shown
    /// as YYYY-MM-DD, times in UTC), an empty cell stays blank.
    static Result<QByteArray> xlsx(const QList<ReportTable> &tables);
};

} // namespace pd
