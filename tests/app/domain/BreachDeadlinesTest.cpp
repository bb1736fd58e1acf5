// When each regime wants a breach notified, counted from the moment of awareness (docs/legal.md, "Personal-data
// breaches"), on fixed moments and hand-made calendars.
#include "app/domain/BreachDeadlines.h"

#include <gtest/gtest.h>

using namespace pd;

namespace {

QDateTime at(const char *iso)
{
    const QDateTime when = QDateTime::fromString(QLatin1String(iso), Qt::ISODate);
    EXPECT_TRUE(when.isValid()) << iso;
    return when;
}

/// Weekends only, plus the days off given.
WorkingCalendar weekendsAnd(std::initializer_list<QDate> daysOff)
{
    WorkingCalendar calendar = WorkingCalendar::builtIn(QStringLiteral("XX"), 2026, 2027);
    for (const QDate &day : daysOff) {
        calendar.addDayOff(day);
    }
    return calendar;
}

} // namespace

TEST(BreachDeadlines, GdprAndUkGdprGiveSeventyTwoHoursWhateverTheDay)
{
    // A Friday evening in Berlin: the hours run through the weekend.
    for (Regime regime : {Regime::Gdpr, Regime::UkGdpr}) {
        const BreachDeadline deadline = BreachDeadlines::deadline(regime, at("2026-12-04T18:30:00+01:00"));
        ASSERT_TRUE(deadline.notifyBy.has_value());
        EXPECT_EQ(*deadline.notifyBy, at("2026-12-07T17:30:00Z"));
        EXPECT_FALSE(deadline.followUpBy.has_value());
        EXPECT_TRUE(deadline.source.contains(QLatin1String("33(1)")));
    }
}

TEST(BreachDeadlines, BelarusGivesThreeWorkingDaysAfterTheDayOfAwarenessInMinsk)
{
    const WorkingCalendar plain = weekendsAnd({});
    // Friday afternoon: Monday, Tuesday and Wednesday; to the end of Wednesday in Minsk (UTC+3).
    EXPECT_EQ(*BreachDeadlines::deadline(Regime::By99z, at("2026-11-27T16:00:00+03:00"), plain).notifyBy,
              at("2026-12-02T20:59:59Z"));
    // 22:30 UTC on Friday is already Saturday in Minsk: the count starts from Saturday, the same Wednesday.
    EXPECT_EQ(*BreachDeadlines::deadline(Regime::By99z, at("2026-11-27T22:30:00Z"), plain).notifyBy,
              at("2026-12-02T20:59:59Z"));
    // Thursday evening in Minsk: Friday, Monday, Tuesday.
    EXPECT_EQ(*BreachDeadlines::deadline(Regime::By99z, at("2026-11-26T22:30:00+03:00"), plain).notifyBy,
              at("2026-12-01T20:59:59Z"));
}

TEST(BreachDeadlines, DaysOffAndWorkedSaturdaysOfTheCalendarCount)
{
    // New Year's Day on a Friday, and Monday 4 January declared off.
    const WorkingCalendar newYear = weekendsAnd({QDate(2027, 1, 1), QDate(2027, 1, 4)});
    EXPECT_EQ(*BreachDeadlines::deadline(Regime::By99z, at("2026-12-30T12:00:00+03:00"), newYear).notifyBy,
              at("2027-01-06T20:59:59Z"))
        << "Thursday 31 December, then Tuesday 5 and Wednesday 6 January";
    // A Saturday declared a working day shortens the wait.
    WorkingCalendar transfer = weekendsAnd({});
    transfer.addWorkingDay(QDate(2026, 11, 28));
    EXPECT_EQ(*BreachDeadlines::deadline(Regime::By99z, at("2026-11-27T16:00:00+03:00"), transfer).notifyBy,
              at("2026-12-01T20:59:59Z"));
}

TEST(BreachDeadlines, RussiaWantsAFirstNoticeInADayAndTheInvestigationInThree)
{
    const BreachDeadline deadline = BreachDeadlines::deadline(Regime::Ru152fz, at("2026-11-27T16:00:00+03:00"));
    EXPECT_EQ(*deadline.notifyBy, at("2026-11-28T13:00:00Z"));
    ASSERT_TRUE(deadline.followUpBy.has_value());
    EXPECT_EQ(*deadline.followUpBy, at("2026-11-30T13:00:00Z"));
}

TEST(BreachDeadlines, BrazilCountsThreeWorkingDaysInBrasiliaAndCaliforniaSetsNoTime)
{
    // Friday 20:00 in Brasília (UTC-3, 23:00 UTC): Monday to Wednesday, to the end of Wednesday there.
    EXPECT_EQ(*BreachDeadlines::deadline(Regime::BrLgpd, at("2026-11-27T20:00:00-03:00"), weekendsAnd({})).notifyBy,
              at("2026-12-03T02:59:59Z"));
    const BreachDeadline california = BreachDeadlines::deadline(Regime::Ccpa, at("2026-11-27T16:00:00Z"));
    EXPECT_FALSE(california.notifyBy.has_value());
    EXPECT_FALSE(california.source.isEmpty());
}
