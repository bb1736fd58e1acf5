#include "app/retention/RetentionSweep.h"

#include "app/domain/Permissions.h"
#include "app/requests/Request.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QHash>
#include <QSqlQuery>
#include <QSqlRecord>

namespace pd {

namespace {

/// Where the items a rule makes due are found, and the values the found set is bound to. Each form starts from the
/// rule's event (an index on it), so that the cost follows what is due, not how much the purpose holds: items of
/// the purpose (alias i) with their subject (alias s). `day` is the last day the event may have happened; `next`
/// the day after it, for timestamps ("2026-01-05T10:00:00Z" < "2026-01-06").
struct DueSet
{
    QString from;
    QVariantList values;
    QString row;              ///< the same condition on one row of the set, bound to rowValue(an earlier day)
    bool rowTakesDay = false; ///< the row compares dates (the day itself), not timestamps (the day after it)
    bool computable = false;

    QVariant rowValue(const QDate &day) const { return (rowTakesDay ? day : day.addDays(1)).toString(Qt::ISODate); }
};

DueSet dueSet(const RetentionRule &rule, qint64 purposeId, const QDate &day)
{
    const QString event = rule.kind == RetentionKind::ContractTerm      ? QStringLiteral("contract-end")
                          : rule.kind == RetentionKind::UntilWithdrawal ? QStringLiteral("withdrawal")
                          : rule.kind == RetentionKind::Fixed           ? rule.event
                                                                        : QString();
    const QString next = day.addDays(1).toString(Qt::ISODate);
    // CROSS JOIN keeps SQLite from reordering: the subjects the event selects first, then their items.
    const QString items = QStringLiteral(" CROSS JOIN pd_items i WHERE i.subject_id = s.id AND i.purpose_id = ? AND ");
    DueSet set;
    set.computable = true;
    if (event == QLatin1String("collection")) {
        set.from = QStringLiteral("FROM pd_items i JOIN subjects s ON s.id = i.subject_id WHERE i.purpose_id = ? AND "
                                  "i.collected_at < ?");
        set.values = {purposeId, next};
        set.row = QStringLiteral("i.collected_at < ?");
    } else if (event == QLatin1String("registration")) {
        set.from = QStringLiteral("FROM subjects s") + items + QStringLiteral("s.created_at < ?");
        set.values = {purposeId, next};
        set.row = QStringLiteral("s.created_at < ?");
    } else if (event == QLatin1String("contract-end")) {
        set.from =
            QStringLiteral("FROM subjects s") + items + QStringLiteral("s.contract_end <= ? AND s.contract_end <> ''");
        set.values = {purposeId, day.toString(Qt::ISODate)};
        set.row = QStringLiteral("s.contract_end <= ?");
        set.rowTakesDay = true;
    } else if (event == QLatin1String("withdrawal") || event == QLatin1String("response")) {
        // The event's day per subject first (the first withdrawal of consent for the purpose; the last answer given
        // to the subject), then the subjects, then their items.
        const bool withdrawal = event == QLatin1String("withdrawal");
        const QString events =
            withdrawal ? QStringLiteral("SELECT subject_id, MIN(withdrawn_at) AS at FROM consents WHERE purpose_id = ? "
                                        "AND withdrawn_at IS NOT NULL GROUP BY subject_id HAVING MIN(withdrawn_at) < ?")
                       : QStringLiteral("SELECT subject_id, MAX(replied_at) AS at FROM requests WHERE subject_id IS "
                                        "NOT NULL GROUP BY subject_id HAVING MAX(replied_at) < ?");
        set.from = QStringLiteral("FROM (%1) e CROSS JOIN subjects s CROSS JOIN pd_items i WHERE s.id = e.subject_id "
                                  "AND i.subject_id = s.id AND i.purpose_id = ?")
                       .arg(events);
        set.values = withdrawal ? QVariantList{purposeId, next, purposeId} : QVariantList{next, purposeId};
        set.row = QStringLiteral("e.at < ?");
    } else {
        // The last visit and the backup cycle are not recorded; the period set by law is not in the register.
        set.computable = false;
    }
    return set;
}

const QString kOpenRequest = QStringLiteral("EXISTS (SELECT 1 FROM requests r WHERE r.subject_id = s.id AND %1)")
                                 .arg(openStatusCondition(QStringLiteral("r.status")));
const QString kHeld = QStringLiteral("(i.state = 'blocked' OR s.state = 'blocked')");
const QString kLive = QStringLiteral(" AND i.state <> 'anonymized' AND s.state <> 'anonymized'");

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
    // What each purpose holds, in one pass (an anonymized subject's items are all anonymized, a deleted one has none).
    QHash<qint64, qint64> held;
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (Status status = sql::exec(query,
                                      QStringLiteral("SELECT purpose_id, COUNT(*) FROM pd_items WHERE purpose_id IS "
                                                     "NOT NULL AND state <> 'anonymized' GROUP BY purpose_id"),
                                      {}, "counting what the retention sweep would do");
            !status) {
            return status.error();
        }
        while (query.next()) {
            held.insert(query.value(0).toLongLong(), query.value(1).toLongLong());
        }
    }
    const auto count = [&db](const QString &statement, const QVariantList &values) -> Result<QList<qint64>> {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (Status status = sql::exec(query, statement, values, "counting what the retention sweep would do");
            !status) {
            return status.error();
        }
        if (!query.next()) {
            return sql::queryError(query, "counting what the retention sweep would do");
        }
        QList<qint64> counts;
        for (int column = 0; column < query.record().count(); ++column) {
            counts << query.value(column).toLongLong();
        }
        return counts;
    };
    for (PurposeRetention &purpose : preview.purposes) {
        purpose.items = held.value(purpose.purposeId);
        const bool fixed = purpose.rule.kind == RetentionKind::Fixed;
        const QDate now = fixed ? latestEventDay(today, purpose.rule.months) : today;
        const QDate later =
            fixed ? latestEventDay(today.addDays(kSoonDays), purpose.rule.months) : today.addDays(kSoonDays);
        // One pass over what is due by the later day; of it, what is due already (and held back) by today.
        const DueSet dueLater = dueSet(purpose.rule, purpose.purposeId, later);
        if (!dueLater.computable || (fixed && purpose.rule.months <= 0)) {
            purpose.waitingFor = retentionEnd(purpose.rule, RetentionDates()).waitingFor;
            continue;
        }
        const QVariant dueTodayValue = dueLater.rowValue(now);
        const QString dueToday = QStringLiteral("(%1)").arg(dueLater.row);
        const Result<QList<qint64>> counted = count(
            QStringLiteral("SELECT COUNT(*), COALESCE(SUM(CASE WHEN %1 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN "
                           "%1 AND %2 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN %1 AND NOT %2 AND %3 THEN 1 ELSE "
                           "0 END), 0) ")
                    .arg(dueToday, kHeld, kOpenRequest) +
                dueLater.from + kLive,
            QVariantList{dueTodayValue, dueTodayValue, dueTodayValue} + dueLater.values);
        if (!counted) {
            return counted.error();
        }
        const QList<qint64> due = counted->mid(1);
        purpose.due = due.at(0);
        purpose.heldBlocked = due.at(1);
        purpose.heldForRequest = due.at(2);
        purpose.dueSoon = counted->at(0) - purpose.due;
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
