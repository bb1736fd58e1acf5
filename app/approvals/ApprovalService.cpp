#include "app/approvals/ApprovalService.h"

#include "app/requests/RequestExecution.h"
#include "app/retention/RetentionRun.h"
#include "app/storage/Database.h"

#include <QCoreApplication>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::ApprovalService)
};
} // namespace

namespace pd {

Status ApprovalService::approve(Database &database, const Session &who, qint64 approvalId,
                                const BulkAction::Progress &progress, int batchSize, BulkAction::Outcome *ran)
{
    Result<Approval> approved = ApprovalQueue::approve(database, who, approvalId);
    if (!approved) {
        return approved.error();
    }
    const Approval &approval = approved.value();
    if (approval.action == QLatin1String("retention")) {
        // A retention sweep: what of its subjects is still due today goes, as the sweep itself would do it.
        Result<RetentionRun::Summary> swept =
            RetentionRun::runApproved(database, who, approvalId, approval.subjectIds, progress,
                                      batchSize > 0 ? batchSize : RetentionRun::kBatchSubjects);
        if (!swept) {
            return swept.error();
        }
        if (ran) {
            ran->done = swept->subjectsDeleted + swept->subjectsAnonymized + swept->subjectsTrimmed;
            ran->skipped = swept->skipped;
            ran->cancelled = swept->cancelled;
        }
        if (swept->cancelled) {
            return makeError(ErrorCode::Cancelled,
                             Tr::tr("approval #%1 stopped on the way; approve it again to finish").arg(approvalId));
        }
        return ApprovalQueue::markExecuted(database, approvalId);
    }
    // The action itself runs in all-or-nothing batches; subjects done before an interruption are skipped.
    BulkAction::Order order;
    order.kind = approval.action == QLatin1String("delete") ? BulkAction::Kind::Delete : BulkAction::Kind::Anonymize;
    order.subjectIds = approval.subjectIds;
    order.reason = approval.reason;
    order.requestId = approval.requestId;
    Result<BulkAction::Outcome> outcome =
        BulkAction::runApproved(database, who, order, approvalId, progress, batchSize);
    if (!outcome) {
        return outcome.error();
    }
    if (ran) {
        *ran = outcome.value();
    }
    if (outcome->cancelled) {
        return makeError(ErrorCode::Cancelled,
                         Tr::tr("approval #%1 stopped after %2 of %3 subjects; approve it again to finish")
                             .arg(approvalId)
                             .arg(outcome->done + outcome->skipped)
                             .arg(approval.subjectIds.size()));
    }
    return database.transaction([&](QSqlDatabase &) -> Status {
        if (Status executed = ApprovalQueue::markExecuted(database, approvalId); !executed) {
            return executed;
        }
        return approval.requestId ? RequestExecution::approvalDecided(database, who, *approval.requestId, true)
                                  : Status();
    });
}

Status ApprovalService::reject(Database &database, const Session &who, qint64 approvalId, const QString &note)
{
    return database.transaction([&](QSqlDatabase &) -> Status {
        Result<Approval> rejected = ApprovalQueue::reject(database, who, approvalId, note);
        if (!rejected) {
            return rejected.error();
        }
        return rejected->requestId ? RequestExecution::approvalDecided(database, who, *rejected->requestId, false)
                                   : Status();
    });
}

Status ApprovalService::cancel(Database &database, const Session &who, qint64 approvalId, const QString &note)
{
    return database.transaction([&](QSqlDatabase &) -> Status {
        Result<Approval> cancelled = ApprovalQueue::cancel(database, who, approvalId, note);
        if (!cancelled) {
            return cancelled.error();
        }
        return cancelled->requestId ? RequestExecution::approvalDecided(database, who, *cancelled->requestId, false)
                                    : Status();
    });
}

Result<QList<ApprovalService::Approval>> ApprovalService::pending(Database &database, const Session &who)
{
    return ApprovalQueue::pending(database, who);
}

} // namespace pd
