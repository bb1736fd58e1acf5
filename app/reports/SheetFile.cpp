#include "app/reports/SheetFile.h"

#include "app/domain/CsvReader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <xlsxwriter.h>

#include <algorithm>
#include <array>

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

Result<QByteArray> SheetFile::xlsx(const QList<ReportTable> &tables)
{
    // libxlsxwriter writes a file: into a folder only its owner can read, then read back and removed with it.
    QTemporaryDir dir;
    if (!dir.isValid()) {
        return makeError(ErrorCode::Storage, Tr::tr("no temporary folder for the workbook: %1").arg(dir.errorString()));
    }
    const QByteArray path = QFile::encodeName(dir.filePath(QStringLiteral("sheet.xlsx")));
    QByteArray scratch = QFile::encodeName(dir.path()); // its own temporary files go there too
    lxw_workbook_options options{};
    options.tmpdir = scratch.data();
    lxw_workbook *workbook = workbook_new_opt(path.constData(), &options);
    if (!workbook) {
        return makeError(ErrorCode::Storage, Tr::tr("the workbook could not be started"));
    }
    const auto format = [workbook](bool bold, const char *numbers) {
        lxw_format *made = workbook_add_format(workbook);
        format_set_text_wrap(made);
        format_set_align(made, LXW_ALIGN_VERTICAL_TOP);
        if (bold) {
            format_set_bold(made);
        }
        if (numbers) {
            format_set_num_format(made, numbers);
        }
        return made;
    };
    lxw_format *headerFormat = format(true, nullptr);
    format_set_bg_color(headerFormat, 0xE8E8E8);
    format_set_border(headerFormat, LXW_BORDER_THIN);
    // Per column type: the plain cell and the bold one.
    const std::array<std::array<lxw_format *, 2>, 4> formats = {{
        {format(false, nullptr), format(true, nullptr)},
        {format(false, nullptr), format(true, nullptr)},
        {format(false, "yyyy-mm-dd"), format(true, "yyyy-mm-dd")},
        {format(false, "yyyy-mm-dd hh:mm"), format(true, "yyyy-mm-dd hh:mm")},
    }};

    QSet<QByteArray> names;
    for (const ReportTable &table : tables) {
        QByteArray name = sheetName(table.name);
        for (int n = 2; names.contains(name); ++n) {
            name = sheetName(table.name.left(27) + QStringLiteral(" %1").arg(n));
        }
        names.insert(name);
        lxw_worksheet *sheet = workbook_add_worksheet(workbook, name.constData());
        const QStringList header = table.titles();
        QList<int> widths(header.size(), 0);
        for (qsizetype column = 0; column < header.size(); ++column) {
            worksheet_write_string(sheet, 0, lxw_col_t(column), header.at(column).toUtf8().constData(), headerFormat);
            widths[column] = std::max(widths.at(column), longestLine(header.at(column)) / 2);
        }
        for (qsizetype row = 0; row < table.rows.size(); ++row) {
            const QStringList &cells = table.rows.at(row);
            for (qsizetype column = 0; column < cells.size() && column < header.size(); ++column) {
                const QString cell = table.columns.at(column).shown(cells.at(column));
                const bool strong = row < table.bold.size() && table.bold.at(row).contains(int(column));
                const ReportColumn::Type type = table.columns.at(column).type;
                lxw_format *cellFormat = formats.at(std::size_t(type)).at(strong ? 1 : 0);
                const auto r = lxw_row_t(row + 1);
                const auto c = lxw_col_t(column);
                if (cell.isEmpty()) {
                    worksheet_write_blank(sheet, r, c, cellFormat);
                    continue;
                }
                bool written = false;
                if (type == ReportColumn::Type::Number) {
                    bool ok = false;
                    const double number = cell.toDouble(&ok);
                    if (ok) {
                        worksheet_write_number(sheet, r, c, number, cellFormat);
                        written = true;
                    }
                } else if (type == ReportColumn::Type::Date || type == ReportColumn::Type::DateTime) {
                    const QDateTime at = type == ReportColumn::Type::Date
                                             ? QDateTime(QDate::fromString(cell, Qt::ISODate), QTime(0, 0), Qt::UTC)
                                             : QDateTime::fromString(cell, Qt::ISODate).toUTC();
                    if (at.isValid()) {
                        lxw_datetime value{at.date().year(), at.date().month(),  at.date().day(),
                                           at.time().hour(), at.time().minute(), double(at.time().second())};
                        worksheet_write_datetime(sheet, r, c, &value, cellFormat);
                        written = true;
                    }
                }
                if (!written) {
                    worksheet_write_string(sheet, r, c, cell.toUtf8().constData(), cellFormat);
                }
                widths[column] = std::max(widths.at(column), longestLine(cell));
            }
        }
        for (qsizetype column = 0; column < header.size(); ++column) {
            worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column),
                                 std::clamp(double(widths.at(column)) + 2, kMinWidth, kMaxWidth), nullptr);
        }
        if (!header.isEmpty()) {
            worksheet_freeze_panes(sheet, 1, 0);
            worksheet_autofilter(sheet, 0, 0, lxw_row_t(table.rows.size()), lxw_col_t(header.size() - 1));
        }
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
