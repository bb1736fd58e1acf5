#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/subjects/BulkAction.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace pd {

class Database;

/// Every change of a subject's personal data: correct, block, unblock, anonymize, delete.
///
/// Each call checks the operator's role (Permissions), runs in one transaction, and appends its audit entry in that
/// same transaction: either the change and its record are both stored, or neither is. Subjects carry a version;
/// a change made against an older version than the stored one is refused with ErrorCode::Conflict, so that one
/// workstation never silently overwrites another's edit. Messages never contain personal-data values.
class SubjectService
{
public:
    struct Correction
    {
        qint64 subjectId = 0;
        int expectedVersion = 0; ///< the version the operator saw; -1: whatever is stored (one-shot command line)
        qint64 itemId = 0;       ///< the item whose value changes; 0: the subject's active item of `field`
        QString newValue;
        QString reason; ///< required
        std::optional<qint64> requestId;
        QString field{}; ///< with itemId 0: which field (an account item first)
    };

    struct Restriction
    {
        qint64 subjectId = 0;
        int expectedVersion = 0; ///< -1: whatever is stored
        QList<qint64> itemIds;   ///< empty: the whole subject
        QString reason;          ///< required, e.g. accuracy disputed while it is verified
        QDate until;             ///< optional end of the block
        std::optional<qint64> requestId;
    };

    struct Lifting
    {
        qint64 subjectId = 0;
        int expectedVersion = 0; ///< -1: whatever is stored
        QString reason;          ///< required
        QString subjectInformed; ///< how and when the subject was told before the block was lifted (GDPR art. 18(3));
                                 ///< recorded as "not stated" when empty
        std::optional<qint64> requestId;
    };

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

    static Status correct(Database &database, const Session &who, const Correction &correction);
    static Status block(Database &database, const Session &who, const Restriction &restriction);
    static Status unblock(Database &database, const Session &who, const Lifting &lifting);
    /// Anonymizes the subjects (Anonymization strategies per field); waits for approval when the four-eyes rule
    /// applies to this many subjects.
    static Result<Outcome> anonymize(Database &database, const Session &who, const Irreversible &order);
    /// Deletes the subjects with all their items, consents and disclosures; the fact of deletion stays in
    /// deletion_log and the audit trail. Waits for approval when the four-eyes rule applies.
    static Result<Outcome> erase(Database &database, const Session &who, const Irreversible &order);

    /// The work of anonymize/erase inside an open transaction, without the four-eyes check (for ApprovalService
    /// and batch workers, which checked it). `approvalId` is recorded in the audit entry.
    static Status anonymizeIn(QSqlDatabase &tx, const Session &who, qint64 subjectId, const QString &reason,
                              std::optional<qint64> requestId, qint64 approvalId = 0);
    static Status eraseIn(QSqlDatabase &tx, const Session &who, qint64 subjectId, const QString &reason,
                          std::optional<qint64> requestId, qint64 approvalId = 0);

    /// The work of block inside an open transaction (the subject is active): with `expectedVersion` the version is
    /// checked, without it (bulk) simply moved on.
    static Status blockIn(QSqlDatabase &tx, const Session &who, const Restriction &restriction,
                          std::optional<int> expectedVersion);

    /// Whether a value is acceptable for a field; empty when it is. Never repeats the value.
    static QString valueProblem(const QString &field, const QString &value);

private:
    static Result<Outcome> runIrreversible(Database &database, const Session &who, const Irreversible &order,
                                           BulkAction::Kind kind);
};

} // namespace pd
