#include "app/retention/RetentionSweep.h"
#include "app/retention/RetentionDue_p.h"

#include "app/domain/Permissions.h"
#include "app/requests/Request.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QHash>
#include <QSqlQuery>
#include <QSqlRecord>

namespace pd {

using namespace retentiondue;

qint64 RetentionSweep::Preview::toChange() const
{
    qint64 total = 0;
    for (const PurposeRetention &purpose : purposes) {
        total += purpose.toChange();
    }
    return total;
}

QString RetentionSweep::PurposeRetention::categoryCondition(QVariantList &values) const
{
    if (!category.isEmpty()) {
        values << category;
        return QStringLiteral(" AND i.category = ?");
    }
    if (otherCategories.isEmpty()) {
        return QString();
    }
    for (const QString &other : otherCategories) {
        values << other;
    }
    return QStringLiteral(" AND i.category NOT IN (%1)")
        .arg(QStringList(otherCategories.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
}

namespace {

/// Columns kind, months, event, text, action of a rule from `first` on, as both register tables hold them.
void readRule(const QSqlQuery &query, int first, RetentionRule &rule, QString &text)
{
    rule.kind = parseRetentionKind(query.value(first).toString()).value_or(RetentionKind::Legal);
    rule.months = query.value(first + 1).toInt();
    rule.event = query.value(first + 2).toString();
    text = query.value(first + 3).toString();
    rule.action = parseRetentionAction(query.value(first + 4).toString()).value_or(RetentionAction::Delete);
}

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
        readRule(purposes, 3, purpose.rule, purpose.ruleText);
        preview.purposes.append(purpose);
    }
    purposes.finish();
    // Categories kept for periods of their own: a row each after their purpose's.
    if (Status status = sql::exec(purposes,
                                  QStringLiteral("SELECT purpose_id, category, retention_kind, "
                                                 "COALESCE(retention_months, 0), COALESCE(retention_event, ''), "
                                                 "retention_text, retention_action FROM purpose_category_retention "
                                                 "ORDER BY purpose_id, category"),
                                  {}, "reading the register of purposes");
        !status) {
        return status.error();
    }
    while (purposes.next()) {
        const qint64 purposeId = purposes.value(0).toLongLong();
        qsizetype at = 0;
        while (at < preview.purposes.size() && preview.purposes.at(at).purposeId != purposeId) {
            ++at;
        }
        if (at == preview.purposes.size()) {
            continue;
        }
        PurposeRetention category = preview.purposes.at(at);
        category.category = purposes.value(1).toString();
        readRule(purposes, 2, category.rule, category.ruleText);
        preview.purposes[at].otherCategories << category.category;
        qsizetype after = at + 1;
        while (after < preview.purposes.size() && preview.purposes.at(after).purposeId == purposeId) {
            ++after;
        }
        preview.purposes.insert(after, category);
    }
    // What each purpose holds per category, in one pass over an index (an anonymized subject's items are all
    // anonymized, a deleted one has none); a category kept for a period of its own is counted in its own row.
    QHash<qint64, QHash<QString, qint64>> held;
    const auto countHeld = [&held](QSqlDatabase &db) -> Status {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (Status status = sql::exec(query,
                                      QStringLiteral("SELECT purpose_id, category, COUNT(*) FROM pd_items WHERE "
                                                     "purpose_id IS NOT NULL AND state <> 'anonymized' GROUP BY "
                                                     "purpose_id, category"),
                                      {}, "counting what the retention sweep would do");
            !status) {
            return status;
        }
        while (query.next()) {
            held[query.value(0).toLongLong()].insert(query.value(1).toString(), query.value(2).toLongLong());
        }
        return {};
    };
    const auto count = [](QSqlDatabase &db, const QString &statement,
                          const QVariantList &values) -> Result<QList<qint64>> {
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
    const auto countDue = [&](QSqlDatabase &db, PurposeRetention &purpose) -> Status {
        const bool fixed = purpose.rule.kind == RetentionKind::Fixed;
        const QDate now = fixed ? latestEventDay(today, purpose.rule.months) : today;
        const QDate later =
            fixed ? latestEventDay(today.addDays(kSoonDays), purpose.rule.months) : today.addDays(kSoonDays);
        // One pass over what is due by the later day; of it, what is due already (and held back) by today.
        const DueSet dueLater = dueSet(purpose.rule, purpose.purposeId, later);
        if (!dueLater.computable || (fixed && purpose.rule.months <= 0)) {
            purpose.waitingFor = retentionEnd(purpose.rule, RetentionDates()).waitingFor;
            return {};
        }
        const QVariant dueTodayValue = dueLater.rowValue(now);
        const QString dueToday = QStringLiteral("(%1)").arg(dueLater.row);
        // One pass over the whole set: what it holds by the later day, what is due today, and what a block holds
        // back. Millions of items may be due at once (the first sweep over old data), so that pass evaluates nothing
        // per item beyond the set's own condition; what an open request or a legal hold holds back is counted apart,
        // over the few subjects that can hold data back.
        const QString dueSql = QStringLiteral("COALESCE(SUM(CASE WHEN %1 THEN 1 ELSE 0 END), 0)");
        const bool itemsOnly = !dueLater.itemsWhere.isEmpty();
        QVariantList allValues = QVariantList{dueTodayValue, dueTodayValue} + dueLater.values;
        const QString allCategories = purpose.categoryCondition(allValues);
        const QString all =
            QStringLiteral("SELECT COUNT(*), %1, %2 ")
                .arg(dueSql.arg(dueToday), dueSql.arg(dueToday + QStringLiteral(" AND ") +
                                                      (itemsOnly ? QStringLiteral("i.state = 'blocked'") : kHeld))) +
            (itemsOnly ? QString(QStringLiteral("FROM pd_items i WHERE ") + dueLater.itemsWhere + allCategories +
                                 QStringLiteral(" AND i.state <> 'anonymized'"))
                       : QString(dueLater.from + allCategories + kLive));
        const Result<QList<qint64>> counted = count(db, all, allValues);
        if (!counted) {
            return counted.error();
        }
        purpose.due = counted->at(1);
        purpose.dueSoon = counted->at(0) - purpose.due;
        purpose.heldBlocked = counted->at(2);
        if (purpose.due == 0) {
            return {}; // nothing due: nothing held back
        }
        // A blocked subject's items are counted here when the pass above saw the items alone.
        QVariantList heldValues = QVariantList(itemsOnly ? 3 : 2, dueTodayValue) + dueLater.values;
        const QString heldCategories = purpose.categoryCondition(heldValues);
        const QString blockedBySubject =
            itemsOnly ? dueSql.arg(dueToday + QStringLiteral(" AND i.state <> 'blocked' AND s.state = 'blocked'"))
                      : QStringLiteral("0");
        const QString heldColumns =
            QStringLiteral("SELECT %1, %2, %3 ")
                .arg(
                    blockedBySubject,
                    dueSql.arg(QStringLiteral("%1 AND NOT %2 AND %3").arg(dueToday, kHeld, kOpenRequest)),
                    dueSql.arg(
                        QStringLiteral("%1 AND NOT %2 AND NOT %3 AND %4").arg(dueToday, kHeld, kOpenRequest, kOnHold)));
        const QString heldFrom =
            itemsOnly
                ? QString(
                      QStringLiteral("FROM (%1) h CROSS JOIN subjects s CROSS JOIN pd_items i WHERE s.id = h.id AND "
                                     "i.subject_id = s.id AND ")
                          .arg(kHolders) +
                      QString(dueLater.itemsWhere + heldCategories)
                          // The few subjects first, then their items by subject: an expression keeps the
                          // purpose's index out.
                          .replace(QLatin1String("i.purpose_id"), QLatin1String("(i.purpose_id + 0)"))
                          .replace(QLatin1String("i.category"), QLatin1String("(i.category || '')")) +
                      QStringLiteral(" AND i.state <> 'anonymized'"))
                : QString(dueLater.from + heldCategories + kLive + QStringLiteral(" AND s.id IN (%1)").arg(kHolders));
        const Result<QList<qint64>> holding = count(db, heldColumns + heldFrom, heldValues);
        if (!holding) {
            return holding.error();
        }
        purpose.heldBlocked += holding->at(0);
        purpose.heldForRequest = holding->at(1);
        purpose.heldLegal = holding->at(2);
        return {};
    };
    // The held items first (the longest pass), then a purpose after another, on two connections at once: each
    // count reads an index of millions of entries, and they do not depend on each other.
    // Each task writes its own row only; the list is detached here, before the threads share it.
    PurposeRetention *const rows = preview.purposes.data();
    if (Status status = database.readInParallel(
            int(preview.purposes.size()) + 1,
            [&](QSqlDatabase &db, int task) { return task == 0 ? countHeld(db) : countDue(db, rows[task - 1]); });
        !status) {
        return status.error();
    }
    for (PurposeRetention &purpose : preview.purposes) {
        const QHash<QString, qint64> categories = held.value(purpose.purposeId);
        for (auto it = categories.constBegin(); it != categories.constEnd(); ++it) {
            const bool counted =
                purpose.category.isEmpty() ? !purpose.otherCategories.contains(it.key()) : purpose.category == it.key();
            purpose.items += counted ? it.value() : 0;
        }
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
