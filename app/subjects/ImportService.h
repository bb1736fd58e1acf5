#pragma once

#include "app/domain/ImportFile.h"
#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace pd {

class Database;

/// Loads subjects from a file (ImportFile: CSV or JSON Lines, columns matched by header or by a mapping).
///
/// Every row is checked before anything is written: its fields (e-mail, phone, dates, country codes, IP addresses,
/// masked cards; messages name the row and field, never the value), the purpose (a column, or Options::purposeCode
/// for every row) and its controller, and every value for a full card number, which rejects the row and is never
/// stored, repeated or written to the rejects file. A row naming a subject that is stored already (same controller,
/// same external id or e-mail) updates it, as a correction of changed values and new items, instead of making a
/// second one. Without keepGoing one bad row refuses the whole file and nothing is stored; with keepGoing the good
/// rows are stored and the bad ones returned for a rejects file. The rows are stored in batches of
/// Options::batchRows (0: sized by time, as BulkAction sizes its batches: kBatchRows first, doubling while one takes
/// under kQuickBatchMs, up to kMaxBatchRows, halving above twice that), each one transaction with its audit entry
/// (counts, rows and the file name, never values).
/// The run is recorded (table import_runs) with the last row stored, in each batch's transaction: importing the same
/// file again after an interruption (a killed process, a full disk, Cancel) carries on after the last batch stored.
/// Needs Action::ImportData.
class ImportService
{
public:
    static constexpr int kBatchRows = 1000;
    static constexpr int kMaxBatchRows = 50000;
    static constexpr int kQuickBatchMs = 400;
    /// New subjects from which a load into a register holding fewer builds the search indexes at the end.
    static constexpr int kBulkLoadRows = 10000;
    /// The largest file imported at once (it is read whole); a larger one is refused before it is read.
    static constexpr qint64 kMaxFileBytes = 256LL * 1024 * 1024;

    /// Called after each batch with the rows handled of the total; return false to stop after it.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    struct Options
    {
        ImportFile::Options file;
        QString purposeCode; ///< the purpose of every row, when the file has no purpose column
        bool keepGoing = false;
        bool dryRun = false; ///< check and count, store nothing
        int batchRows = 0;   ///< rows per transaction; 0: sized by time
        Progress progress;
    };

    struct Rejected
    {
        int row = 0;
        QString problem;    ///< "field 'email': not an e-mail address ..."; never repeats the value
        QStringList fields; ///< the row as read, for the rejects file (a card number replaced)
    };
    struct Summary
    {
        int resumedAfterRow = 0; ///< > 0: an interrupted run of this file was carried on after this row
        int imported = 0;        ///< new subjects
        int updated = 0;         ///< existing subjects changed (dry run: rows naming an existing subject)
        int unchanged = 0;       ///< rows naming an existing subject that held the same values already
        QList<int> updatedRows;  ///< the rows that name existing subjects
        QList<Rejected> rejected;
        QStringList header;
        QStringList warnings; ///< columns ignored
        bool dryRun = false;
        bool cancelled = false;
    };

    static Result<Summary> importFile(Database &database, const Session &who, const QString &path,
                                      const Options &options);
    /// The same for text already read; `fileName` names it in messages (and its extension gives the format).
    static Result<Summary> importText(Database &database, const Session &who, const QString &text,
                                      const QString &fileName, const Options &options);

    /// Shorthands of the above for CSV files with every option at its default.
    static Result<Summary> importFile(Database &database, const Session &who, const QString &path, bool keepGoing);
    static Result<Summary> importText(Database &database, const Session &who, const QString &text,
                                      const QString &fileName, bool keepGoing, int batchRows = 0);

    /// Reads a file as text for import: UTF-8 (with or without a byte-order mark), at most kMaxFileBytes.
    static Result<QString> readText(const QString &path);
    /// Writes rejected rows as CSV: the original columns plus "row" and "problem", readable by the owner only.
    static Status writeRejects(const QString &path, const Summary &summary);
};

} // namespace pd
