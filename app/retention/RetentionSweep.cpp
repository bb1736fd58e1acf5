#include "app/retention/RetentionSweep.h"

#include "app/domain/Permissions.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QSqlQuery>

namespace pd {

namespace {

/// The condition under which an item of `rule` (alias i, its subject s) is past its period when the event must
/// have happened on or before the bound date; empty when the rule has no computable date.
QString dueCondition(const RetentionRule &rule)
{
    const QString event = rule.kind == RetentionKind::ContractTerm      ? QStringLiteral("contract-end")
                          : rule.kind == RetentionKind::UntilWithdrawal ? QStringLiteral("withdrawal")
                          : rule.kind == RetentionKind::Fixed           ? rule.event
                                                                        : QString();
    if (event == QLatin1String("collection")) {
        return QStringLiteral("substr(i.collected_at, 1, 10) <= ?");
    }
    if (event == QLatin1String("registration")) {
        return QStringLiteral("substr(s.created_at, 1, 10) <= ?");
    }
    if (event == QLatin1String("contract-end")) {
        return QStringLiteral("(COALESCE(s.contract_end, '') <> '' AND s.contract_end <= ?)");
    }
    if (event == QLatin1String("withdrawal")) {
        return QStringLiteral("EXISTS (SELECT 1 FROM consents c WHERE c.subject_id = s.id AND c.purpose_id = "
                              "i.purpose_id AND c.withdrawn_at IS NOT NULL AND substr(c.withdrawn_at, 1, 10) <= ?)");
    }
    if (event == QLatin1String("response")) {
        // From the last answer the subject was given.
        return QStringLiteral("COALESCE((SELECT MAX(substr(r.replied_at, 1, 10)) FROM requests r WHERE r.subject_id "
                              "= s.id), '9999-12-31') <= ?");
    }
    return {}; // the last visit and the backup cycle are not recorded; the period set by law is not in the register
}

const QString kOpenRequest =
    QStringLiteral("EXISTS (SELECT 1 FROM requests r WHERE r.subject_id = s.id AND r.status IN ('new', "
                   "'identity-pending', 'in-progress', 'awaiting-approval'))");

} // namespace

QDate RetentionSweep::latestEventDay(const QDate &today, int months)
{
    QDate day = today.addMonths(-months);
    while (day.addDays(1).addMonths(months) <= today) {
        day = day.addDays(1);
    }
    return day;
}

Result<RetentionSweep::Preview> RetentionSweep::preview(Database &database, const Session &who, const QDate &today)
{
    if (Status allowed = Permissions::check(who, Action::ViewPersonalData); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    Preview preview;
    preview.today = today;
    QSqlQuery purposes(db);
    purposes.setForwardOnly(true);
    if (Status status = sql::exec(purposes,
                                  QStringLiteral("SELECT id, code, title, retention_kind, COALESCE(retention_months, "
                                                 "0), COALESCE(retention_event, ''), retention_text, "
                                                 "retention_action FROM purposes ORDER BY code"),
                                  {}, "reading the register of purposes");
        !status) {
        return status.error();
    }
    while (purposes.next()) {
        PurposeRetention purpose;
        purpose.purposeId = purposes.value(0).toLongLong();
        purpose.code = purposes.value(1).toString();
        purpose.title = purposes.value(2).toString();
        purpose.rule.kind = parseRetentionKind(purposes.value(3).toString()).value_or(RetentionKind::Legal);
        purpose.rule.months = purposes.value(4).toInt();
        purpose.rule.event = purposes.value(5).toString();
        purpose.ruleText = purposes.value(6).toString();
        purpose.rule.action = parseRetentionAction(purposes.value(7).toString()).value_or(RetentionAction::Delete);
        preview.purposes.append(purpose);
    }
    const QString held = QStringLiteral("(i.state = 'blocked' OR s.state = 'blocked')");
    for (PurposeRetention &purpose : preview.purposes) {
        const QString due = dueCondition(purpose.rule);
        const bool fixed = purpose.rule.kind == RetentionKind::Fixed;
        if (due.isEmpty() || (fixed && purpose.rule.months <= 0)) {
            purpose.waitingFor = retentionEnd(purpose.rule, RetentionDates()).waitingFor;
        }
        const QDate soon = today.addDays(kSoonDays);
        const QString now = (fixed ? latestEventDay(today, purpose.rule.months) : today).toString(Qt::ISODate);
        const QString later = (fixed ? latestEventDay(soon, purpose.rule.months) : soon).toString(Qt::ISODate);
        QString statement;
        QVariantList values;
        if (purpose.waitingFor.isEmpty()) {
            // Columns: items, due, due but blocked, due but under an open request, due by the later day only. The
            // last CASE binds its first condition to today and its second to the later day.
            statement = QStringLiteral("SELECT COUNT(*), COALESCE(SUM(CASE WHEN %1 THEN 1 ELSE 0 END), 0), "
                                       "COALESCE(SUM(CASE WHEN %1 AND %2 THEN 1 ELSE 0 END), 0), "
                                       "COALESCE(SUM(CASE WHEN %1 AND NOT %2 AND %3 THEN 1 ELSE 0 END), 0), "
                                       "COALESCE(SUM(CASE WHEN %1 THEN 0 WHEN %1 THEN 1 ELSE 0 END), 0) ")
                            .arg(due, held, kOpenRequest);
            values << now << now << now << now << later;
        } else {
            statement = QStringLiteral("SELECT COUNT(*), 0, 0, 0, 0 ");
        }
        statement += QStringLiteral("FROM pd_items i JOIN subjects s ON s.id = i.subject_id WHERE i.purpose_id = ? "
                                    "AND i.state <> 'anonymized' AND s.state <> 'anonymized'");
        values << purpose.purposeId;
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (Status status = sql::exec(query, statement, values, "counting what the retention sweep would do");
            !status) {
            return status.error();
        }
        if (!query.next()) {
            return sql::queryError(query, "counting what the retention sweep would do");
        }
        purpose.items = query.value(0).toLongLong();
        purpose.due = query.value(1).toLongLong();
        purpose.heldBlocked = query.value(2).toLongLong();
        purpose.heldForRequest = query.value(3).toLongLong();
        purpose.dueSoon = query.value(4).toLongLong();
    }
    Result<QVariant> scheduled = sql::scalar(
        db, QStringLiteral("SELECT COUNT(*) FROM scheduled_erasures WHERE done_at IS NULL AND due_date <= ?"),
        {today.toString(Qt::ISODate)}, "counting the scheduled erasures");
    if (!scheduled) {
        return scheduled.error();
    }
    preview.scheduledErasuresDue = scheduled->toLongLong();
    return preview;
}

} // namespace pd
