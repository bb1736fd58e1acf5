#include "app/domain/WorkingCalendar.h"

#include <algorithm>

namespace pd {

namespace {

/// The last `weekday` (1 = Monday) of a month, or the first when `first` is set.
QDate weekdayOfMonth(int year, int month, int weekday, bool first)
{
    QDate day = first ? QDate(year, month, 1) : QDate(year, month, 1).addMonths(1).addDays(-1);
    while (day.dayOfWeek() != weekday) {
        day = day.addDays(first ? 1 : -1);
    }
    return day;
}

/// England and Wales: a holiday on a weekend moves to the next free weekday.
void addWithSubstitute(QSet<QDate> &days, QDate day)
{
    while (day.dayOfWeek() > 5 || days.contains(day)) {
        day = day.addDays(1);
    }
    days.insert(day);
}

} // namespace

WorkingCalendar WorkingCalendar::builtIn(const QString &country, int fromYear, int toYear)
{
    WorkingCalendar calendar;
    calendar.m_country = country;
    for (int year = fromYear; year <= toYear; ++year) {
        const auto on = [year](int month, int day) { return QDate(year, month, day); };
        if (country == QLatin1String("BY")) {
            // Labour Code art. 147 and the list of public holidays: Radunitsa is the Tuesday nine days after Easter.
            for (const QDate day : {on(1, 1), on(1, 2), on(1, 7), on(3, 8), on(5, 1), on(5, 9), on(7, 3), on(11, 7),
                                    on(12, 25), orthodoxEaster(year).addDays(9)}) {
                calendar.m_daysOff.insert(day);
            }
        } else if (country == QLatin1String("RU")) {
            // Labour Code art. 112 (transfers of days that fall on weekends are declared yearly: add them).
            for (int day = 1; day <= 8; ++day) {
                calendar.m_daysOff.insert(on(1, day));
            }
            for (const QDate day : {on(2, 23), on(3, 8), on(5, 1), on(5, 9), on(6, 12), on(11, 4)}) {
                calendar.m_daysOff.insert(day);
            }
        } else if (country == QLatin1String("GB")) {
            // Bank holidays in England and Wales.
            const QDate easter = westernEaster(year);
            calendar.m_daysOff.insert(easter.addDays(-2));
            calendar.m_daysOff.insert(easter.addDays(1));
            calendar.m_daysOff.insert(weekdayOfMonth(year, 5, 1, true));
            calendar.m_daysOff.insert(weekdayOfMonth(year, 5, 1, false));
            calendar.m_daysOff.insert(weekdayOfMonth(year, 8, 1, false));
            addWithSubstitute(calendar.m_daysOff, on(1, 1));
            addWithSubstitute(calendar.m_daysOff, on(12, 25));
            addWithSubstitute(calendar.m_daysOff, on(12, 26));
        }
    }
    return calendar;
}

bool WorkingCalendar::isWorkingDay(const QDate &day) const
{
    if (m_workingDays.contains(day)) {
        return true;
    }
    return day.dayOfWeek() <= 5 && !m_daysOff.contains(day);
}

QList<QDate> WorkingCalendar::daysOff(int year) const
{
    QList<QDate> days;
    for (const QDate &day : m_daysOff) {
        if (day.year() == year) {
            days.append(day);
        }
    }
    std::sort(days.begin(), days.end());
    return days;
}

void WorkingCalendar::addDayOff(const QDate &day)
{
    m_workingDays.remove(day);
    m_daysOff.insert(day);
}

void WorkingCalendar::addWorkingDay(const QDate &day)
{
    m_daysOff.remove(day);
    m_workingDays.insert(day);
}

QDate WorkingCalendar::onOrAfter(const QDate &day) const
{
    QDate result = day;
    while (!isWorkingDay(result)) {
        result = result.addDays(1);
    }
    return result;
}

QDate WorkingCalendar::addWorkingDays(const QDate &day, int count) const
{
    QDate result = day;
    while (count > 0) {
        result = result.addDays(1);
        if (isWorkingDay(result)) {
            --count;
        }
    }
    return result;
}

QDate WorkingCalendar::orthodoxEaster(int year)
{
    // Meeus' Julian algorithm, then the Julian-to-Gregorian offset (13 days from 1900 to 2099).
    const int a = year % 4;
    const int b = year % 7;
    const int c = year % 19;
    const int d = (19 * c + 15) % 30;
    const int e = (2 * a + 4 * b - d + 34) % 7;
    const int month = (d + e + 114) / 31;
    const int day = (d + e + 114) % 31 + 1;
    return QDate(year, month, day).addDays(13);
}

QDate WorkingCalendar::westernEaster(int year)
{
    // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return QDate(year, month, day);
}

} // namespace pd
