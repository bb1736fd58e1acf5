#include "app/access/ApprovalQueue.h"
#include "app/domain/FieldRules.h"

#include "app/access/AuditLog.h"
#include "app/access/Settings.h"
#include "app/domain/Permissions.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::ApprovalQueue)
};
} // namespace

namespace pd {

namespace {

QString joinIds(const QList<qint64> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids) {
        parts << QString::number(id);
    }
    return parts.join(QLatin1Char(','));
}

QList<qint64> splitIds(const QString &text)
{
    QList<qint64> ids;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        ids << part.toLongLong();
    }
    return ids;
}

AuditEntry approvalEntry(const QString &action, qint64 approvalId, const QString &reason,
                         std::optional<qint64> requestId, const QString &details)
{
    AuditEntry entry;
    entry.action = action;
    entry.objectType = QStringLiteral("approval");
    entry.objectId = QString::number(approvalId);
    entry.reason = reason;
    entry.requestId = requestId;
    entry.details = details;
    return entry;
}

struct Stored
{
    ApprovalQueue::Approval approval;
    qint64 requestedById = 0;
};

Result<Stored> load(QSqlDatabase &tx, qint64 approvalId)
{
    QSqlQuery query(tx);
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT a.action, a.subject_ids, a.reason, a.request_id, o.name, "
                                                 "a.requested_at, a.status, a.requested_by, a.executed_count, "
                                                 "a.subject_count, COALESCE(d.name, ''), COALESCE(a.decided_at, '') "
                                                 "FROM approvals a JOIN operators o ON o.id = a.requested_by "
                                                 "LEFT JOIN operators d ON d.id = a.decided_by WHERE a.id = ?") +
                                      sql::forUpdate(tx, "a"),
                                  {approvalId}, "reading the approval");
        !status) {
        return status.error();
    }
    if (!query.next()) {
        return makeError(ErrorCode::NotFound, Tr::tr("there is no approval #%1").arg(approvalId));
    }
    Stored stored;
    stored.approval.id = approvalId;
    stored.approval.action = query.value(0).toString();
    stored.approval.subjectIds = splitIds(query.value(1).toString());
    stored.approval.reason = query.value(2).toString();
    if (!query.value(3).isNull()) {
        stored.approval.requestId = query.value(3).toLongLong();
    }
    stored.approval.requestedBy = query.value(4).toString();
    stored.approval.requestedAt = query.value(5).toString();
    stored.approval.status = query.value(6).toString();
    stored.requestedById = query.value(7).toLongLong();
    stored.approval.done = query.value(8).toLongLong();
    stored.approval.total = query.value(9).toLongLong();
    stored.approval.decidedBy = query.value(10).toString();
    stored.approval.decidedAt = query.value(11).toString();
    return stored;
}

Status decide(QSqlDatabase &tx, const Session &who, qint64 approvalId, const char *status, const QString &note)
{
    QSqlQuery query(tx);
    return sql::exec(
        query,
        QStringLiteral("UPDATE approvals SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? "
                       "WHERE id = ? AND status = 'pending'"),
        {QLatin1String(status), who.operatorId, sql::nowTimestamp(), sql::text(note), approvalId},
        "recording the decision");
}

/// Loads a pending approval (or, with `resumable`, an approved one left unfinished) that `who` may decide on:
/// an officer other than the one who asked.
Result<Stored> decidable(QSqlDatabase &tx, const Session &who, qint64 approvalId, bool resumable = false)
{
    Result<Stored> stored = load(tx, approvalId);
    if (!stored) {
        return stored;
    }
    const bool open = stored->approval.status == QLatin1String("pending") ||
                      (resumable && stored->approval.status == QLatin1String("approved"));
    if (!open) {
        return makeError(ErrorCode::Conflict,
                         Tr::tr("approval #%1 is already %2").arg(approvalId).arg(stored->approval.status));
    }
    if (stored->requestedById == who.operatorId) {
        return makeError(ErrorCode::PermissionDenied,
                         Tr::tr("approval #%1 needs a second officer: %2 asked for it and cannot approve it")
                             .arg(approvalId)
                             .arg(who.name));
    }
    return stored;
}

} // namespace

