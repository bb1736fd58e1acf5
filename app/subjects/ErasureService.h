#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QList>
#include <QString>

#include <optional>

namespace pd {

class Database;

/// The irreversible actions on subjects: anonymization and deletion, for one subject or many.
///
/// Both go through BulkAction: the role is checked (Action::AnonymizeData, Action::DeleteData), the work runs in
/// all-or-nothing batches with one audit entry per subject, and above the four-eyes threshold nothing runs: a
/// pending approval waits for a second officer (Outcome::pendingApproval).
class ErasureService
{
public:
    struct Irreversible
    {
        QList<qint64> subjectIds;
        QString reason; ///< required
        std::optional<qint64> requestId;
    };

    struct Outcome
    {
        int done = 0;               ///< subjects changed now
        qint64 pendingApproval = 0; ///< when the four-eyes rule applies: the approval that waits for a second officer
    };

    /// Anonymizes the subjects (Anonymization strategies per field).
    static Result<Outcome> anonymize(Database &database, const Session &who, const Irreversible &order);
    /// Deletes the subjects with all their items, consents and disclosures; the fact of deletion stays in
    /// deletion_log and the audit trail.
    static Result<Outcome> erase(Database &database, const Session &who, const Irreversible &order);
};

} // namespace pd
