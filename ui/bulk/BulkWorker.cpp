#include "ui/bulk/BulkWorker.h"

#include "app/approvals/ApprovalService.h"
#include "app/storage/Database.h"

namespace pd {

BulkWorker::BulkWorker(std::shared_ptr<Database> database, const Session &session, BulkAction::Order order,
                       int batchSize)
    : m_database(std::move(database)), m_session(session), m_order(std::move(order)), m_batchSize(batchSize)
{
}

void BulkWorker::run()
{
    const BulkAction::Progress progress = [this](qint64 done, qint64 total) {
        emit progressed(done, total);
        return !m_cancelled.load();
    };
    if (m_approvalId > 0) {
        BulkAction::Outcome ran;
        const Status approved =
            ApprovalService::approve(*m_database, m_session, m_approvalId, progress, m_batchSize, &ran);
        m_database->releaseThreadConnection();
        if (!approved && approved.error().code != ErrorCode::Cancelled) {
            emit finished({}, approved.error().message);
            return;
        }
        ran.cancelled = !approved;
        emit finished(ran, QString());
        return;
    }
    const Result<BulkAction::Outcome> outcome = BulkAction::run(*m_database, m_session, m_order, progress, m_batchSize);
    // The connection was made by this thread for this order; the next order gets a new thread.
    m_database->releaseThreadConnection();
    if (!outcome) {
        emit finished({}, outcome.error().message);
        return;
    }
    emit finished(outcome.value(), QString());
}

} // namespace pd
