#pragma once

#include "app/domain/Vocabulary.h"
#include "app/domain/WorkingCalendar.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <optional>

namespace pd {

/// How a law counts the time to answer one kind of request (docs/legal.md, "Deadlines").
struct DeadlineRule
{
    enum class Unit { CalendarDays, WorkingDays, Months };
    struct Period
    {
        Unit unit = Unit::CalendarDays;
        int amount = 0;
    };

    Period period{Unit::CalendarDays, 30};
    /// A deadline that ends on a weekend or public holiday moves to the next working day (EU Reg. 1182/71 art.
    /// 3(4) and the ICO for GDPR/UK GDPR; the civil codes of Belarus and Russia for calendar-day periods).
    bool nextWorkingDay = false;
    /// The clock may stop while the requester is asked for identity or clarification.
    bool pausable = false;
    /// The extension the law allows, with a reason and a notice to the requester.
    std::optional<Period> extension;
    QString source; ///< the article, in English as the command line and the JSON give it

    /// The article in the language of the window ("Закон 99-З, ст. 13(2)").
    QString sourceName() const
    {
        return source.isEmpty() ? source : QCoreApplication::translate("pd::Deadlines", source.toUtf8().constData());
    }
};

/// Where a request's clock stands.
struct RequestClock
{
    QDate received;
    int pausedDays = 0; ///< calendar days the clock stood still (counted only where the rule is pausable)
    bool extended = false;
};

/// The statutory answer periods, in one table (Deadlines::rule), and the arithmetic of due dates.
class Deadlines
{
public:
    static DeadlineRule rule(Regime regime, RequestType type);
    /// The country whose public holidays count for a regime ("" for GDPR: only weekends, holidays added by hand).
    static QString country(Regime regime);

    /// The last day to answer: the period from the received date (moved on by the pause where allowed), plus the
    /// extension when taken, then onto a working day where the rule says so.
    static QDate dueDate(Regime regime, RequestType type, const RequestClock &clock, const WorkingCalendar &calendar);
    /// The same with the built-in calendar of the regime's country.
    static QDate dueDate(Regime regime, RequestType type, const QDate &received);

    /// `from` plus a period. A month runs to the same date of the following month, or that month's last day.
    static QDate add(const DeadlineRule::Period &period, const QDate &from, const WorkingCalendar &calendar);
};

} // namespace pd
