#include "app/reports/SheetFile.h"

#include "app/domain/CsvReader.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <xlsxwriter.h>

#include <algorithm>

namespace pd {

namespace {

class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::SheetFile)
};

constexpr double kMinWidth = 10;
constexpr double kMaxWidth = 60;

/// A name Excel takes for a sheet.
QByteArray sheetName(const QString &name)
{
    QString cleaned = name;
    cleaned.replace(QRegularExpression(QStringLiteral("[\\[\\]:*?/\\\\]")), QStringLiteral(" "));
    cleaned = cleaned.trimmed().left(31);
    return (cleaned.isEmpty() ? QStringLiteral("Sheet") : cleaned).toUtf8();
}

/// The characters of the longest line of `text`.
int longestLine(const QString &text)
{
    int longest = 0;
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        longest = std::max(longest, int(line.size()));
    }
    return longest;
}

} // namespace

QByteArray SheetFile::csv(const QStringList &header, const QList<QStringList> &rows, bool bom)
{
    QString text;
    const auto line = [&text](const QStringList &cells) {
        QStringList quoted;
        for (const QString &cell : cells) {
            quoted << CsvReader::quote(cell);
        }
        text += quoted.join(QLatin1Char(',')) + QLatin1String("\r\n");
    };
    line(header);
    for (const QStringList &row : rows) {
        line(row);
    }
    return (bom ? QByteArray("\xEF\xBB\xBF") : QByteArray()) + text.toUtf8();
}

Result<QByteArray> SheetFile::xlsx(const QString &name, const QStringList &header, const QList<QStringList> &rows,
                                   const QList<QList<int>> &bold)
{
    // libxlsxwriter writes a file: into a folder only its owner can read, then read back and removed with it.
    QTemporaryDir dir;
    if (!dir.isValid()) {
        return makeError(ErrorCode::Storage, Tr::tr("no temporary folder for the workbook: %1").arg(dir.errorString()));
    }
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("sheet.xlsx")));
    lxw_workbook *workbook = workbook_new(path.constData());
    if (!workbook) {
        return makeError(ErrorCode::Storage, Tr::tr("the workbook could not be started"));
    }
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, sheetName(name).constData());
    lxw_format *headerFormat = workbook_add_format(workbook);
    format_set_bold(headerFormat);
    format_set_text_wrap(headerFormat);
    format_set_align(headerFormat, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(headerFormat, 0xE8E8E8);
    format_set_border(headerFormat, LXW_BORDER_THIN);
    lxw_format *cellFormat = workbook_add_format(workbook);
    format_set_text_wrap(cellFormat);
    format_set_align(cellFormat, LXW_ALIGN_VERTICAL_TOP);
    lxw_format *boldFormat = workbook_add_format(workbook);
    format_set_text_wrap(boldFormat);
    format_set_align(boldFormat, LXW_ALIGN_VERTICAL_TOP);
    format_set_bold(boldFormat);

    QList<int> widths(header.size(), 0);
    for (qsizetype column = 0; column < header.size(); ++column) {
        worksheet_write_string(sheet, 0, lxw_col_t(column), header.at(column).toUtf8().constData(), headerFormat);
        widths[column] = std::max(widths.at(column), longestLine(header.at(column)) / 2);
    }
    for (qsizetype row = 0; row < rows.size(); ++row) {
        const QStringList &cells = rows.at(row);
        for (qsizetype column = 0; column < cells.size() && column < header.size(); ++column) {
            const bool strong = row < bold.size() && bold.at(row).contains(int(column));
            worksheet_write_string(sheet, lxw_row_t(row + 1), lxw_col_t(column), cells.at(column).toUtf8().constData(),
                                   strong ? boldFormat : cellFormat);
            widths[column] = std::max(widths.at(column), longestLine(cells.at(column)));
        }
    }
    for (qsizetype column = 0; column < header.size(); ++column) {
        worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column),
                             std::clamp(double(widths.at(column)) + 2, kMinWidth, kMaxWidth), nullptr);
    }
    if (!header.isEmpty()) {
        worksheet_freeze_panes(sheet, 1, 0);
        worksheet_autofilter(sheet, 0, 0, lxw_row_t(rows.size()), lxw_col_t(header.size() - 1));
    }
    if (const lxw_error closed = workbook_close(workbook); closed != LXW_NO_ERROR) {
        return makeError(ErrorCode::Storage,
                         Tr::tr("the workbook could not be written: %1").arg(QString::fromUtf8(lxw_strerror(closed))));
    }
    QFile file(QFile::decodeName(path));
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::Storage, Tr::tr("the workbook could not be read back: %1").arg(file.errorString()));
    }
    return file.readAll();
}

} // namespace pd
