#include "app/requests/RequestStats.h"

#include "app/domain/Permissions.h"
#include "app/requests/Request.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QVariantList>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::RequestStats)
};
} // namespace

namespace pd {

namespace {

constexpr int kMaxWeeks = 104;

QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

/// `column` (an ISO timestamp) as the index of the week it falls in: 0 for the first of `mondays`, ... Rows outside
/// the window are excluded by the WHERE clause, so the last week is the ELSE branch. The boundaries are bound.
QString weekIndex(const char *column, const QList<QDate> &mondays, QVariantList &values)
{
    if (mondays.size() < 2) {
        return QStringLiteral("0");
    }
    QString expression = QStringLiteral("CASE");
    for (int week = 1; week < mondays.size(); ++week) {
        expression += QStringLiteral(" WHEN %1 < ? THEN %2").arg(QLatin1String(column)).arg(week - 1);
        values << isoDate(mondays.at(week));
    }
    return expression + QStringLiteral(" ELSE %1 END").arg(mondays.size() - 1);
}

Status run(QSqlQuery &query, const QString &statement, const QVariantList &values, const char *what)
{
    query.setForwardOnly(true);
    return sql::exec(query, statement, values, what);
}

/// Open requests by type, status and deadline bucket in one pass; the three breakdowns are sums of its groups.
Status countOpen(QSqlDatabase &db, const QDate &today, RequestStats::Snapshot &snapshot)
{
    // The buckets of requestAge(): before today; today .. today+3; today+4 .. today+7; later.
    static const QString statement =
        QStringLiteral(
            "SELECT type, status, CASE WHEN due < ? THEN 0 WHEN due <= ? THEN 1 WHEN due <= ? THEN 2 ELSE 3 END, "
            "COUNT(*) FROM (SELECT type, status, COALESCE(extended_due_date, due_date) AS due FROM requests WHERE %1) "
            "o "
            "GROUP BY 1, 2, 3")
            .arg(openStatusCondition(QStringLiteral("status")));
    QSqlQuery query(db);
    if (Status status = run(query, statement, {isoDate(today), isoDate(today.addDays(3)), isoDate(today.addDays(7))},
                            "counting open requests");
        !status) {
        return status;
    }
    while (query.next()) {
        const qint64 count = query.value(3).toLongLong();
        if (const std::optional<RequestType> type = parseRequestType(query.value(0).toString())) {
            snapshot.openByType.at(std::size_t(*type)) += count;
        }
        if (const std::optional<RequestStatus> status = parseRequestStatus(query.value(1).toString())) {
            for (std::size_t i = 0; i < RequestStats::kOpenStatuses.size(); ++i) {
                if (RequestStats::kOpenStatuses.at(i) == *status) {
                    snapshot.openByStatus.at(i) += count;
                }
            }
        }
        const int bucket = query.value(2).toInt();
        if (bucket >= 0 && bucket < RequestStats::kAgeCount) {
            snapshot.openByAge.at(std::size_t(bucket)) += count;
        }
        snapshot.open += count;
    }
    return {};
}

Status countReceived(QSqlDatabase &db, const QList<QDate> &mondays, const QDate &end, RequestStats::Snapshot &snapshot)
{
    QVariantList values;
    const QString week = weekIndex("received_at", mondays, values);
    values << isoDate(mondays.first()) << isoDate(end);
    QSqlQuery query(db);
    if (Status status =
            run(query,
                QStringLiteral("SELECT %1, COUNT(*) FROM requests WHERE received_at >= ? AND received_at < ? "
                               "GROUP BY 1")
                    .arg(week),
                values, "counting received requests");
        !status) {
        return status;
    }
    while (query.next()) {
        const int index = query.value(0).toInt();
        if (index >= 0 && index < snapshot.weeks.size()) {
            snapshot.weeks[index].received = query.value(1).toLongLong();
            snapshot.receivedInWindow += query.value(1).toLongLong();
        }
    }
    return {};
}

Status countCompleted(QSqlDatabase &db, const QList<QDate> &mondays, const QDate &end, RequestStats::Snapshot &snapshot)
{
    QVariantList values;
    const QString week = weekIndex("completed_at", mondays, values);
    values << isoDate(mondays.first()) << isoDate(end);
    QSqlQuery query(db);
    if (Status status =
            run(query,
                QStringLiteral("SELECT %1, COUNT(*), SUM(CASE WHEN substr(completed_at, 1, 10) <= "
                               "COALESCE(extended_due_date, due_date) THEN 1 ELSE 0 END) FROM requests "
                               "WHERE status = 'completed' AND completed_at >= ? AND completed_at < ? GROUP BY 1")
                    .arg(week),
                values, "counting completed requests");
        !status) {
        return status;
    }
    while (query.next()) {
        const int index = query.value(0).toInt();
        if (index >= 0 && index < snapshot.weeks.size()) {
            RequestStats::Week &row = snapshot.weeks[index];
            row.completed = query.value(1).toLongLong();
            row.onTime = query.value(2).toLongLong();
            snapshot.completedInWindow += row.completed;
            snapshot.onTimeInWindow += row.onTime;
        }
    }
    return {};
}

std::optional<double> rate(qint64 part, qint64 whole)
{
    if (whole <= 0) {
        return std::nullopt;
    }
    return double(part) / double(whole);
}

} // namespace

std::optional<double> RequestStats::Snapshot::onTimeRate() const
{
    return rate(onTimeInWindow, completedInWindow);
}

std::optional<double> RequestStats::Snapshot::onTimeRate(int week) const
{
    if (week < 0 || week >= weeks.size()) {
        return std::nullopt;
    }
    return rate(weeks.at(week).onTime, weeks.at(week).completed);
}

Result<RequestStats::Snapshot> RequestStats::compute(Database &database, const Session &who, const QDate &today,
                                                     int weeks)
{
    if (Status allowed = Permissions::check(who, Action::ViewPersonalData); !allowed) {
        return allowed.error();
    }
    if (!today.isValid()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("the date to count from is not a valid date"));
    }
    if (weeks < 1 || weeks > kMaxWeeks) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("the dashboard shows 1 to %1 weeks, not %2").arg(kMaxWeeks).arg(weeks));
    }
    QSqlDatabase db = database.connection();
    if (!db.isOpen()) {
        return makeError(ErrorCode::Storage, database.lastConnectError());
    }

    Snapshot snapshot;
    snapshot.today = today;
    QList<QDate> mondays;
    const QDate first = weekStart(today).addDays(-7 * (weeks - 1));
    for (int week = 0; week < weeks; ++week) {
        mondays << first.addDays(7 * week);
        snapshot.weeks.append(Week{mondays.last()});
    }
    const QDate end = mondays.last().addDays(7);

    if (Status status = countOpen(db, today, snapshot); !status) {
        return status.error();
    }
    if (Status status = countReceived(db, mondays, end, snapshot); !status) {
        return status.error();
    }
    if (Status status = countCompleted(db, mondays, end, snapshot); !status) {
        return status.error();
    }
    const Result<QVariant> total =
        sql::scalar(db, QStringLiteral("SELECT COUNT(*) FROM requests"), {}, "counting requests");
    if (!total) {
        return total.error();
    }
    snapshot.total = total->toLongLong();
    return snapshot;
}

