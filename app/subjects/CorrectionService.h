#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QString>

#include <optional>

namespace pd {

class Database;

/// Clarification (correction) of one personal-data value.
///
/// Checks the operator's role (Action::CorrectData), runs in one transaction and appends its audit entry there: the
/// entry names the field and keeps keyed hashes of the old and new value, never the values. Subjects carry a
/// version: a correction made against an older version than the stored one is refused with ErrorCode::Conflict, so
/// that one workstation never silently overwrites another's edit. Blocked and anonymized subjects are read-only.
class CorrectionService
{
public:
    struct Correction
    {
        qint64 subjectId = 0;
        int expectedVersion = 0; ///< the version the operator saw; -1: whatever is stored (one-shot command line)
        qint64 itemId = 0;       ///< the item whose value changes; 0: the subject's active item of `field`
        QString newValue;        ///< checked with FieldRules::valueProblem
        QString reason;          ///< required
        std::optional<qint64> requestId;
        QString field{}; ///< with itemId 0: which field (an account item first)
    };

    static Status correct(Database &database, const Session &who, const Correction &correction);
};

} // namespace pd
