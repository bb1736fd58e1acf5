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
/// bad ones are returned for a rejects file. What is stored goes in one transaction with one audit entry
/// (counts and the file name, never values). Needs Action::ImportData.
class ImportService
{
public:
    struct Rejected
    {
        int row = 0;
        QString problem;    ///< "field 'email': not an e-mail address ..."; never repeats the value
        QStringList fields; ///< the row as read, for the rejects file
    };
    struct Summary
    {
        int imported = 0;
        QList<Rejected> rejected;
        QStringList header;
    };

    static Result<Summary> importFile(Database &database, const Session &who, const QString &path, bool keepGoing);
    /// The same for text already read; `fileName` names it in messages.
    static Result<Summary> importText(Database &database, const Session &who, const QString &text,
                                      const QString &fileName, bool keepGoing);
    /// Writes rejected rows as CSV: the original columns plus "row" and "problem".
    static Status writeRejects(const QString &path, const Summary &summary);
};

} // namespace pd
