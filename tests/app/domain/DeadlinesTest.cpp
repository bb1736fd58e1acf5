#include "app/domain/Deadlines.h"
#include "app/domain/WorkingCalendar.h"

#include <gtest/gtest.h>

using namespace pd;

namespace {

QDate date(const char *iso)
{
    return QDate::fromString(QLatin1String(iso), Qt::ISODate);
}

struct Case
{
    Regime regime;
    RequestType type;
    const char *received;
    int pausedDays;
    bool extended;
    const char *due;
    const char *why;
};

} // namespace

// Each due date below was worked out by hand from the law's rule and the 2026-2028 calendars.
TEST(Deadlines, DueDatesForEveryRegime)
{
    const Case cases[] = {
        // Belarus, Law 99-Z.
        {Regime::By99z, RequestType::Access, "2026-11-20", 0, false, "2026-11-27", "5 working days, Fri to Fri"},
        {Regime::By99z, RequestType::Access, "2026-12-31", 0, false, "2027-01-11", "1, 2 and 7 January are holidays"},
        {Regime::By99z, RequestType::Erasure, "2026-10-23", 0, false, "2026-11-09",
         "15 days end on Sat 7 November, a holiday: next working day"},
        {Regime::By99z, RequestType::ConsentWithdrawal, "2026-04-06", 0, false, "2026-04-22",
         "15 days end on Radunitsa (Tue 21 April 2026)"},
        {Regime::By99z, RequestType::Disclosures, "2026-11-23", 0, false, "2026-12-08", "15 days"},
        {Regime::By99z, RequestType::Rectification, "2026-11-23", 10, false, "2026-12-08", "no pause in 99-Z"},
        // GDPR: a month to the same date, or the month's last day; then the next working day.
        {Regime::Gdpr, RequestType::Access, "2026-03-10", 0, false, "2026-04-10", "same date next month"},
        {Regime::Gdpr, RequestType::Erasure, "2026-01-31", 0, false, "2026-03-02",
         "31 Jan -> 28 Feb, a Saturday -> Monday 2 March"},
        {Regime::Gdpr, RequestType::Access, "2026-03-10", 0, true, "2026-06-10", "extended by two months"},
        {Regime::Gdpr, RequestType::Access, "2026-03-10", 5, false, "2026-04-15", "paused 5 days for identity"},
        {Regime::Gdpr, RequestType::Portability, "2026-07-31", 0, false, "2026-08-31", "31 July -> 31 August"},
        // UK GDPR with bank holidays of England and Wales.
        {Regime::UkGdpr, RequestType::Access, "2026-03-03", 0, false, "2026-04-07",
         "3 April 2026 is Good Friday, 6 April Easter Monday"},
        {Regime::UkGdpr, RequestType::Access, "2028-01-31", 0, false, "2028-02-29", "leap year"},
        {Regime::UkGdpr, RequestType::Rectification, "2026-11-25", 0, false, "2026-12-29",
         "Christmas Fri, Boxing Day Sat moved to Mon 28"},
        // CCPA: 45 calendar days, extendable by 45.
        {Regime::Ccpa, RequestType::Access, "2026-11-01", 0, false, "2026-12-16", "45 days"},
        {Regime::Ccpa, RequestType::Erasure, "2026-11-01", 0, true, "2027-01-30", "45 + 45 days"},
        {Regime::Ccpa, RequestType::Access, "2026-11-01", 9, false, "2026-12-16", "the clock does not pause"},
        // Russia, 152-FZ: working days, with the January holidays.
        {Regime::Ru152fz, RequestType::Access, "2026-11-23", 0, false, "2026-12-07", "10 working days"},
        {Regime::Ru152fz, RequestType::Access, "2026-12-30", 0, false, "2027-01-21", "1-8 January are holidays"},
        {Regime::Ru152fz, RequestType::Access, "2026-12-30", 0, true, "2027-01-28", "extended by 5 working days"},
        {Regime::Ru152fz, RequestType::Rectification, "2026-11-23", 0, false, "2026-12-02", "7 working days"},
        {Regime::Ru152fz, RequestType::ConsentWithdrawal, "2026-05-01", 0, false, "2026-06-01",
         "30 days end on a Sunday"},
        // Brazil, LGPD art. 19: 15 days.
        {Regime::BrLgpd, RequestType::Access, "2026-11-23", 0, false, "2026-12-08", "15 days"},
    };
    for (const Case &c : cases) {
        const WorkingCalendar calendar = WorkingCalendar::builtIn(Deadlines::country(c.regime), 2026, 2028);
        const QDate due =
            Deadlines::dueDate(c.regime, c.type, RequestClock{date(c.received), c.pausedDays, c.extended}, calendar);
        EXPECT_EQ(due, date(c.due)) << toString(c.regime).toStdString() << " " << toString(c.type).toStdString()
                                    << " received " << c.received << ": " << c.why << " (got "
                                    << due.toString(Qt::ISODate).toStdString() << ")";
    }
}

TEST(Deadlines, EveryRegimeAndRightHasARuleWithItsSource)
{
    for (const QString &regime : allRegimes()) {
        for (const QString &type : allRequestTypes()) {
            const DeadlineRule rule = Deadlines::rule(*parseRegime(regime), *parseRequestType(type));
            EXPECT_GT(rule.period.amount, 0) << regime.toStdString() << " " << type.toStdString();
            EXPECT_FALSE(rule.source.isEmpty()) << regime.toStdString() << " " << type.toStdString();
        }
    }
    EXPECT_FALSE(Deadlines::rule(Regime::By99z, RequestType::Access).extension.has_value());
    EXPECT_TRUE(Deadlines::rule(Regime::Gdpr, RequestType::Access).pausable);
}

TEST(WorkingCalendar, TransfersAreEditable)
{
    // A government moves a working day: Monday 23 November off, Saturday 28 November worked.
    WorkingCalendar calendar = WorkingCalendar::builtIn(QStringLiteral("BY"), 2026, 2026);
    calendar.addDayOff(date("2026-11-23"));
    calendar.addWorkingDay(date("2026-11-28"));
    EXPECT_FALSE(calendar.isWorkingDay(date("2026-11-23")));
    EXPECT_TRUE(calendar.isWorkingDay(date("2026-11-28")));
    EXPECT_EQ(
        Deadlines::dueDate(Regime::By99z, RequestType::Access, RequestClock{date("2026-11-20"), 0, false}, calendar),
        date("2026-11-28"));
}

TEST(WorkingCalendar, EasterDates)
{
    EXPECT_EQ(WorkingCalendar::orthodoxEaster(2025), date("2025-04-20"));
    EXPECT_EQ(WorkingCalendar::orthodoxEaster(2026), date("2026-04-12"));
    EXPECT_EQ(WorkingCalendar::orthodoxEaster(2027), date("2027-05-02"));
    EXPECT_EQ(WorkingCalendar::westernEaster(2025), date("2025-04-20"));
    EXPECT_EQ(WorkingCalendar::westernEaster(2026), date("2026-04-05"));
    EXPECT_EQ(WorkingCalendar::westernEaster(2027), date("2027-03-28"));
    const WorkingCalendar belarus = WorkingCalendar::builtIn(QStringLiteral("BY"), 2026, 2026);
    EXPECT_TRUE(belarus.isHoliday(date("2026-04-21"))) << "Radunitsa";
    EXPECT_TRUE(belarus.isHoliday(date("2026-07-03")));
}
