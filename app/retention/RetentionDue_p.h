#pragma once

// Private to app/retention/: where each rule's due data is found, shared by the preview and the run.

#include "app/domain/Retention.h"

#include <QDate>
#include <QString>
#include <QVariantList>

namespace pd::retentiondue {

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
    /// The set depends on the items alone (collection): `itemsWhere` is its condition on pd_items (alias i only),
    /// bound to the same values, so that it can be counted from an index and the few subjects that hold data back
    /// joined apart.
    QString itemsWhere;

    QVariant rowValue(const QDate &day) const { return (rowTakesDay ? day : day.addDays(1)).toString(Qt::ISODate); }
};

/// The due set of `rule` for purpose `purposeId`, for events up to `day`.
DueSet dueSet(const RetentionRule &rule, qint64 purposeId, const QDate &day);

/// Conditions on an item (alias i) and its subject (alias s): held back by a block; by an open request of the
/// subject; by a legal hold; still holding data.
extern const QString kOpenRequest;
extern const QString kHeld;
extern const QString kOnHold;
extern const QString kLive;
/// The ids of the subjects that may hold their due data back: blocked, under a legal hold, or with an open request
/// (a few among millions, found from a partial index and the open requests).
extern const QString kHolders;

} // namespace pd::retentiondue
