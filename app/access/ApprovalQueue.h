#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QList>
#include <QString>

#include <optional>

namespace pd {

class Database;

/// The four-eyes rule and the irreversible actions waiting under it for a second officer.
///
/// Anonymizing or deleting more subjects at once than Settings::FourEyesThreshold (or any deletion, when
/// Settings::FourEyesAllDeletions is on) is not run: it is entered here as a pending approval. A second officer,
/// never the one who asked, decides on it. Entering, approving and rejecting are each audited in the transaction
/// that records them. Carrying out an approved action is ApprovalService's part (it runs the subjects' services).
class ApprovalQueue
{
public:
    struct Approval
    {
        qint64 id = 0;
        QString action; ///< "anonymize" or "delete"
        QList<qint64> subjectIds;
        QString reason;
        std::optional<qint64> requestId;
        QString requestedBy;
        QString requestedAt;
        QString status; ///< pending, approved (started, not finished), executed, rejected, cancelled
        QString decidedBy;
        QString decidedAt;
        qint64 done = 0;  ///< subjects processed so far (changed or skipped as already done)
        qint64 total = 0; ///< subjects it names (each once)

        /// Approved and started, but not carried out to the end (cancelled on the way, or the program stopped).
        bool isHalfDone() const { return status == QLatin1String("approved") && done < total; }
    };

    /// Whether `action` ("anonymize" or "delete") of `subjects` more distinct subjects by `who` needs a second
    /// officer: what `who` anonymized or deleted without an approval over the last Settings::FourEyesWindowMinutes
    /// counts too, so that a large action cannot be split into small ones.
    static Result<bool> isRequired(Database &database, const Session &who, const QString &action, qint64 subjects);

    /// Enters a pending approval; returns its id (audited "approval.request").
    static Result<qint64> request(Database &database, const Session &who, const QString &action,
                                  const QList<qint64> &subjectIds, const QString &reason,
                                  std::optional<qint64> requestId);

    /// A second officer approves: a pending approval becomes approved (audited "approval.approve"); one approved
    /// before and left unfinished is returned as it is, to be carried on. ErrorCode::Conflict when it was decided
    /// otherwise, ErrorCode::PermissionDenied for the officer who asked. Joins the caller's transaction.
    static Result<Approval> approve(Database &database, const Session &who, qint64 approvalId);
    /// The approved action was carried out to the end.
    static Status markExecuted(Database &database, qint64 approvalId);
    /// A second officer rejects a pending approval with a note (audited "approval.reject"); returns it as it was.
    /// Joins the caller's transaction.
    static Result<Approval> reject(Database &database, const Session &who, qint64 approvalId, const QString &note);

    /// An officer stops an approval that is pending or half done, with a note: what was done stays done, the rest is
    /// not done (audited "approval.cancel" with how far it came). Returns it as it was. Joins the caller's
    /// transaction.
    static Result<Approval> cancel(Database &database, const Session &who, qint64 approvalId, const QString &note);

    /// Pending approvals and approved ones not finished, oldest first (officers and auditors).
    static Result<QList<Approval>> pending(Database &database, const Session &who);
};

} // namespace pd
