#pragma once

#include "app/domain/Result.h"
#include "app/domain/Retention.h"
#include "app/domain/Session.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace pd {

class Database;

/// The retention sweep of the register of purposes: what each purpose's rule (app/domain/Retention.h) says must go
/// on a given day, and what is held back.
///
/// preview() only reads (one pass for what each purpose holds, then each rule from its event); it needs a role that may
/// view personal data, though it shows counts only. A purpose whose register entry gives some data categories a
/// period of their own has one row per such category after the row of its own rule, which covers the others.
class RetentionSweep
{
public:
    /// Data due within this many days is listed as coming.
    static constexpr int kSoonDays = 30;

    struct PurposeRetention
    {
        qint64 purposeId = 0;
        QString code;
        QString title;
        QString category;            ///< a data category kept for a period of its own; empty: the purpose's own rule
        QStringList otherCategories; ///< with an empty category: those with periods of their own (not in this row)
        RetentionRule rule;
        QString ruleText;          ///< the policy's own words for the period
        qint64 items = 0;          ///< data items held for the purpose (not yet anonymized)
        qint64 due = 0;            ///< of them, past their period
        qint64 heldBlocked = 0;    ///< due, but blocked (restriction of processing holds them)
        qint64 heldForRequest = 0; ///< due, but their subject has an open data-subject request
        qint64 heldLegal = 0;      ///< due, but their subject is under a legal hold
        qint64 dueSoon = 0;        ///< not due yet, due within kSoonDays
        QString waitingFor;        ///< when no date can be computed for the rule: what it waits for

        /// What running the sweep would delete or anonymize.
        qint64 toChange() const { return due - heldBlocked - heldForRequest - heldLegal; }
        /// " AND ..." limiting items (alias i) to this row's categories, and the values it binds.
        QString categoryCondition(QVariantList &values) const;
    };

    struct Preview
    {
        QDate today;
        QList<PurposeRetention> purposes;
        qint64 scheduledErasuresDue = 0; ///< erasures scheduled by withdrawals of consent, due by today

        /// Data items the sweep would delete or anonymize, over all purposes.
        qint64 toChange() const;
    };

    /// What the sweep would do on `today`.
    static Result<Preview> preview(Database &database, const Session &who, const QDate &today);

    /// The last day an event may have happened for a period of `months` from it to be over on `today`
    /// (31 January + 1 month ends on 28 February: on 28 February everything from 29 to 31 January is due too).
    static QDate latestEventDay(const QDate &today, int months);
};

} // namespace pd
