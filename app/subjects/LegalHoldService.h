#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QString>

namespace pd {

class Database;

/// Legal holds: a subject whose data must be kept past every retention period (litigation, an authority's order) is
/// put on hold with the reason; the retention sweep holds its data back until the hold is lifted. Officers only
/// (Action::DeleteData: it is a decision about erasure); each change is audited in its transaction.
class LegalHoldService
{
public:
    /// Puts the subject on hold; `holdReason` is what the hold is for (kept with the subject, shown as the reason
    /// the sweep held its data back). Replaces an earlier hold's reason.
    static Status hold(Database &database, const Session &who, qint64 subjectId, const QString &holdReason);
    /// Lifts the hold, saying why.
    static Status release(Database &database, const Session &who, qint64 subjectId, const QString &reason);
    /// The hold's reason; empty when the subject is not on hold.
    static Result<QString> holdOf(Database &database, const Session &who, qint64 subjectId);
};

} // namespace pd
