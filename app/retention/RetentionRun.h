#pragma once

#include "app/domain/Result.h"
#include "app/domain/Retention.h"
#include "app/domain/Session.h"

#include <QDate>
#include <QList>
#include <QString>

#include <functional>

namespace pd {

class Database;

/// The retention sweep carried out: what RetentionSweep::preview() lists as due is deleted or anonymized.
///
/// For each purpose the items past their period (and not held back: blocked, under an open request of their subject,
/// under a legal hold) go as the purpose's rule says; the erasures scheduled by withdrawals of consent that are due
/// go too (the items of the subject held for that purpose). A subject that keeps nothing else is deleted (or
/// anonymized, when a rule says so) as a whole; one that still holds data for another purpose loses only the due
/// items: an item collected for several purposes is kept while any of them still holds it. Everything goes through
/// ItemErasure in batches of subjects, each one transaction with its audit entries and deletion log rows; between
/// batches the progress callback may cancel (what was committed stays; running again carries on). A sweep that would
/// change more subjects than the four-eyes rule lets one officer change waits for a second officer: it is entered as
/// an approval ("retention") which ApprovalService carries out. Needs Action::DeleteData and Action::AnonymizeData.
class RetentionRun
{
public:
    static constexpr int kBatchSubjects = 500;

    struct PurposeOutcome
    {
        QString code;
        QString title;
        QString category; ///< a category kept for a period of its own, or empty for the purpose's own rule
        RetentionAction action = RetentionAction::Delete;
        qint64 due = 0;            ///< items found due
        qint64 heldBlocked = 0;    ///< due, held back by a block
        qint64 heldForRequest = 0; ///< due, held back by an open request
        qint64 heldLegal = 0;      ///< due, held back by a legal hold
    };

    struct Summary
    {
        QDate today;
        QList<PurposeOutcome> purposes;
        qint64 planned = 0;            ///< subjects the sweep set out to change
        qint64 subjectsDeleted = 0;    ///< nothing of them was left to keep
        qint64 subjectsAnonymized = 0; ///< likewise, under a rule that anonymizes
        qint64 subjectsTrimmed = 0;    ///< subjects that stay, having lost the items that were due
        qint64 itemsDeleted = 0;       ///< of subjects that stay
        qint64 itemsAnonymized = 0;    ///< of subjects that stay
        qint64 scheduledDone = 0;      ///< scheduled erasures carried out
        qint64 scheduledHeld = 0;      ///< scheduled erasures due but held back (block, open request, legal hold)
        qint64 skipped = 0;            ///< subjects changed by someone else meanwhile, left as they were
        qint64 pendingApproval = 0;    ///< > 0: nothing was done, the approval waits for a second officer
        bool cancelled = false;
        /// The day the erased data leaves the backups too: today plus the backups' keeping period
        /// (Settings::Key::BackupKeepDays); until then a restore would bring it back.
        QDate backupsClearBy;

        qint64 held() const;
    };

    /// Called after each batch with the subjects done of the total; return false to stop after it.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    /// Runs the sweep as of `today` (not later than the current date: data is never removed before its time).
    static Result<Summary> run(Database &database, const Session &who, const QDate &today,
                               const Progress &progress = {}, int batchSubjects = kBatchSubjects);

    /// The reason a sweep of `today` gives its audit entries and deletion log rows (the same in every language).
    static QString sweepReason(const QDate &today);

    /// Runs a sweep a second officer approved (ApprovalService): as of today, of the subjects the approval names
    /// that are still due. Interrupted, it carries on after the subjects it had done when approved again.
    static Result<Summary> runApproved(Database &database, const Session &who, qint64 approvalId,
                                       const QList<qint64> &subjectIds, const Progress &progress = {},
                                       int batchSubjects = kBatchSubjects);
};

} // namespace pd
