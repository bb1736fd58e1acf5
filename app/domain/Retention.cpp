#include "app/domain/Retention.h"

#include <QCoreApplication>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::Retention)
};
} // namespace

namespace pd {

namespace {

/// The date a fixed period counts from, and what is missing when there is none.
RetentionEnd fromEvent(const QString &event, const RetentionDates &dates, int months)
{
    struct Event
    {
        const char *name;
        QDate RetentionDates::*date;
        const char *missing;
    };
    static const Event events[] = {
        {"collection", &RetentionDates::collected, QT_TRANSLATE_NOOP("pd::Retention", "the date of collection")},
        {"registration", &RetentionDates::registered, QT_TRANSLATE_NOOP("pd::Retention", "the subject's registration")},
        {"contract-end", &RetentionDates::contractEnd, QT_TRANSLATE_NOOP("pd::Retention", "the end of the contract")},
        {"response", &RetentionDates::response, QT_TRANSLATE_NOOP("pd::Retention", "the answer to a request")},
        {"visit", &RetentionDates::lastVisit, QT_TRANSLATE_NOOP("pd::Retention", "a visit")},
        {"withdrawal", &RetentionDates::withdrawal, QT_TRANSLATE_NOOP("pd::Retention", "the withdrawal of consent")},
    };
    for (const Event &known : events) {
        if (event != QLatin1String(known.name)) {
            continue;
        }
        const QDate &date = dates.*(known.date);
        if (!date.isValid()) {
            return {std::nullopt, Tr::tr(known.missing)};
        }
        return {date.addMonths(months), QString()};
    }
    return {std::nullopt, Tr::tr("an event the rule does not know ('%1')").arg(event)};
}

} // namespace

RetentionEnd retentionEnd(const RetentionRule &rule, const RetentionDates &dates)
{
    const auto onDay = [](const QDate &date, const char *missing) -> RetentionEnd {
        if (!date.isValid()) {
            return {std::nullopt, Tr::tr(missing)};
        }
        return {date, QString()};
    };
    switch (rule.kind) {
    case RetentionKind::Fixed:
        if (rule.months <= 0) {
            return {std::nullopt, Tr::tr("a period (the rule has none)")};
        }
        return fromEvent(rule.event, dates, rule.months);
    case RetentionKind::ContractTerm:
        return onDay(dates.contractEnd, QT_TRANSLATE_NOOP("pd::Retention", "the end of the contract"));
    case RetentionKind::UntilWithdrawal:
        return onDay(dates.withdrawal, QT_TRANSLATE_NOOP("pd::Retention", "the withdrawal of consent"));
    case RetentionKind::BackupCycle:
        return onDay(dates.backupCycleEnd, QT_TRANSLATE_NOOP("pd::Retention", "the end of the backup cycle"));
    case RetentionKind::Legal:
        break;
    }
    return {std::nullopt, Tr::tr("the period the law sets (record it in the register of purposes)")};
}

bool isRetentionOver(const RetentionRule &rule, const RetentionDates &dates, const QDate &today)
{
    const RetentionEnd end = retentionEnd(rule, dates);
    return end.date && *end.date <= today;
}

QString toString(RetentionAction action)
{
    return action == RetentionAction::Anonymize ? QStringLiteral("anonymize") : QStringLiteral("delete");
}

std::optional<RetentionAction> parseRetentionAction(const QString &text)
{
    if (text == QLatin1String("delete")) {
        return RetentionAction::Delete;
    }
    if (text == QLatin1String("anonymize")) {
        return RetentionAction::Anonymize;
    }
    return std::nullopt;
}

} // namespace pd
