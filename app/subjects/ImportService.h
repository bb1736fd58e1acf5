#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace pd {

class Database;

/// Loads subjects from a CSV file (columns: name, email, phone, external_id, controller, purpose, collected_at,
/// source; a header row names them, in any order; purpose is required, and name or email).
///
/// Every row is checked before anything is written. Without keepGoing, one bad row refuses the whole file with a
/// message naming the file, row and field, and nothing is stored. With keepGoing, the good rows are stored and the
/// bad ones are returned for a rejects file. The good rows are stored in batches of kBatchRows, each one
/// transaction with its audit entry (counts, rows and the file name, never values), so that other workstations wait
/// for one batch at most. The run is recorded (table import_runs) with the last row stored, in each batch's
/// transaction: importing the same file again after an interruption (a killed process, a full disk) carries on
/// after the last batch stored, and the summary is that of the whole file. Needs Action::ImportData.
class ImportService
{
public:
    static constexpr int kBatchRows = 1000;
    /// The largest file imported at once (it is read whole); a larger one is refused before it is read.
    static constexpr qint64 kMaxFileBytes = 256LL * 1024 * 1024;

    struct Rejected
    {
        int row = 0;
        QString problem;    ///< "field 'email': not an e-mail address ..."; never repeats the value
        QStringList fields; ///< the row as read, for the rejects file
    };
    struct Summary
    {
        int resumedAfterRow = 0; ///< > 0: an interrupted run of this file was carried on after this row
        int imported = 0;
        QList<Rejected> rejected;
        QStringList header;
    };

    static Result<Summary> importFile(Database &database, const Session &who, const QString &path, bool keepGoing);
    /// The same for text already read; `fileName` names it in messages. `batchRows`: rows per transaction.
    static Result<Summary> importText(Database &database, const Session &who, const QString &text,
                                      const QString &fileName, bool keepGoing, int batchRows = kBatchRows);
    /// Writes rejected rows as CSV: the original columns plus "row" and "problem".
    static Status writeRejects(const QString &path, const Summary &summary);
};

} // namespace pd
