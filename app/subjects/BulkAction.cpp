#include "app/subjects/BulkAction.h"
#include "app/domain/FieldRules.h"

#include "app/access/ApprovalQueue.h"
#include "app/domain/Permissions.h"
#include "app/storage/Database.h"
#include "app/storage/Dialect.h"
#include "app/storage/Sql.h"
#include "app/subjects/SubjectChanges_p.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::BulkAction)
};
} // namespace

namespace pd {

namespace {

Action permissionFor(BulkAction::Kind kind)
{
    switch (kind) {
    case BulkAction::Kind::Block:
        return Action::BlockData;
    case BulkAction::Kind::Anonymize:
        return Action::AnonymizeData;
    case BulkAction::Kind::Delete:
        return Action::DeleteData;
    }
    return Action::DeleteData;
}

/// The subject's state, or empty when it is gone.
Result<QString> stateOf(QSqlDatabase &tx, qint64 subjectId)
{
    Result<QVariant> state =
        sql::scalar(tx, QStringLiteral("SELECT state FROM subjects WHERE id = ?") + sql::forUpdate(tx), {subjectId},
                    "reading the subject");
    if (!state) {
        return state.error();
    }
    return state.value().toString();
}

/// Blocks one subject; false in `changed` when it was skipped (not active, or gone).
Status blockOne(QSqlDatabase &tx, const Session &who, const BulkAction::Order &order, qint64 subjectId, bool *changed)
{
    Result<QString> state = stateOf(tx, subjectId);
    if (!state) {
        return state.error();
    }
    *changed = state.value() == QLatin1String("active");
    if (!*changed) {
        return {};
    }
    return subjectchanges::blockIn(tx, who, {subjectId, 0, {}, order.reason, order.until, order.requestId},
                                   std::nullopt);
}

/// Changes the subjects of one batch in the open transaction; returns how many changed (the others were skipped).
Result<qint64> applyBatch(QSqlDatabase &tx, const Session &who, const BulkAction::Order &order,
                          const QList<qint64> &ids, qint64 approvalId)
{
    switch (order.kind) {
    case BulkAction::Kind::Anonymize:
        return subjectchanges::anonymizeMany(tx, who, ids, order.reason, order.requestId, approvalId);
    case BulkAction::Kind::Delete:
        return subjectchanges::eraseMany(tx, who, ids, order.reason, order.requestId, approvalId);
    case BulkAction::Kind::Block:
        break;
    }
    qint64 done = 0;
    for (qint64 id : ids) {
        bool changed = false;
        if (Status status = blockOne(tx, who, order, id, &changed); !status) {
            return status.error();
        }
        done += changed ? 1 : 0;
    }
    return done;
}

/// The ids in the order given, each once: a subject named twice is changed and counted once.
QList<qint64> distinctIds(const QList<qint64> &ids)
{
    QList<qint64> distinct;
    distinct.reserve(ids.size());
    QSet<qint64> seen;
    for (qint64 id : ids) {
        if (!seen.contains(id)) {
            seen.insert(id);
            distinct.append(id);
        }
    }
    return distinct;
}

/// Runs the order from position `from` of its ids. With an approval, each batch records how far the approval came,
/// in the batch's own transaction, so that approving again after an interruption carries on from there.
Result<BulkAction::Outcome> runBatches(Database &database, const Session &who, const BulkAction::Order &order,
                                       qint64 approvalId, qint64 from, const BulkAction::Progress &progress,
                                       int batchSize)
{
    BulkAction::Outcome outcome;
    const qint64 total = order.subjectIds.size();
    int size = batchSize > 0 ? batchSize : BulkAction::kFirstBatch;
    for (qint64 start = from, end = 0; start < total; start = end) {
        end = std::min(total, start + size);
        qint64 done = 0;
        qint64 skipped = 0;
        QElapsedTimer timer;
        timer.start();
        Status batch = database.transaction([&](QSqlDatabase &tx) -> Status {
            Result<qint64> changed =
                applyBatch(tx, who, order, order.subjectIds.mid(int(start), int(end - start)), approvalId);
            if (!changed) {
                return changed.error();
            }
            done = changed.value();
            skipped = (end - start) - done;
            if (approvalId > 0) {
                QSqlQuery query(tx);
                return sql::exec(query, QStringLiteral("UPDATE approvals SET executed_count = ? WHERE id = ?"),
                                 {end, approvalId}, "recording the progress of the approval");
            }
            return {};
        });
        if (!batch) {
            return batch.error();
        }
        if (batchSize <= 0) {
            const qint64 took = timer.elapsed();
            if (took < BulkAction::kQuickBatchMs) {
                size = std::min(BulkAction::kMaxBatch, size * 2);
            } else if (took > 2 * BulkAction::kQuickBatchMs) {
                size = std::max(BulkAction::kFirstBatch, size / 2);
            }
        }
        outcome.done += done;
        outcome.skipped += skipped;
        if (progress && !progress(end, total) && end < total) {
            outcome.cancelled = true;
            break;
        }
    }
    // Erased values must not linger: in the SQLite journal (checkpoint), or in PostgreSQL's planner statistics,
    // which keep sample values of columns (ANALYZE replaces them). Dead rows on PostgreSQL stay until VACUUM: see
    // README, "No residue".
    if (order.kind != BulkAction::Kind::Block && outcome.done > 0) {
        if (Status flushed = database.checkpoint(); !flushed) {
            return flushed.error();
        }
        if (dialectOf(database) == Dialect::PostgreSQL) {
            QSqlDatabase db = database.connection();
            QSqlQuery query(db);
            for (const char *table : {"subjects", "subject_terms", "pd_items", "requests"}) {
                if (!query.exec(QStringLiteral("ANALYZE %1").arg(QLatin1String(table)))) {
                    return sql::queryError(query, "refreshing the statistics");
                }
            }
        }
    }
    return outcome;
}

Status checkOrder(const Session &who, const BulkAction::Order &order)
{
    if (Status allowed = Permissions::check(who, permissionFor(order.kind)); !allowed) {
        return allowed;
    }
    if (order.reason.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("a reason is required"));
    }
    if (Status text = FieldRules::checkText(QStringLiteral("reason"), order.reason, FieldRules::Text::Multiline);
        !text) {
        return text;
    }
    if (order.subjectIds.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("no subjects were given"));
    }
    if (order.kind == BulkAction::Kind::Block && order.until.isValid() && order.until <= QDate::currentDate()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("the block must last until a future date"));
    }
    return {};
}

} // namespace

