#pragma once

#include <QString>
#include <QStringList>

namespace pd {

/// Reads CSV text (RFC 4180: comma separated, fields in double quotes may hold commas, quotes as "" and line
/// breaks; CRLF or LF line ends; a UTF-8 byte-order mark is skipped). The separator may be ';' instead, as
/// spreadsheets in many locales write it. Records are numbered as a spreadsheet numbers rows: the header is row 1.
class CsvReader
{
public:
    explicit CsvReader(QString text, QChar separator = u',');

    /// The separator of `text`: ';' when its first line (outside quotes) has more semicolons than commas, else ','.
    static QChar detectSeparator(const QString &text);

    /// The next record, or false at the end. On malformed input (a quote left open) returns false with error() set.
    bool next(QStringList *fields);
    /// The row number of the record next() returned last.
    int row() const { return m_row; }
    QString error() const { return m_error; }

    /// Quotes a field for writing when it needs it.
    static QString quote(const QString &field, QChar separator = u',');

private:
    QString m_text;
    QChar m_separator;
    qsizetype m_position = 0;
    int m_row = 0;
    QString m_error;
};

} // namespace pd
