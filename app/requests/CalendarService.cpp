#include "app/requests/CalendarService.h"

#include "app/access/AuditLog.h"
#include "app/domain/FieldRules.h"
#include "app/domain/Permissions.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlQuery>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::CalendarService)
};
} // namespace

namespace pd {

namespace {

Status checkEditor(const Session &who)
{
    if (Permissions::allows(who.role, Action::ManageSettings)) {
        return {};
    }
    return Permissions::check(who, Action::ManagePurposes);
}

Status checkCountry(const QString &country)
{
    static const QRegularExpression code(QStringLiteral("^[A-Z]{2}$"));
    if (!code.match(country).hasMatch()) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("country: expected a two-letter ISO code such as BY, got '%1'").arg(country));
    }
    return {};
}

AuditEntry calendarEntry(const char *action, const QString &country, const QDate &day, const QString &details)
{
    AuditEntry entry;
    entry.action = QLatin1String(action);
    entry.objectType = QStringLiteral("calendar");
    entry.objectId = QStringLiteral("%1/%2").arg(country, day.toString(Qt::ISODate));
    entry.details = details;
    return entry;
}

} // namespace

QStringList CalendarService::countries()
{
    return {QStringLiteral("BY"), QStringLiteral("RU"), QStringLiteral("GB"),
            QStringLiteral("DE"), QStringLiteral("US"), QStringLiteral("BR")};
}

Result<WorkingCalendar> CalendarService::calendar(QSqlDatabase &db, const QString &country, int fromYear, int toYear)
{
    WorkingCalendar calendar = WorkingCalendar::builtIn(country, fromYear, toYear);
    QSqlQuery query(db);
    if (Status status =
            sql::exec(query,
                      QStringLiteral("SELECT day, kind FROM calendar_days WHERE country = ? AND day >= ? "
                                     "AND day <= ?"),
                      {country, QStringLiteral("%1-01-01").arg(fromYear), QStringLiteral("%1-12-31").arg(toYear)},
                      "reading the calendar");
        !status) {
        return status.error();
    }
    while (query.next()) {
        const QDate day = QDate::fromString(query.value(0).toString(), Qt::ISODate);
        if (query.value(1).toString() == QLatin1String("day-off")) {
            calendar.addDayOff(day);
        } else {
            calendar.addWorkingDay(day);
        }
    }
    return calendar;
}

Result<WorkingCalendar> CalendarService::effective(Database &database, const QString &country, int year)
{
    QSqlDatabase db = database.connection();
    return calendar(db, country, year, year);
}

Result<QList<CalendarService::Day>> CalendarService::edits(Database &database, const QString &country)
{
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT day, kind, note FROM calendar_days WHERE country = ? "
                                                 "ORDER BY day"),
                                  {country}, "reading the calendar");
        !status) {
        return status.error();
    }
    QList<Day> days;
    while (query.next()) {
        days.append(Day{country, QDate::fromString(query.value(0).toString(), Qt::ISODate),
                        query.value(1).toString() == QLatin1String("day-off"), query.value(2).toString()});
    }
    return days;
}

Status CalendarService::setDay(Database &database, const Session &who, const Day &day)
{
    if (Status allowed = checkEditor(who); !allowed) {
        return allowed;
    }
    if (Status country = checkCountry(day.country); !country) {
        return country;
    }
    if (!day.day.isValid()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("day: expected a date as YYYY-MM-DD"));
    }
    if (Status text = FieldRules::checkText(QStringLiteral("note"), day.note, FieldRules::Text::Line); !text) {
        return text;
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        QSqlQuery query(tx);
        if (Status status = sql::exec(query, QStringLiteral("DELETE FROM calendar_days WHERE country = ? AND day = ?"),
                                      {day.country, day.day.toString(Qt::ISODate)}, "changing the calendar");
            !status) {
            return status;
        }
        const QString kind = day.dayOff ? QStringLiteral("day-off") : QStringLiteral("working-day");
        if (Status status = sql::exec(query,
                                      QStringLiteral("INSERT INTO calendar_days (country, day, kind, note) "
                                                     "VALUES (?, ?, ?, ?)"),
                                      {day.country, day.day.toString(Qt::ISODate), kind, sql::text(day.note.trimmed())},
                                      "changing the calendar");
            !status) {
            return status;
        }
        ChangeNotifier::notify(tx, QStringLiteral("calendar"));
        return AuditLog::append(
            tx, who,
            calendarEntry("calendar.set", day.country, day.day, QStringLiteral("%1 %2").arg(kind, day.note.trimmed())));
    });
}

Status CalendarService::removeDay(Database &database, const Session &who, const QString &country, const QDate &day)
{
    if (Status allowed = checkEditor(who); !allowed) {
        return allowed;
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        QSqlQuery query(tx);
        if (Status status = sql::exec(query, QStringLiteral("DELETE FROM calendar_days WHERE country = ? AND day = ?"),
                                      {country, day.toString(Qt::ISODate)}, "changing the calendar");
            !status) {
            return status;
        }
        if (query.numRowsAffected() == 0) {
            return makeError(ErrorCode::NotFound,
                             Tr::tr("%1 has no edit on %2").arg(country, day.toString(Qt::ISODate)));
        }
        ChangeNotifier::notify(tx, QStringLiteral("calendar"));
        return AuditLog::append(tx, who, calendarEntry("calendar.remove", country, day, QString()));
    });
}

} // namespace pd