Result<BulkAction::Outcome> BulkAction::run(Database &database, const Session &who, const Order &given,
                                            const Progress &progress, int batchSize)
{
    if (Status checked = checkOrder(who, given); !checked) {
        return checked.error();
    }
    Order order = given;
    order.subjectIds = distinctIds(given.subjectIds);
    const QString action = order.kind == Kind::Delete ? QStringLiteral("delete") : QStringLiteral("anonymize");
    Result<bool> approval = order.kind == Kind::Block
                                ? Result<bool>(false)
                                : ApprovalQueue::isRequired(database, who, action, order.subjectIds.size());
    if (!approval) {
        return approval.error();
    }
    if (approval.value()) {
        Result<qint64> pending =
            ApprovalQueue::request(database, who, action, order.subjectIds, order.reason, order.requestId);
        if (!pending) {
            return pending.error();
        }
        Outcome outcome;
        outcome.pendingApproval = pending.value();
        return outcome;
    }
    return runBatches(database, who, order, 0, 0, progress, batchSize);
}

Result<BulkAction::Outcome> BulkAction::runApproved(Database &database, const Session &who, const Order &order,
                                                    qint64 approvalId, const Progress &progress, int batchSize)
{
    if (Status checked = checkOrder(who, order); !checked) {
        return checked.error();
    }
    // The ids were made distinct when the approval was asked for; those before executed_count were done already.
    QSqlDatabase db = database.connection();
    Result<QVariant> done = sql::scalar(db, QStringLiteral("SELECT executed_count FROM approvals WHERE id = ?"),
                                        {approvalId}, "reading the progress of the approval");
    if (!done) {
        return done.error();
    }
    const qint64 from = std::clamp<qint64>(done.value().toLongLong(), 0, order.subjectIds.size());
    return runBatches(database, who, order, approvalId, from, progress, batchSize);
}

Result<BulkAction::Impact> BulkAction::impact(Database &database, const Session &who, const QList<qint64> &subjectIds)
{
    if (Status allowed = Permissions::check(who, Action::ViewPersonalData); !allowed) {
        return allowed.error();
    }
    Impact impact;
    QSqlDatabase db = database.connection();
    // In chunks: a bound list per statement stays well under every driver's parameter limit.
    constexpr int kChunk = 500;
    for (int start = 0; start < subjectIds.size(); start += kChunk) {
        const QList<qint64> chunk = subjectIds.mid(start, kChunk);
        const QString marks = QStringLiteral("?,").repeated(int(chunk.size())).chopped(1);
        auto run = [&](const QString &statement, const std::function<void(QSqlQuery &)> &read) -> Status {
            QSqlQuery query(db);
            query.setForwardOnly(true);
            if (!query.prepare(statement.arg(marks))) {
                return sql::queryError(query, "measuring what the action takes");
            }
            for (qint64 id : chunk) {
                query.addBindValue(id);
            }
            if (!query.exec()) {
                return sql::queryError(query, "measuring what the action takes");
            }
            while (query.next()) {
                read(query);
            }
            return {};
        };
        Status status = run(QStringLiteral("SELECT COUNT(*), SUM(CASE WHEN state = 'blocked' THEN 1 ELSE 0 END), "
                                           "SUM(CASE WHEN EXISTS (SELECT 1 FROM requests r WHERE r.subject_id = s.id) "
                                           "THEN 1 ELSE 0 END) FROM subjects s WHERE id IN (%1)"),
                            [&](QSqlQuery &q) {
                                impact.subjects += q.value(0).toLongLong();
                                impact.blocked += q.value(1).toLongLong();
                                impact.withRequests += q.value(2).toLongLong();
                            });
        if (status) {
            status =
                run(QStringLiteral("SELECT category, COUNT(*) FROM pd_items WHERE subject_id IN (%1) "
                                   "GROUP BY category"),
                    [&](QSqlQuery &q) { impact.itemsByCategory[q.value(0).toString()] += q.value(1).toLongLong(); });
        }
        if (status) {
            status = run(QStringLiteral("SELECT COUNT(*) FROM consents WHERE subject_id IN (%1)"),
                         [&](QSqlQuery &q) { impact.consents += q.value(0).toLongLong(); });
        }
        if (status) {
            status = run(QStringLiteral("SELECT COUNT(*) FROM disclosures WHERE subject_id IN (%1)"),
                         [&](QSqlQuery &q) { impact.disclosures += q.value(0).toLongLong(); });
        }
        if (!status) {
            return status.error();
        }
    }
    return impact;
}

} // namespace pd
