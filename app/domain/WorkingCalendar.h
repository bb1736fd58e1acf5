#pragma once

#include <QDate>
#include <QList>
#include <QSet>
#include <QString>

namespace pd {

/// Which days count as working days in one country: Monday to Friday, less public holidays, with the transfers a
/// government declares each year (a Saturday worked, a Monday off). Built-in holidays can be edited by adding
/// days off and working days.
class WorkingCalendar
{
public:
    /// Public holidays built in for `country` (BY, RU, GB; other countries: weekends only) in [fromYear, toYear].
    static WorkingCalendar builtIn(const QString &country, int fromYear, int toYear);

    QString country() const { return m_country; }
    bool isWorkingDay(const QDate &day) const;
    bool isHoliday(const QDate &day) const { return m_daysOff.contains(day); }
    /// The weekdays and weekend days declared off in `year`, in order (for the calendar editor).
    QList<QDate> daysOff(int year) const;

    /// A weekday declared off (a holiday or a transfer).
    void addDayOff(const QDate &day);
    /// A weekend day declared a working day (a transfer), or a built-in holiday taken back.
    void addWorkingDay(const QDate &day);

    /// The first working day on or after `day`.
    QDate onOrAfter(const QDate &day) const;
    /// `count` working days after `day` (the day itself does not count).
    QDate addWorkingDays(const QDate &day, int count) const;

    /// Orthodox Easter Sunday (Gregorian date) of a year: Radunitsa in Belarus is nine days later.
    static QDate orthodoxEaster(int year);
    /// Western Easter Sunday: Good Friday and Easter Monday in the United Kingdom.
    static QDate westernEaster(int year);

private:
    QString m_country;
    QSet<QDate> m_daysOff;
    QSet<QDate> m_workingDays;
};

} // namespace pd
