#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QDate>
#include <QString>

namespace pd {

class Database;

/// The end of a subject's contract, from which "for the term of the contract" and "N years after the end of the
/// contract" count (app/domain/Retention.h).
///
/// Checks Action::CorrectData, runs in one transaction that locks the subject and is audited there (the field is
/// named, the date is not written into the trail). Blocked, anonymized and deleted subjects are refused.
class ContractService
{
public:
    /// Records `end` (an invalid date: the contract runs again, nothing is recorded) with a required reason.
    static Status setContractEnd(Database &database, const Session &who, qint64 subjectId, const QDate &end,
                                 const QString &reason);
    /// The recorded end, or an invalid date while the contract runs.
    static Result<QDate> contractEnd(Database &database, const Session &who, qint64 subjectId);
};

} // namespace pd
