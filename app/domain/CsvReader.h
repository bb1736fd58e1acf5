#pragma once

#include <QString>
#include <QStringList>

namespace pd {

/// Reads CSV text (RFC 4180: comma separated, fields in double quotes may hold commas, quotes as "" and line
/// breaks). Records are numbered as a spreadsheet numbers rows: the header is row 1.
class CsvReader
{
public:
    explicit CsvReader(QString text);

    /// The next record, or false at the end. On malformed input (a quote left open) returns false with error() set.
    bool next(QStringList *fields);
    /// The row number of the record next() returned last.
    int row() const { return m_row; }
    QString error() const { return m_error; }

    /// Quotes a field for writing when it needs it.
    static QString quote(const QString &field);

private:
    QString m_text;
    qsizetype m_position = 0;
    int m_row = 0;
    QString m_error;
};

} // namespace pd
