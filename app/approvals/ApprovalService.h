#pragma once

#include "app/access/ApprovalQueue.h"
#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/subjects/BulkAction.h"

namespace pd {

class Database;

/// The second officer's part of the four-eyes rule: deciding on an action waiting in the ApprovalQueue and, when it
/// is approved, carrying it out (BulkAction, in all-or-nothing batches) and moving the request it belongs to on.
/// Approving and rejecting need Action::ApproveIrreversible.
class ApprovalService
{
public:
    using Approval = ApprovalQueue::Approval;

    /// A second officer (not the one who asked) approves: the action runs now, in all-or-nothing batches, with
    /// `progress` after each (false cancels: ErrorCode::Cancelled, and approving again finishes the rest).
    /// `ran`, when given, receives what this call did (and whether it stopped on the way).
    static Status approve(Database &database, const Session &who, qint64 approvalId,
                          const BulkAction::Progress &progress = {}, int batchSize = 0,
                          BulkAction::Outcome *ran = nullptr);
    /// A second officer rejects, with a note; the request it belongs to goes back to in progress.
    static Status reject(Database &database, const Session &who, qint64 approvalId, const QString &note);
    /// An officer cancels an approval that is pending or half done (with a note): what was done stays done, the
    /// request it belongs to goes back to in progress.
    static Status cancel(Database &database, const Session &who, qint64 approvalId, const QString &note);
    /// Pending approvals and half-done ones, oldest first (officers and auditors).
    static Result<QList<Approval>> pending(Database &database, const Session &who);
};

} // namespace pd
