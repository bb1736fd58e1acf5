#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/domain/WorkingCalendar.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace pd {

class Database;

/// The working-day calendars deadlines are counted on: the built-in public holidays of a country (WorkingCalendar)
/// with the days the office added or took back (table calendar_days), e.g. a government's transfer of a working
/// Saturday. Editing needs officers (Action::ManagePurposes) or administrators (Action::ManageSettings); each edit
/// is audited. Requests already registered keep their due dates; new ones count on the edited calendar.
class CalendarService
{
public:
    struct Day
    {
        QString country; ///< ISO 3166 code: BY, RU, GB, ...
        QDate day;
        bool dayOff = true; ///< false: a working day (a weekend worked, or a built-in holiday taken back)
        QString note;
    };

    /// Countries with a built-in calendar, then the others the regimes use.
    static QStringList countries();

    /// The calendar of `country` for [fromYear, toYear] as edited, inside an open transaction or connection.
    static Result<WorkingCalendar> calendar(QSqlDatabase &db, const QString &country, int fromYear, int toYear);
    /// The calendar of `country` for `year` as edited, read on the calling thread's connection (for ui/, which
    /// holds no connections of its own).
    static Result<WorkingCalendar> effective(Database &database, const QString &country, int year);

    /// The office's edits of a country's calendar, by date.
    static Result<QList<Day>> edits(Database &database, const QString &country);
    /// Adds or replaces the edit of one day.
    static Status setDay(Database &database, const Session &who, const Day &day);
    /// Removes the edit of one day: the built-in rule holds again.
    static Status removeDay(Database &database, const Session &who, const QString &country, const QDate &day);
};

} // namespace pd
