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

const QStringList &retentionEvents()
{
    static const QStringList events = {QStringLiteral("registration"), QStringLiteral("response"),
                                       QStringLiteral("visit"),        QStringLiteral("collection"),
                                       QStringLiteral("contract-end"), QStringLiteral("withdrawal")};
    return events;
}

std::optional<RetentionRule> parseRetentionRule(QStringView text, RetentionRuleProblem *problem)
{
    const auto fail = [problem](RetentionRuleProblem why) -> std::optional<RetentionRule> {
        if (problem) {
            *problem = why;
        }
        return std::nullopt;
    };
    if (problem) {
        *problem = RetentionRuleProblem::None;
    }
    RetentionRule rule;
    // Every kind but a fixed period is spelt by its vocabulary code alone, as retentionRuleSpelling() writes it.
    if (const std::optional<RetentionKind> kind = parseRetentionKind(text); kind && *kind != RetentionKind::Fixed) {
        rule.kind = *kind;
        return rule;
    }
    // Read by hand: a regular expression per purpose was a tenth of a large profile's time.
    const QList<QStringView> words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.size() != 4 || words.at(0).isEmpty() || words.at(0).size() > 4 || words.at(2) != QLatin1String("after")) {
        return fail(RetentionRuleProblem::NotARule);
    }
    int count = 0;
    for (const QChar c : words.at(0)) {
        if (c.unicode() < '0' || c.unicode() > '9') {
            return fail(RetentionRuleProblem::NotARule);
        }
        count = count * 10 + (c.unicode() - '0');
    }
    const QStringView unit = words.at(1);
    const bool years = unit == QLatin1String("year") || unit == QLatin1String("years");
    if (!years && unit != QLatin1String("month") && unit != QLatin1String("months")) {
        return fail(RetentionRuleProblem::NotARule);
    }
    if (count <= 0) {
        return fail(RetentionRuleProblem::ZeroPeriod);
    }
    rule.event = words.at(3).toString();
    if (!retentionEvents().contains(rule.event)) {
        return fail(RetentionRuleProblem::UnknownEvent);
    }
    rule.kind = RetentionKind::Fixed;
    rule.months = years ? count * 12 : count;
    return rule;
}

QString retentionRuleSpelling(const RetentionRule &rule)
{
    if (rule.kind != RetentionKind::Fixed) {
        return toString(rule.kind);
    }
    return rule.months % 12 == 0 ? QStringLiteral("%1 years after %2").arg(rule.months / 12).arg(rule.event)
                                 : QStringLiteral("%1 months after %2").arg(rule.months).arg(rule.event);
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
