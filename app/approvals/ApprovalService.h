#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/subjects/BulkAction.h"

#include <QList>
#include <QString>

#include <optional>

namespace pd {

class Database;

/// The four-eyes rule: irreversible actions above Settings::FourEyesThreshold subjects (or every deletion, when
/// Settings::FourEyesAllDeletions is on) wait here until a second officer approves them. Requesting, approving
/// and rejecting are each audited.
class ApprovalService
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
        QString status; ///< pending, approved (started, not finished), executed, rejected
        QString decidedBy;
        QString decidedAt;
    };

    /// Records a pending approval (called by SubjectService when the rule applies).
    static Result<qint64> request(Database &database, const Session &who, const QString &action,
                                  const QList<qint64> &subjectIds, const QString &reason,
                                  std::optional<qint64> requestId);
    /// A second officer (not the one who asked) approves: the action runs now, in all-or-nothing batches, with
    /// `progress` after each (false cancels: ErrorCode::Cancelled, and approving again finishes the rest).
    static Status approve(Database &database, const Session &who, qint64 approvalId,
                          const BulkAction::Progress &progress = {}, int batchSize = 500);
    static Status reject(Database &database, const Session &who, qint64 approvalId, const QString &note);
    /// Pending approvals, oldest first (officers and auditors).
    static Result<QList<Approval>> pending(Database &database, const Session &who);
};

} // namespace pd
