#include "app/subjects/ErasureService.h"

#include "app/subjects/BulkAction.h"

#include <QCoreApplication>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::ErasureService)
};
} // namespace

namespace pd {

namespace {

Result<ErasureService::Outcome> runIrreversible(Database &database, const Session &who,
                                                const ErasureService::Irreversible &order, BulkAction::Kind kind)
{
    // One code path for one subject and for a million: BulkAction checks the role, the reason and the four-eyes
    // rule, and works in all-or-nothing batches.
    BulkAction::Order bulk;
    bulk.kind = kind;
    bulk.subjectIds = order.subjectIds;
    bulk.reason = order.reason;
    bulk.requestId = order.requestId;
    Result<BulkAction::Outcome> outcome = BulkAction::run(database, who, bulk);
    if (!outcome) {
        return outcome.error();
    }
    if (outcome->pendingApproval == 0 && outcome->done == 0 && outcome->skipped > 0) {
        return makeError(ErrorCode::InvalidArgument, kind == BulkAction::Kind::Delete
                                                         ? Tr::tr("there is no such subject to delete")
                                                         : Tr::tr("the subject is already anonymized"));
    }
    ErasureService::Outcome result;
    result.done = int(outcome->done);
    result.pendingApproval = outcome->pendingApproval;
    return result;
}
} // namespace

Result<ErasureService::Outcome> ErasureService::anonymize(Database &database, const Session &who,
                                                          const Irreversible &order)
{
    return runIrreversible(database, who, order, BulkAction::Kind::Anonymize);
}

Result<ErasureService::Outcome> ErasureService::erase(Database &database, const Session &who, const Irreversible &order)
{
    return runIrreversible(database, who, order, BulkAction::Kind::Delete);
}

} // namespace pd
