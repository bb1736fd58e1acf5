// Retention rules of the register of purposes, computed with fixed dates: every kind, and what is waited for.
#include "app/domain/Retention.h"

#include <gtest/gtest.h>

using namespace pd;

namespace {

RetentionRule fixed(int months, const char *event, RetentionAction action = RetentionAction::Delete)
{
    RetentionRule rule;
    rule.kind = RetentionKind::Fixed;
    rule.months = months;
    rule.event = QLatin1String(event);
    rule.action = action;
    return rule;
}

RetentionRule ofKind(RetentionKind kind)
{
    RetentionRule rule;
    rule.kind = kind;
    return rule;
}

QDate day(int year, int month, int dayOfMonth)
{
    return QDate(year, month, dayOfMonth);
}

} // namespace

TEST(Retention, AFixedPeriodRunsFromItsEventInCalendarMonths)
{
    RetentionDates dates;
    dates.collected = day(2024, 3, 15);
    dates.registered = day(2023, 1, 10);
    dates.response = day(2025, 1, 31);
    dates.lastVisit = day(2026, 6, 1);
    dates.contractEnd = day(2025, 12, 31);
    dates.withdrawal = day(2026, 2, 28);

    // "3 years after the response to the appeal" (seed 004 §2.3.6), stored as 36 months.
    EXPECT_EQ(retentionEnd(fixed(36, "response"), dates).date, day(2028, 1, 31));
    EXPECT_EQ(retentionEnd(fixed(12, "collection"), dates).date, day(2025, 3, 15));
    EXPECT_EQ(retentionEnd(fixed(6, "registration"), dates).date, day(2023, 7, 10));
    EXPECT_EQ(retentionEnd(fixed(1, "visit"), dates).date, day(2026, 7, 1));
    EXPECT_EQ(retentionEnd(fixed(60, "contract-end"), dates).date, day(2030, 12, 31));
    EXPECT_EQ(retentionEnd(fixed(1, "withdrawal"), dates).date, day(2026, 3, 28));
    // A month after 31 January is the last day of February, in a leap year too.
    dates.collected = day(2028, 1, 31);
    EXPECT_EQ(retentionEnd(fixed(1, "collection"), dates).date, day(2028, 2, 29));
}

TEST(Retention, TheOtherKindsEndOnTheDayOfTheirEvent)
{
    RetentionDates dates;
    dates.contractEnd = day(2026, 4, 30);
    dates.withdrawal = day(2026, 5, 2);
    dates.backupCycleEnd = day(2026, 7, 1);
    EXPECT_EQ(retentionEnd(ofKind(RetentionKind::ContractTerm), dates).date, day(2026, 4, 30));
    EXPECT_EQ(retentionEnd(ofKind(RetentionKind::UntilWithdrawal), dates).date, day(2026, 5, 2));
    EXPECT_EQ(retentionEnd(ofKind(RetentionKind::BackupCycle), dates).date, day(2026, 7, 1));
}

TEST(Retention, WithoutItsEventARuleHasNoDateAndSaysWhatItWaitsFor)
{
    const RetentionDates none;
    const struct
    {
        RetentionRule rule;
        const char *waitsFor;
    } cases[] = {
        {ofKind(RetentionKind::ContractTerm), "the end of the contract"},
        {ofKind(RetentionKind::UntilWithdrawal), "the withdrawal of consent"},
        {ofKind(RetentionKind::BackupCycle), "the end of the backup cycle"},
        {ofKind(RetentionKind::Legal), "the period the law sets"},
        {fixed(36, "response"), "the answer to a request"},
        {fixed(12, "collection"), "the date of collection"},
        {fixed(12, "contract-end"), "the end of the contract"},
        {fixed(12, "lunch"), "does not know ('lunch')"},
        {fixed(0, "collection"), "a period"},
    };
    for (const auto &c : cases) {
        const RetentionEnd end = retentionEnd(c.rule, none);
        EXPECT_FALSE(end.date.has_value()) << c.waitsFor;
        EXPECT_TRUE(end.waitingFor.contains(QLatin1String(c.waitsFor))) << end.waitingFor.toStdString();
        EXPECT_FALSE(isRetentionOver(c.rule, none, day(2100, 1, 1))) << "nothing is due before its event";
    }
}

TEST(Retention, DataIsDueFromTheDayItsPeriodEnds)
{
    RetentionDates dates;
    dates.collected = day(2025, 12, 2);
    const RetentionRule year = fixed(12, "collection", RetentionAction::Anonymize);
    EXPECT_FALSE(isRetentionOver(year, dates, day(2026, 12, 1)));
    EXPECT_TRUE(isRetentionOver(year, dates, day(2026, 12, 2)));
    EXPECT_TRUE(isRetentionOver(year, dates, day(2027, 1, 1)));
}

TEST(Retention, ActionsAreSpelledAsTheRegisterStoresThem)
{
    for (RetentionAction action : {RetentionAction::Delete, RetentionAction::Anonymize}) {
        EXPECT_EQ(parseRetentionAction(toString(action)), action);
    }
    EXPECT_EQ(toString(RetentionAction::Anonymize), QStringLiteral("anonymize"));
    EXPECT_FALSE(parseRetentionAction(QStringLiteral("shred")).has_value());
}
