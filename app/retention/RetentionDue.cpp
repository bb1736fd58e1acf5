#include "app/retention/RetentionDue_p.h"

#include "app/requests/Request.h"

namespace pd::retentiondue {

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
        set.itemsWhere = QStringLiteral("i.purpose_id = ? AND i.collected_at < ?");
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
const QString kOnHold = QStringLiteral("COALESCE(s.legal_hold, '') <> ''");
// The first part matches the partial index subjects_holding (migration 11) term for term, so that it is used.
const QString kHolders =
    QStringLiteral("SELECT id FROM subjects WHERE (state = 'blocked' OR legal_hold <> '') UNION SELECT r.subject_id "
                   "FROM requests r WHERE r.subject_id IS NOT NULL AND %1")
        .arg(openStatusCondition(QStringLiteral("r.status")));
const QString kLive = QStringLiteral(" AND i.state <> 'anonymized' AND s.state <> 'anonymized'");

} // namespace pd::retentiondue
