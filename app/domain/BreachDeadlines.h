#pragma once

#include "app/domain/Vocabulary.h"
#include "app/domain/WorkingCalendar.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace pd {

/// When a regime wants a personal-data breach notified to its regulator (docs/legal.md, "Personal-data breaches").
struct BreachDeadline
{
    Regime regime = Regime::Gdpr;
    std::optional<QDateTime> notifyBy;   ///< UTC; empty: the regime sets no fixed time
    std::optional<QDateTime> followUpBy; ///< UTC; Russia 152-FZ: the result of the investigation
    QString source;                      ///< the article, for the register and the notification
};

/// The statutory times to notify a breach, counted from the moment the controller became aware of it:
/// - GDPR and UK GDPR art. 33(1): 72 hours;
/// - Belarus 99-Z art. 16: immediately, at most within three working days (to the end of the third working day
///   after the day of awareness, in Minsk time, on the working-day calendar of Belarus);
/// - Russia 152-FZ art. 21(3.1): 24 hours for the first notice, 72 hours for the result of the investigation;
/// - Brazil LGPD art. 48 with ANPD Resolution 15/2024: three working days (Brasília time);
/// - CCPA/CPRA: no fixed time (Cal. Civ. Code 1798.82: "the most expedient time possible").
class BreachDeadlines
{
public:
    /// `aware` is a moment (any time zone); `calendar` the working days of the regime's country
    /// (Deadlines::country), used only by the regimes that count working days.
    static BreachDeadline deadline(Regime regime, const QDateTime &aware, const WorkingCalendar &calendar);
    /// The same on the built-in calendar of the regime's country.
    static BreachDeadline deadline(Regime regime, const QDateTime &aware);
    /// The article that sets the time, in the UI language.
    static QString source(Regime regime);
    /// Whether the regime counts working days (and so needs the calendar of its country).
    static bool countsWorkingDays(Regime regime);
};

} // namespace pd