Result<bool> ApprovalQueue::isRequired(Database &database, const Session &who, const QString &action, qint64 subjects)
{
    Result<int> threshold = Settings::value(database, Settings::Key::FourEyesThreshold);
    Result<int> allDeletions = Settings::value(database, Settings::Key::FourEyesAllDeletions);
    Result<int> window = Settings::value(database, Settings::Key::FourEyesWindowMinutes);
    if (!threshold || !allDeletions || !window) {
        return !threshold ? threshold.error() : !allDeletions ? allDeletions.error() : window.error();
    }
    if (action == QLatin1String("delete") && allDeletions.value() != 0) {
        return true;
    }
    if (subjects > threshold.value()) {
        return true;
    }
    // What the same operator did alone (not under an approval) in the window adds up.
    QSqlDatabase db = database.connection();
    const QString since = sql::timestamp(QDateTime::currentDateTimeUtc().addSecs(-60LL * window.value()));
    Result<QVariant> recent =
        sql::scalar(db,
                    QStringLiteral("SELECT COUNT(DISTINCT subject_id) FROM audit_log WHERE operator_name = ? "
                                   "AND action IN ('subject.anonymize', 'subject.delete') AND at >= ? "
                                   "AND details NOT LIKE '%approval=%'"),
                    {who.name, since}, "counting the operator's recent erasures");
    if (!recent) {
        return recent.error();
    }
    return recent.value().toLongLong() + subjects > threshold.value();
}

Result<qint64> ApprovalQueue::request(Database &database, const Session &who, const QString &action,
                                      const QList<qint64> &subjectIds, const QString &reason,
                                      std::optional<qint64> requestId)
{
    qint64 id = 0;
    Status status = database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<QVariant> inserted = sql::scalar(
            tx,
            QStringLiteral("INSERT INTO approvals (action, subject_ids, subject_count, reason, request_id, "
                           "requested_by, requested_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending') RETURNING id"),
            {action, joinIds(subjectIds), int(subjectIds.size()), reason.trimmed(),
             requestId ? QVariant(*requestId) : QVariant(QMetaType::fromType<qlonglong>()), who.operatorId,
             sql::nowTimestamp()},
            "recording the approval");
        if (!inserted) {
            return inserted.error();
        }
        id = inserted.value().toLongLong();
        ChangeNotifier::notify(tx, QStringLiteral("approvals"));
        return AuditLog::append(tx, who,
                                approvalEntry(QStringLiteral("approval.request"), id, reason.trimmed(), requestId,
                                              QStringLiteral("%1 of %2 subjects").arg(action).arg(subjectIds.size())));
    });
    if (!status) {
        return status.error();
    }
    return id;
}

Result<ApprovalQueue::Approval> ApprovalQueue::approve(Database &database, const Session &who, qint64 approvalId)
{
    if (Status allowed = Permissions::check(who, Action::ApproveIrreversible); !allowed) {
        return allowed.error();
    }
    Approval approval;
    Status decided = database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Stored> stored = decidable(tx, who, approvalId, true);
        if (!stored) {
            return stored.error();
        }
        approval = stored->approval;
        if (approval.status != QLatin1String("pending")) {
            return {}; // approved before and interrupted: carry on with what is left
        }
        if (Status audited = AuditLog::append(tx, who,
                                              approvalEntry(QStringLiteral("approval.approve"), approvalId,
                                                            approval.reason, approval.requestId,
                                                            QStringLiteral("asked by %1").arg(approval.requestedBy)));
            !audited) {
            return audited;
        }
        ChangeNotifier::notify(tx, QStringLiteral("approvals"));
        return decide(tx, who, approvalId, "approved", QString());
    });
    if (!decided) {
        return decided.error();
    }
    return approval;
}

