#pragma once

#include "app/domain/Session.h"
#include "app/subjects/BulkAction.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace pd {

class Database;

/// Runs one BulkAction order on a worker thread (BulkJob moves it there). The thread gets its own database
/// connection, closed when the order is done. cancel() may be called from any thread: the order stops after the
/// batch in progress, and what was committed stays.
class BulkWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkWorker)

public:
    BulkWorker(std::shared_ptr<Database> database, const Session &session, BulkAction::Order order, int batchSize);

    /// Runs the order; emits progressed() after each batch and finished() at the end. On the worker thread.
    void run();
    /// Runs the order as approval `approvalId` (ApprovalService::approve) instead; call before run().
    void setApproval(qint64 approvalId) { m_approvalId = approvalId; }
    /// Asks the order to stop after the current batch. Thread-safe.
    void cancel() { m_cancelled = true; }

signals:
    /// `done` of `total` subjects handled (changed or skipped) so far.
    void progressed(qint64 done, qint64 total);
    /// `error` is empty on success (the outcome then says what was done); it never contains personal data.
    void finished(const pd::BulkAction::Outcome &outcome, const QString &error);

private:
    std::shared_ptr<Database> m_database;
    const Session m_session;
    const BulkAction::Order m_order;
    const int m_batchSize;
    qint64 m_approvalId = 0;
    std::atomic_bool m_cancelled{false};
};

} // namespace pd
