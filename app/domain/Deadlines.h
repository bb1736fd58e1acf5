#pragma once

#include "domain/Vocabulary.h"

#include <QDate>

namespace pd {

/// How a law counts the time to answer a request.
struct DeadlineRule
{
    enum class Unit { CalendarDays, WorkingDays, Months };
    Unit unit = Unit::CalendarDays;
    int amount = 30;
};

/// The statutory answer period per regime and right (shared/LEGAL.md, "Deadlines").
///
/// This first table counts working days as Monday to Friday; public holidays, pauses and extensions are applied
/// by the request lifecycle on top of it.
class Deadlines
{
public:
    static DeadlineRule rule(Regime regime, RequestType type);
    /// The last day to answer a request received on `received`.
    static QDate dueDate(Regime regime, RequestType type, const QDate &received);
    /// `received` plus the rule. A month runs to the same date of the following month, or that month's last day.
    static QDate apply(const DeadlineRule &rule, const QDate &received);
};

} // namespace pd