std::optional<RequestFilter> RequestStats::filterFor(const Snapshot &snapshot, Chart chart, int index)
{
    RequestFilter filter;
    filter.today = snapshot.today;
    switch (chart) {
    case Chart::OpenByType:
        if (index < 0 || index >= kTypeCount) {
            return std::nullopt;
        }
        filter.openOnly = true;
        filter.type = RequestType(index);
        return filter;
    case Chart::OpenByStatus:
        if (index < 0 || index >= kStatusCount) {
            return std::nullopt;
        }
        filter.status = kOpenStatuses.at(std::size_t(index));
        return filter;
    case Chart::OpenByAge:
        if (index < 0 || index >= kAgeCount) {
            return std::nullopt;
        }
        filter.openOnly = true;
        filter.age = RequestAge(index);
        return filter;
    case Chart::ReceivedInWeek:
        if (index < 0 || index >= snapshot.weeks.size()) {
            return std::nullopt;
        }
        filter.receivedFrom = snapshot.weeks.at(index).monday;
        filter.receivedTo = snapshot.weeks.at(index).sunday();
        return filter;
    case Chart::CompletedInWeek:
        if (index < 0 || index >= snapshot.weeks.size()) {
            return std::nullopt;
        }
        filter.completedFrom = snapshot.weeks.at(index).monday;
        filter.completedTo = snapshot.weeks.at(index).sunday();
        return filter;
    }
    return std::nullopt;
}

} // namespace pd
