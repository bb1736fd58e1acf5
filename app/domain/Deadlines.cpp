#include "app/domain/Deadlines.h"

namespace pd {

namespace {

using Unit = DeadlineRule::Unit;

DeadlineRule make(Unit unit, int amount, bool nextWorkingDay, bool pausable,
                  std::optional<DeadlineRule::Period> extension, const char *source)
{
    DeadlineRule rule;
    rule.period = {unit, amount};
    rule.nextWorkingDay = nextWorkingDay;
    rule.pausable = pausable;
    rule.extension = extension;
    rule.source = QString::fromUtf8(source); // "CCPA §1798.130": UTF-8, not Latin-1
    return rule;
}

} // namespace

DeadlineRule Deadlines::rule(Regime regime, RequestType type)
{
    switch (regime) {
    case Regime::By99z:
        switch (type) {
        case RequestType::Access:
            return make(Unit::WorkingDays, 5, false, false, std::nullopt,
                        QT_TRANSLATE_NOOP("pd::Deadlines", "Law 99-Z art. 11"));
        case RequestType::Disclosures:
            return make(Unit::CalendarDays, 15, true, false, std::nullopt,
                        QT_TRANSLATE_NOOP("pd::Deadlines", "Law 99-Z art. 12(2)"));
        case RequestType::ConsentWithdrawal:
            return make(Unit::CalendarDays, 15, true, false, std::nullopt,
                        QT_TRANSLATE_NOOP("pd::Deadlines", "Law 99-Z art. 10(2)"));
        case RequestType::Erasure:
        case RequestType::Objection:
        case RequestType::Restriction:
            return make(Unit::CalendarDays, 15, true, false, std::nullopt,
                        QT_TRANSLATE_NOOP("pd::Deadlines", "Law 99-Z art. 13(2)"));
        case RequestType::Rectification:
            return make(Unit::CalendarDays, 15, true, false, std::nullopt,
                        QT_TRANSLATE_NOOP("pd::Deadlines", "Law 99-Z art. 11"));
        case RequestType::Portability:
        case RequestType::Complaint:
            return make(Unit::CalendarDays, 15, true, false, std::nullopt,
                        QT_TRANSLATE_NOOP("pd::Deadlines", "Law 99-Z art. 14"));
        }
        break;
    case Regime::Gdpr:
        return make(Unit::Months, 1, true, true, DeadlineRule::Period{Unit::Months, 2},
                    QT_TRANSLATE_NOOP("pd::Deadlines", "GDPR art. 12(3)"));
    case Regime::UkGdpr:
        return make(Unit::Months, 1, true, true, DeadlineRule::Period{Unit::Months, 2},
                    QT_TRANSLATE_NOOP("pd::Deadlines", "UK GDPR art. 12(3)"));
    case Regime::Ccpa:
        return make(Unit::CalendarDays, 45, false, false, DeadlineRule::Period{Unit::CalendarDays, 45},
                    QT_TRANSLATE_NOOP("pd::Deadlines", "CCPA §1798.130(a)(2)"));
    case Regime::Ru152fz:
        switch (type) {
        case RequestType::Access:
        case RequestType::Disclosures:
        case RequestType::Portability:
            return make(Unit::WorkingDays, 10, false, false, DeadlineRule::Period{Unit::WorkingDays, 5},
                        QT_TRANSLATE_NOOP("pd::Deadlines", "152-FZ art. 14(3), 20(2)"));
        case RequestType::Rectification:
        case RequestType::Restriction:
            return make(Unit::WorkingDays, 7, false, false, std::nullopt,
                        QT_TRANSLATE_NOOP("pd::Deadlines", "152-FZ art. 21(2)"));
        case RequestType::Erasure:
        case RequestType::Objection:
            return make(Unit::WorkingDays, 10, false, false, DeadlineRule::Period{Unit::WorkingDays, 5},
                        QT_TRANSLATE_NOOP("pd::Deadlines", "152-FZ art. 21(5.1)"));
        case RequestType::ConsentWithdrawal:
            return make(Unit::CalendarDays, 30, true, false, std::nullopt,
                        QT_TRANSLATE_NOOP("pd::Deadlines", "152-FZ art. 21(5)"));
        case RequestType::Complaint:
            return make(Unit::CalendarDays, 30, true, false, std::nullopt,
                        QT_TRANSLATE_NOOP("pd::Deadlines", "152-FZ art. 21"));
        }
        break;
    case Regime::BrLgpd:
        return make(Unit::CalendarDays, 15, false, false, std::nullopt,
                    QT_TRANSLATE_NOOP("pd::Deadlines", "LGPD art. 19(II)"));
    }
    return make(Unit::CalendarDays, 30, true, false, std::nullopt, "");
}

QString Deadlines::country(Regime regime)
{
    switch (regime) {
    case Regime::By99z:
        return QStringLiteral("BY");
    case Regime::UkGdpr:
        return QStringLiteral("GB");
    case Regime::Ru152fz:
        return QStringLiteral("RU");
    case Regime::Ccpa:
        return QStringLiteral("US");
    case Regime::BrLgpd:
        return QStringLiteral("BR");
    case Regime::Gdpr:
        break;
    }
    return {};
}

QDate Deadlines::add(const DeadlineRule::Period &period, const QDate &from, const WorkingCalendar &calendar)
{
    switch (period.unit) {
    case Unit::CalendarDays:
        return from.addDays(period.amount);
    case Unit::Months:
        // QDate::addMonths clamps to the last day of a shorter month, which is the GDPR rule.
        return from.addMonths(period.amount);
    case Unit::WorkingDays:
        return calendar.addWorkingDays(from, period.amount);
    }
    return from;
}

QDate Deadlines::dueDate(Regime regime, RequestType type, const RequestClock &clock, const WorkingCalendar &calendar)
{
    const DeadlineRule r = rule(regime, type);
    const QDate start = r.pausable ? clock.received.addDays(std::max(0, clock.pausedDays)) : clock.received;
    QDate due = add(r.period, start, calendar);
    if (clock.extended && r.extension) {
        due = add(*r.extension, due, calendar);
    }
    return r.nextWorkingDay ? calendar.onOrAfter(due) : due;
}

QDate Deadlines::dueDate(Regime regime, RequestType type, const QDate &received)
{
    const WorkingCalendar calendar = WorkingCalendar::builtIn(country(regime), received.year(), received.year() + 1);
    return dueDate(regime, type, RequestClock{received, 0, false}, calendar);
}

} // namespace pd
