#include "app/domain/BreachDeadlines.h"

#include "app/domain/Deadlines.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace pd {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("pd::BreachDeadlines", text);
}

/// The end of the `count`th working day after the day `aware` falls on in a country whose clocks stand `offset`
/// seconds from UTC all year (Belarus and Brazil have kept one offset since 2011 and 2019).
QDateTime endOfWorkingDays(const QDateTime &aware, int offsetSeconds, int count, const WorkingCalendar &calendar)
{
    const QTimeZone zone(offsetSeconds);
    const QDate day = aware.toTimeZone(zone).date();
    const QDate last = calendar.addWorkingDays(day, count);
    return QDateTime(last.addDays(1), QTime(0, 0), zone).addSecs(-1).toUTC();
}

} // namespace

bool BreachDeadlines::countsWorkingDays(Regime regime)
{
    return regime == Regime::By99z || regime == Regime::BrLgpd;
}

QString BreachDeadlines::source(Regime regime)
{
    switch (regime) {
    case Regime::Gdpr:
        return tr("GDPR art. 33(1): within 72 hours of becoming aware");
    case Regime::UkGdpr:
        return tr("UK GDPR art. 33(1): within 72 hours of becoming aware");
    case Regime::By99z:
        return tr("Law 99-Z art. 16: immediately, at most within three working days");
    case Regime::Ru152fz:
        return tr("152-FZ art. 21(3.1): within 24 hours; the result of the investigation within 72 hours");
    case Regime::BrLgpd:
        return tr("LGPD art. 48, ANPD Resolution 15/2024: within three working days");
    case Regime::Ccpa:
        return tr("Cal. Civ. Code 1798.82: in the most expedient time possible, no fixed deadline");
    }
    return {};
}

BreachDeadline BreachDeadlines::deadline(Regime regime, const QDateTime &aware, const WorkingCalendar &calendar)
{
    BreachDeadline result;
    result.regime = regime;
    result.source = source(regime);
    const QDateTime utc = aware.toUTC();
    switch (regime) {
    case Regime::Gdpr:
    case Regime::UkGdpr:
        result.notifyBy = utc.addSecs(72 * 3600);
        break;
    case Regime::By99z:
        result.notifyBy = endOfWorkingDays(aware, 3 * 3600, 3, calendar);
        break;
    case Regime::Ru152fz:
        result.notifyBy = utc.addSecs(24 * 3600);
        result.followUpBy = utc.addSecs(72 * 3600);
        break;
    case Regime::BrLgpd:
        result.notifyBy = endOfWorkingDays(aware, -3 * 3600, 3, calendar);
        break;
    case Regime::Ccpa:
        break;
    }
    return result;
}

BreachDeadline BreachDeadlines::deadline(Regime regime, const QDateTime &aware)
{
    const int year = aware.toUTC().date().year();
    return deadline(regime, aware, WorkingCalendar::builtIn(Deadlines::country(regime), year, year + 1));
}

} // namespace pd
