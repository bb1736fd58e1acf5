#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>

namespace pd {

class Database;

/// Blocks, anonymizes or deletes many subjects in batches.
///
/// Each batch is one transaction: every subject in it is changed and audited, or none is. Between batches the
/// progress callback may cancel: what was committed stays, nothing is half-changed. Subjects already in the target
/// state (or gone) are skipped, a subject named twice counts once. Anonymizing or deleting above the four-eyes
/// threshold does not start: it records a pending approval, which a second officer runs with ApprovalService::approve
/// (in batches too). Call from a worker thread for large orders: everything runs on the calling thread's own
/// connection.
class BulkAction
{
public:
    enum class Kind { Block, Anonymize, Delete };

    struct Order
    {
        Kind kind = Kind::Block;
        QList<qint64> subjectIds;
        QString reason; ///< required
        QDate until;    ///< Block only: optional end of the block
        std::optional<qint64> requestId;
    };

    struct Outcome
    {
        qint64 done = 0;            ///< subjects changed
        qint64 skipped = 0;         ///< already in the target state, or gone
        qint64 pendingApproval = 0; ///< the approval waiting for a second officer, when the rule applied
        bool cancelled = false;
    };

    /// What an irreversible action would take away: shown in the confirmation before it runs.
    struct Impact
    {
        qint64 subjects = 0;
        QMap<QString, qint64> itemsByCategory;
        qint64 consents = 0;
        qint64 disclosures = 0;
        qint64 blocked = 0; ///< subjects among them that are blocked (a deletion ends the block)
        qint64 withRequests = 0;
    };

    /// Called after each batch; return false to stop after it.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    /// Batches of 0 subjects mean: sized by time. The first has kFirstBatch subjects; the next doubles while one
    /// takes under kQuickBatchMs (up to kMaxBatch) and halves when one takes over twice that, so that another
    /// workstation waits at most about half a second for one, and a large order runs at the speed of the database.
    static constexpr int kFirstBatch = 500;
    static constexpr int kMaxBatch = 20000;
    static constexpr int kQuickBatchMs = 400;

    static Result<Outcome> run(Database &database, const Session &who, const Order &given,
                               const Progress &progress = {}, int batchSize = 0);

    /// Runs an order a second officer approved: no four-eyes check, `approvalId` recorded in each audit entry. An
    /// approval interrupted before (cancelled, killed) carries on after the subjects it had done.
    static Result<Outcome> runApproved(Database &database, const Session &who, const Order &order, qint64 approvalId,
                                       const Progress &progress = {}, int batchSize = 0);

    static Result<Impact> impact(Database &database, const Session &who, const QList<qint64> &subjectIds);
};

} // namespace pd
