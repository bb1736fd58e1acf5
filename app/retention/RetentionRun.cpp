#include "app/retention/RetentionRun.h"
#include "app/retention/RetentionDue_p.h"

#include "app/access/ApprovalQueue.h"
#include "app/access/AuditLog.h"
#include "app/access/Settings.h"
#include "app/domain/Permissions.h"
#include "app/requests/Request.h"
#include "app/retention/RetentionSweep.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"
#include "app/subjects/ItemErasure.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::RetentionRun)
};
} // namespace

namespace pd {

using namespace retentiondue;

namespace {

/// What a sweep sets out to do, subject by subject.
struct Plan
{
    QMap<qint64, ItemErasure::Target> targets;      ///< by subject id, in id order
    QMap<qint64, QList<qint64>> scheduledBySubject; ///< due scheduled erasures of each subject
    QList<RetentionRun::PurposeOutcome> purposes;
    qint64 scheduledDue = 0;

    QList<qint64> subjects() const
    {
        QSet<qint64> all(scheduledBySubject.keyBegin(), scheduledBySubject.keyEnd());
        for (auto it = targets.keyBegin(); it != targets.keyEnd(); ++it) {
            all.insert(*it);
        }
        QList<qint64> ordered(all.cbegin(), all.cend());
        std::sort(ordered.begin(), ordered.end());
        return ordered;
    }
};

ItemErasure::Target &targetOf(Plan &plan, qint64 subjectId)
{
    ItemErasure::Target &target = plan.targets[subjectId];
    target.subjectId = subjectId;
    // Deleted (or anonymized) as a whole when the due items are all the subject holds; ItemErasure checks that.
    target.wholeSubject = true;
    return target;
}

Result<Plan> makePlan(Database &database, const Session &who, const QDate &today, const QSet<qint64> *only)
{
    Result<RetentionSweep::Preview> preview = RetentionSweep::preview(database, who, today);
    if (!preview) {
        return preview.error();
    }
    Plan plan;
    plan.scheduledDue = preview->scheduledErasuresDue;
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    for (const RetentionSweep::PurposeRetention &purpose : preview->purposes) {
        plan.purposes.append({purpose.code, purpose.title, purpose.category, purpose.rule.action, purpose.due,
                              purpose.heldBlocked, purpose.heldForRequest, purpose.heldLegal});
        if (purpose.toChange() <= 0) {
            continue;
        }
        const bool fixed = purpose.rule.kind == RetentionKind::Fixed;
        const DueSet set = dueSet(purpose.rule, purpose.purposeId,
                                  fixed ? RetentionSweep::latestEventDay(today, purpose.rule.months) : today);
        if (!set.computable) {
            continue;
        }
        QVariantList values = set.values;
        const QString categories = purpose.categoryCondition(values);
        if (Status status = sql::exec(query,
                                      QStringLiteral("SELECT i.id, i.subject_id ") + set.from + categories + kLive +
                                          QStringLiteral(" AND NOT %1 AND NOT %2 AND NOT %3 AND i.state = 'active'")
                                              .arg(kHeld, kOpenRequest, kOnHold),
                                      values, "reading what the retention sweep must change");
            !status) {
            return status.error();
        }
        while (query.next()) {
            const qint64 subject = query.value(1).toLongLong();
            if (only && !only->contains(subject)) {
                continue;
            }
            ItemErasure::Target &target = targetOf(plan, subject);
            (purpose.rule.action == RetentionAction::Anonymize ? target.anonymizeItems : target.deleteItems)
                << query.value(0).toLongLong();
        }
        query.finish();
    }
    // Erasures scheduled by a withdrawal of consent: the items held for that purpose are deleted. The request that
    // withdrew the consent does not hold them back; another open request, a block or a legal hold does.
    if (Status status = sql::exec(
            query,
            QStringLiteral("SELECT e.id, e.subject_id, i.id FROM scheduled_erasures e JOIN subjects s ON s.id = "
                           "e.subject_id LEFT JOIN pd_items i ON i.subject_id = e.subject_id AND i.purpose_id = "
                           "e.purpose_id AND i.state = 'active' WHERE e.done_at IS NULL AND e.due_date <= ? AND "
                           "s.state <> 'blocked' AND NOT %1 AND NOT EXISTS (SELECT 1 FROM requests r WHERE "
                           "r.subject_id = s.id AND %2 AND (e.request_id IS NULL OR r.id <> e.request_id)) ORDER BY 1")
                .arg(kOnHold, openStatusCondition(QStringLiteral("r.status"))),
            {today.toString(Qt::ISODate)}, "reading the scheduled erasures");
        !status) {
        return status.error();
    }
    while (query.next()) {
        const qint64 subject = query.value(1).toLongLong();
        if (only && !only->contains(subject)) {
            continue;
        }
        QList<qint64> &scheduled = plan.scheduledBySubject[subject];
        if (!scheduled.contains(query.value(0).toLongLong())) {
            scheduled << query.value(0).toLongLong();
        }
        if (!query.value(2).isNull()) {
            ItemErasure::Target &target = targetOf(plan, subject);
            const qint64 item = query.value(2).toLongLong();
            // Erasure was asked for: it is not anonymization, whatever the purpose's own period would do.
            target.anonymizeItems.removeAll(item);
            if (!target.deleteItems.contains(item)) {
                target.deleteItems << item;
            }
        }
    }
    return plan;
}

Status recordBatch(QSqlDatabase &tx, const QList<qint64> &scheduledDone, qint64 approvalId, qint64 subjects)
{
    QSqlQuery query(tx);
    if (!scheduledDone.isEmpty()) {
        if (Status status = sql::exec(
                query, QStringLiteral("UPDATE scheduled_erasures SET done_at = ? WHERE %1").arg(sql::inIds(tx, "id")),
                {sql::nowTimestamp(), sql::idList(tx, scheduledDone)}, "recording the scheduled erasures as done");
            !status) {
            return status;
        }
    }
    if (approvalId > 0) {
        ChangeNotifier::notify(tx, QStringLiteral("approvals"));
        return sql::exec(query, QStringLiteral("UPDATE approvals SET executed_count = executed_count + ? WHERE id = ?"),
                         {subjects, approvalId}, "recording the approval's progress");
    }
    return {};
}

Result<RetentionRun::Summary> execute(Database &database, const Session &who, const QDate &today, const Plan &plan,
                                      qint64 approvalId, const RetentionRun::Progress &progress, int batchSubjects,
                                      RetentionRun::Summary summary)
{
    const QList<qint64> subjects = plan.subjects();
    const QString reason = RetentionRun::sweepReason(today);
    batchSubjects = std::max(1, batchSubjects);
    qint64 done = 0;
    for (qsizetype start = 0; start < subjects.size(); start += batchSubjects) {
        const QList<qint64> batch = subjects.mid(start, batchSubjects);
        QList<ItemErasure::Target> targets;
        for (qint64 subject : batch) {
            if (plan.targets.contains(subject)) {
                targets << plan.targets.value(subject);
            }
        }
        ItemErasure::Applied applied;
        QList<qint64> scheduledDone;
        Status stored = database.transaction([&](QSqlDatabase &tx) -> Status {
            Result<ItemErasure::Applied> result = ItemErasure::apply(database, who, targets, reason, approvalId);
            if (!result) {
                return result.error();
            }
            applied = result.value();
            scheduledDone.clear();
            const QSet<qint64> skipped(applied.skipped.cbegin(), applied.skipped.cend());
            for (qint64 subject : batch) {
                if (!skipped.contains(subject)) {
                    scheduledDone << plan.scheduledBySubject.value(subject);
                }
            }
            return recordBatch(tx, scheduledDone, approvalId, batch.size());
        });
        if (!stored) {
            return stored.error();
        }
        summary.subjectsDeleted += applied.subjectsDeleted;
        summary.subjectsAnonymized += applied.subjectsAnonymized;
        summary.subjectsTrimmed += applied.changed.size() - applied.subjectsDeleted - applied.subjectsAnonymized;
        summary.itemsDeleted += applied.itemsDeleted;
        summary.itemsAnonymized += applied.itemsAnonymized;
        summary.skipped += applied.skipped.size();
        summary.scheduledDone += scheduledDone.size();
        done += batch.size();
        if (progress && !progress(done, subjects.size()) && done < subjects.size()) {
            summary.cancelled = true;
            break;
        }
    }
    // Copies of what went stay in the backups until the last backup made before the sweep expires.
    Result<int> keepDays = Settings::value(database, Settings::Key::BackupKeepDays);
    if (!keepDays) {
        return keepDays.error();
    }
    summary.backupsClearBy = QDate::currentDate().addDays(keepDays.value());
    // The sweep itself is on the record, with what it did (counts only).
    Status audited = database.transaction([&](QSqlDatabase &tx) -> Status {
        AuditEntry entry;
        entry.action = QStringLiteral("retention.run");
        entry.objectType = QStringLiteral("retention");
        entry.objectId = today.toString(Qt::ISODate);
        entry.reason = reason;
        entry.details = QStringLiteral("subjects_deleted=%1 subjects_anonymized=%2 items_deleted=%3 "
                                       "items_anonymized=%4 scheduled_done=%5 held=%6 skipped=%7%8%9")
                            .arg(summary.subjectsDeleted)
                            .arg(summary.subjectsAnonymized)
                            .arg(summary.itemsDeleted)
                            .arg(summary.itemsAnonymized)
                            .arg(summary.scheduledDone)
                            .arg(summary.held())
                            .arg(summary.skipped)
                            .arg(summary.cancelled ? QStringLiteral(" cancelled") : QString(),
                                 approvalId > 0 ? QStringLiteral(" approval=%1").arg(approvalId) : QString()) +
                        QStringLiteral(" backups_clear_by=%1").arg(summary.backupsClearBy.toString(Qt::ISODate));
        return AuditLog::append(tx, who, entry);
    });
    if (!audited) {
        return audited.error();
    }
    return summary;
}

RetentionRun::Summary summaryOf(const QDate &today, const Plan &plan, bool restricted)
{
    RetentionRun::Summary summary;
    summary.today = today;
    summary.purposes = plan.purposes;
    summary.planned = plan.subjects().size();
    qint64 scheduled = 0;
    for (const QList<qint64> &ids : plan.scheduledBySubject) {
        scheduled += ids.size();
    }
    summary.scheduledHeld = restricted ? 0 : std::max<qint64>(0, plan.scheduledDue - scheduled);
    return summary;
}

Status checkRoles(const Session &who)
{
    if (Status allowed = Permissions::check(who, Action::DeleteData); !allowed) {
        return allowed;
    }
    return Permissions::check(who, Action::AnonymizeData);
}

} // namespace

qint64 RetentionRun::Summary::held() const
{
    qint64 total = scheduledHeld;
    for (const PurposeOutcome &purpose : purposes) {
        total += purpose.heldBlocked + purpose.heldForRequest + purpose.heldLegal;
    }
    return total;
}

Result<RetentionRun::Summary> RetentionRun::run(Database &database, const Session &who, const QDate &today,
                                                const Progress &progress, int batchSubjects)
{
    if (Status allowed = checkRoles(who); !allowed) {
        return allowed.error();
    }
    if (!today.isValid() || today > QDate::currentDate()) {
        return makeError(
            ErrorCode::InvalidArgument,
            Tr::tr("the retention sweep runs as of today or an earlier day, not %1").arg(today.toString(Qt::ISODate)));
    }
    Result<Plan> plan = makePlan(database, who, today, nullptr);
    if (!plan) {
        return plan.error();
    }
    Summary summary = summaryOf(today, plan.value(), false);
    if (!plan->targets.isEmpty()) {
        Result<bool> required =
            ApprovalQueue::isRequired(database, who, QStringLiteral("delete"), plan->targets.size());
        if (!required) {
            return required.error();
        }
        if (required.value()) {
            // A sweep already waiting is not asked for twice (a nightly job would pile them up): approved, it
            // carries out what it names; the next sweep finds what became due since.
            QSqlDatabase db = database.connection();
            Result<QVariant> waiting = sql::scalar(db,
                                                   QStringLiteral("SELECT MAX(id) FROM approvals WHERE action = "
                                                                  "'retention' AND status = 'pending'"),
                                                   {}, "reading the approvals");
            if (!waiting) {
                return waiting.error();
            }
            if (!waiting->isNull()) {
                summary.pendingApproval = waiting->toLongLong();
                return summary;
            }
            Result<qint64> approval =
                ApprovalQueue::request(database, who, QStringLiteral("retention"), plan->targets.keys(),
                                       RetentionRun::sweepReason(today), std::nullopt);
            if (!approval) {
                return approval.error();
            }
            summary.pendingApproval = approval.value();
            return summary;
        }
    }
    return execute(database, who, today, plan.value(), 0, progress, batchSubjects, summary);
}

Result<RetentionRun::Summary> RetentionRun::runApproved(Database &database, const Session &who, qint64 approvalId,
                                                        const QList<qint64> &subjectIds, const Progress &progress,
                                                        int batchSubjects)
{
    if (Status allowed = checkRoles(who); !allowed) {
        return allowed.error();
    }
    const QDate today = QDate::currentDate();
    const QSet<qint64> only(subjectIds.cbegin(), subjectIds.cend());
    Result<Plan> plan = makePlan(database, who, today, &only);
    if (!plan) {
        return plan.error();
    }
    return execute(database, who, today, plan.value(), approvalId, progress, batchSubjects,
                   summaryOf(today, plan.value(), true));
}

QString RetentionRun::sweepReason(const QDate &today)
{
    // Stored as it is, in every language: the act of destruction of a sweep finds its deletions by it.
    return QStringLiteral("retention period over (sweep of %1)").arg(today.toString(Qt::ISODate));
}

} // namespace pd
