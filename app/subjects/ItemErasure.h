#pragma once

#include "app/domain/Result.h"
#include "app/domain/Retention.h"
#include "app/domain/Session.h"

#include <QList>
#include <QString>

namespace pd {

class Database;

/// Deletes or anonymizes the data items whose retention is over: the items of a subject that other purposes no
/// longer hold, or the whole subject when none of its data may be kept. Used by the retention sweep.
///
/// One call is one transaction (it joins the caller's): every target is changed, audited and logged for the
/// destruction act, or none is. A target whose subject is gone, blocked, anonymized or under a legal hold is skipped,
/// as are items no longer active: the state is read again under the subject's lock. Needs Action::DeleteData (and
/// Action::AnonymizeData for anonymizing). The four-eyes rule is the caller's part.
class ItemErasure
{
public:
    struct Target
    {
        qint64 subjectId = 0;
        QList<qint64> deleteItems;    ///< items to delete
        QList<qint64> anonymizeItems; ///< items to anonymize
        /// Nothing of the subject may be kept: delete the subject (with its consents and disclosures), or anonymize
        /// it when `anonymizeItems` is not empty; the item lists are then what was due, for the audit entry.
        bool wholeSubject = false;
    };

    struct Applied
    {
        qint64 subjectsDeleted = 0;
        qint64 subjectsAnonymized = 0;
        qint64 itemsDeleted = 0;    ///< items deleted from subjects that stay
        qint64 itemsAnonymized = 0; ///< items anonymized in subjects that stay
        QList<qint64> skipped;      ///< subjects left as they were (gone, blocked, on hold, nothing active)
        QList<qint64> changed;      ///< subjects changed
    };

    /// `reason` goes to each audit entry and deletion log row; `approvalId` > 0 is recorded in the audit entries.
    static Result<Applied> apply(Database &database, const Session &who, const QList<Target> &targets,
                                 const QString &reason, qint64 approvalId = 0);
};

} // namespace pd