Status ApprovalQueue::markExecuted(Database &database, qint64 approvalId)
{
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        QSqlQuery query(tx);
        ChangeNotifier::notify(tx, QStringLiteral("approvals"));
        return sql::exec(query, QStringLiteral("UPDATE approvals SET status = 'executed' WHERE id = ?"), {approvalId},
                         "recording the approval as carried out");
    });
}

Result<ApprovalQueue::Approval> ApprovalQueue::reject(Database &database, const Session &who, qint64 approvalId,
                                                      const QString &note)
{
    if (Status allowed = Permissions::check(who, Action::ApproveIrreversible); !allowed) {
        return allowed.error();
    }
    if (Status text = FieldRules::checkText(QStringLiteral("note"), note, FieldRules::Text::Multiline); !text) {
        return text.error();
    }
    Approval approval;
    Status rejected = database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Stored> stored = decidable(tx, who, approvalId);
        if (!stored) {
            return stored.error();
        }
        approval = stored->approval;
        if (Status status = decide(tx, who, approvalId, "rejected", note.trimmed()); !status) {
            return status;
        }
        ChangeNotifier::notify(tx, QStringLiteral("approvals"));
        return AuditLog::append(tx, who,
                                approvalEntry(QStringLiteral("approval.reject"), approvalId, note.trimmed(),
                                              approval.requestId,
                                              QStringLiteral("asked by %1").arg(approval.requestedBy)));
    });
    if (!rejected) {
        return rejected.error();
    }
    return approval;
}

Result<ApprovalQueue::Approval> ApprovalQueue::cancel(Database &database, const Session &who, qint64 approvalId,
                                                      const QString &note)
{
    if (Status allowed = Permissions::check(who, Action::ApproveIrreversible); !allowed) {
        return allowed.error();
    }
    if (note.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("a note is required: why the approval is cancelled"));
    }
    if (Status text = FieldRules::checkText(QStringLiteral("note"), note, FieldRules::Text::Multiline); !text) {
        return text.error();
    }
    Approval approval;
    Status cancelled = database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Stored> stored = load(tx, approvalId);
        if (!stored) {
            return stored.error();
        }
        approval = stored->approval;
        if (approval.status != QLatin1String("pending") && approval.status != QLatin1String("approved")) {
            return makeError(ErrorCode::Conflict,
                             Tr::tr("approval #%1 is already %2").arg(approvalId).arg(approval.status));
        }
        QSqlQuery query(tx);
        if (Status status =
                sql::exec(query,
                          QStringLiteral("UPDATE approvals SET status = 'cancelled', decision_note = ?, "
                                         "decided_by = COALESCE(decided_by, ?), "
                                         "decided_at = COALESCE(decided_at, ?) WHERE id = ?"),
                          {note.trimmed(), who.operatorId, sql::nowTimestamp(), approvalId}, "cancelling the approval");
            !status) {
            return status;
        }
        ChangeNotifier::notify(tx, QStringLiteral("approvals"));
        return AuditLog::append(tx, who,
                                approvalEntry(QStringLiteral("approval.cancel"), approvalId, note.trimmed(),
                                              approval.requestId,
                                              QStringLiteral("done=%1 of %2").arg(approval.done).arg(approval.total)));
    });
    if (!cancelled) {
        return cancelled.error();
    }
    return approval;
}

Result<QList<ApprovalQueue::Approval>> ApprovalQueue::pending(Database &database, const Session &who)
{
    if (!Permissions::allows(who.role, Action::ApproveIrreversible) &&
        !Permissions::allows(who.role, Action::ViewAudit)) {
        return Permissions::check(who, Action::ApproveIrreversible).error();
    }
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id FROM approvals WHERE status IN ('pending', 'approved') ORDER BY id"))) {
        return sql::queryError(query, "listing approvals");
    }
    QList<qint64> ids;
    while (query.next()) {
        ids << query.value(0).toLongLong();
    }
    QList<Approval> result;
    for (qint64 id : ids) {
        Result<Stored> stored = load(db, id);
        if (!stored) {
            return stored.error();
        }
        result << stored->approval;
    }
    return result;
}

} // namespace pd
