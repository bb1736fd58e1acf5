#pragma once

#include "app/domain/Result.h"

#include <QChar>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pd {

/// Where the values of one column of an import file go.
struct ImportTarget
{
    enum class Kind {
        Ignored, ///< not read (a warning says so)
        Column,  ///< one of ImportFile::understoodColumns()
        Item,    ///< a data item of the subject: `category` and `name` (the field)
    };
    Kind kind = Kind::Ignored;
    QString name;
    QString category;

    /// "email", "account.city" or "ignore": how a mapping file writes it.
    QString toString() const;
};

/// A file of subjects to import, read and matched to what Privacy Desk stores; no database involved.
///
/// CSV (RFC 4180, ',' or ';' detected from the header, CRLF or LF, UTF-8 with or without a byte-order mark) or JSON
/// Lines (one object per line; its keys are the columns, in alphabetical order of each object as they first appear).
/// Columns are matched by their header: the understood names and their aliases (full_name also as name, e-mail as
/// email, ...; README.md, "Importing subjects"), or as a mapping says (`column = target` lines). Columns matched to
/// nothing are ignored with a warning. Rows keep every value as read, so that a rejects file can give them back.
class ImportFile
{
public:
    enum class Format {
        Csv,
        Jsonl,
        SubjectExport, ///< one subject's data as another controller exported it (docs/subject-export.md)
    };

    struct Options
    {
        std::optional<Format> format;    ///< unset: by the file's extension (.jsonl, .ndjson), else CSV
        QChar separator;                 ///< CSV: null detects ',' or ';'
        QHash<QString, QString> mapping; ///< header (as written) -> target ("email", "account.city", "ignore")
    };

    struct Record
    {
        int row = 0;        ///< the spreadsheet row (CSV, the header is 1) or the line (JSON Lines)
        QStringList values; ///< one per header column
        QString problem;    ///< what made the row unreadable (a JSON line that is not an object); empty otherwise
    };

    Format format = Format::Csv;
    QChar separator = u',';
    QStringList header;
    QList<ImportTarget> targets; ///< one per header column
    QStringList warnings;        ///< columns ignored, one line each
    QList<Record> records;

    /// The columns understood without a mapping, in the order the README lists them.
    static const QStringList &understoodColumns();
    /// The understood column a header names (trimmed, any case, spaces and dashes as '_', aliases resolved), or empty.
    static QString understoodColumn(const QString &header);
    /// "email", "account.city" (a data item: category and field, lower-case identifiers) or "ignore"/"-".
    static Result<ImportTarget> parseTarget(const QString &text);
    /// A mapping file: one `column = target` per line, '#' starts a comment. Errors name the file and line.
    static Result<QHash<QString, QString>> readMapping(const QString &text, const QString &fileName);

    /// Reads `text` (the file's contents) as `fileName`. Refused whole (naming the file, row and column) when the
    /// header is empty, a column appears twice, two columns go to the same place, a mapping names a column the file
    /// does not have, or a CSV quote is left open.
    static Result<ImportFile> parse(const QString &text, const QString &fileName, const Options &options);

    /// The index of the column whose target is the understood column `name`, or -1.
    int columnOf(const QString &name) const;
    /// The value of understood column `name` in `record` (trimmed), empty when the file has no such column.
    QString value(const Record &record, const QString &name) const;
};

} // namespace pd
