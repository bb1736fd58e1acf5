#pragma once

#include "app/domain/Vocabulary.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace pd {

/// What happens to data once its retention period is over (seed 003 §9.4: "deleted or anonymized").
enum class RetentionAction { Delete, Anonymize };

/// A purpose's retention rule as the register of purposes states it (resources/profiles/README.md, "Retention
/// rules"): a period counted from an event, or "while the contract lasts", "until consent is withdrawn", "until the
/// backup holding it expires", or "the period set by law"; then delete or anonymize.
struct RetentionRule
{
    RetentionKind kind = RetentionKind::Legal;
    int months = 0; ///< RetentionKind::Fixed: the period (years are stored as months)
    QString event;  ///< RetentionKind::Fixed: registration, response, visit, collection, contract-end, withdrawal
    RetentionAction action = RetentionAction::Delete;
};

/// The dates a rule may count from, for one data item of one subject; a date that is not valid has not happened
/// (yet): the contract still runs, consent stands, no request was answered.
struct RetentionDates
{
    QDate collected;      ///< the item was collected
    QDate registered;     ///< the subject registered (the record was created)
    QDate contractEnd;    ///< the subject's contract ended
    QDate response;       ///< the answer to the subject's request or appeal was sent (seed 004 §2.3.6)
    QDate lastVisit;      ///< the subject's last visit
    QDate withdrawal;     ///< consent for the purpose was withdrawn
    QDate backupCycleEnd; ///< the backup holding the item expires
};

/// When a rule says the data must go, or why that cannot be said yet.
struct RetentionEnd
{
    std::optional<QDate> date; ///< the first day the data may no longer be kept
    QString waitingFor;        ///< when there is no date: what has not happened, in words for the operator
};

/// The end of the retention of data under `rule`, counted from `dates`. Fixed periods run from the event's day by
/// calendar months (31 January + 1 month = the last day of February); the other kinds end on the day of their event.
/// "The period set by law" has no date of its own here: such data is kept until a law's period is recorded.
RetentionEnd retentionEnd(const RetentionRule &rule, const RetentionDates &dates);

/// Whether data under `rule` is due for deletion or anonymization on `today`.
bool isRetentionOver(const RetentionRule &rule, const RetentionDates &dates, const QDate &today);

/// The events a fixed period may run from, as profiles spell them: registration, response, visit, collection,
/// contract-end, withdrawal.
const QStringList &retentionEvents();

/// A rule as a profile spells it ("contract-term", "legal", "backup-cycle", "until-withdrawal", "<N> months after
/// <event>", "<N> years after <event>"; "month" and "year" too), without its action; nullopt when it is none of
/// these (N of more than 4 digits included), with what is wrong in `problem`.
enum class RetentionRuleProblem { None, NotARule, ZeroPeriod, UnknownEvent };
std::optional<RetentionRule> parseRetentionRule(QStringView text, RetentionRuleProblem *problem = nullptr);
/// The profile spelling of `rule` (a whole number of years as years): parseRetentionRule() reads it back.
QString retentionRuleSpelling(const RetentionRule &rule);

QString toString(RetentionAction action);
std::optional<RetentionAction> parseRetentionAction(const QString &text);

} // namespace pd
