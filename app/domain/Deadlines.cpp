#include "domain/Deadlines.h"

namespace pd {

namespace {

DeadlineRule calendar(int days) { return {DeadlineRule::Unit::CalendarDays, days}; }
DeadlineRule working(int days) { return {DeadlineRule::Unit::WorkingDays, days}; }
DeadlineRule months(int count) { return {DeadlineRule::Unit::Months, count}; }

} // namespace

DeadlineRule Deadlines::rule(Regime regime, RequestType type)
{
    switch (regime) {
    case Regime::By99z:
        // Art. 11: information about processing in 5 working days; arts. 10, 12, 13: 15 days.
        return type == RequestType::Access ? working(5) : calendar(15);
    case Regime::Gdpr:
    case Regime::UkGdpr:
        return months(1); // art. 12(3)
    case Regime::Ccpa:
        return calendar(45);
    case Regime::Ru152fz:
        switch (type) {
        case RequestType::Access:
        case RequestType::Disclosures:
        case RequestType::Portability:
        case RequestType::Erasure:
        case RequestType::Objection:
            return working(10);
        case RequestType::Rectification:
        case RequestType::Restriction:
            return working(7);
        case RequestType::ConsentWithdrawal:
        case RequestType::Complaint:
            return calendar(30);
        }
        break;
    case Regime::BrLgpd:
        return calendar(15); // art. 19
    }
    return calendar(30);
}

QDate Deadlines::apply(const DeadlineRule &rule, const QDate &received)
{
    switch (rule.unit) {
    case DeadlineRule::Unit::CalendarDays:
        return received.addDays(rule.amount);
    case DeadlineRule::Unit::Months:
        // QDate::addMonths clamps to the last day of a shorter month, which is the GDPR rule.
        return received.addMonths(rule.amount);
    case DeadlineRule::Unit::WorkingDays: {
        QDate day = received;
        int left = rule.amount;
        while (left > 0) {
            day = day.addDays(1);
            if (day.dayOfWeek() <= 5) {
                --left;
            }
        }
        return day;
    }
    }
    return received;
}

QDate Deadlines::dueDate(Regime regime, RequestType type, const QDate &received)
{
    return apply(rule(regime, type), received);
}

} // namespace pd
