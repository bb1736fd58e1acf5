#pragma once

// Private to app/subjects/: the steps the services of this room share inside their transaction.

#include "app/access/AuditLog.h"
#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/subjects/RestrictionService.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace pd::subjectchanges {

/// What a change of a subject needs to know of it.
struct SubjectState
{
    QString state;
    int version = 0;
    QString updatedAt;
};

/// InvalidArgument when `reason` is blank.
Status requireReason(const QString &reason);
/// The audit entry of an action on one subject.
AuditEntry subjectEntry(const char *action, qint64 subjectId, const QString &reason, std::optional<qint64> requestId);
/// The subject's state and version, its row locked until the transaction ends (sql::forUpdate): every change of a
/// subject starts here, so none acts on a state another transaction is replacing. NotFound when there is no such
/// subject (also when another transaction deleted it while this one waited).
Result<SubjectState> readState(QSqlDatabase &tx, qint64 subjectId);
/// Moves the subject to its next version, provided nobody changed it since `expected` was read (-1: no check);
/// Conflict (naming when and which version) otherwise.
Status bumpVersion(QSqlDatabase &tx, qint64 subjectId, int expected);
/// Ok when the subject is in `allowedState`, else InvalidArgument saying why it cannot change.
Status refuseUnless(const SubjectState &state, qint64 subjectId, const char *allowedState);

/// A column of the subject's row that mirrors one of its account items: the Subjects list shows the name, e-mail and
/// phone, and searches them by their keys.
struct ListingColumn
{
    const char *field;
    const char *column;
    const char *key;
    QString (*makeKey)(const QString &);
};
/// The three of them: name, email, phone.
const QList<ListingColumn> &listingColumns();
/// Sets the listing column that mirrors `field`, and its search key, to `value`; nothing for a field the list does
/// not show.
Status setListing(QSqlDatabase &tx, qint64 subjectId, const QString &field, const QString &value);

/// Blocks an active subject (or some of its items): with `expectedVersion` the version is checked, without it
/// (bulk) simply moved on. Audited ("subject.block").
Status blockIn(QSqlDatabase &tx, const Session &who, const RestrictionService::Restriction &restriction,
               std::optional<int> expectedVersion);
/// Anonymizes the subjects (Anonymization strategies per field) that are there and not anonymized yet, without the
/// four-eyes check: the callers checked it. Set-based: a few statements for the whole list, and one audit entry per
/// subject ("subject.anonymize", with `approvalId` when > 0). Returns how many were anonymized.
Result<qint64> anonymizeMany(QSqlDatabase &tx, const Session &who, const QList<qint64> &subjectIds,
                             const QString &reason, std::optional<qint64> requestId, qint64 approvalId);
/// Deletes the subjects that are there, with their items, consents and disclosures; the fact of each deletion
/// stays in deletion_log and the audit trail ("subject.delete"). Returns how many were deleted.
Result<qint64> eraseMany(QSqlDatabase &tx, const Session &who, const QList<qint64> &subjectIds, const QString &reason,
                         std::optional<qint64> requestId, qint64 approvalId);

} // namespace pd::subjectchanges
