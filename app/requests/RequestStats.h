#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/domain/Vocabulary.h"
#include "app/requests/RequestFilter.h"

#include <QDate>
#include <QList>

#include <array>
#include <optional>

namespace pd {

class Database;

/// The figures of the Dashboard: what is pending (by type, status and deadline), the weekly flow of requests in and
/// out, and how many were closed in time. Everything is counted by the database (GROUP BY and conditional
/// aggregation, four statements), never by loading requests, so a refresh costs the same at 100 rows as at 100,000
/// on the client side.
///
/// Definitions (the Requests page's filter uses the same ones, see RequestFilter):
/// - open: status new, identity-pending, in-progress or awaiting-approval;
/// - the effective due date is the extended one when there is one, the original otherwise; the deadline buckets
///   are those of requestAge();
/// - a request counts as completed in the week its `completed_at` falls in, when its status is completed (refused
///   and withdrawn requests are closed too, but not completed: the Requests list's completed filter agrees);
/// - completed on time: the date of `completed_at` is on or before the effective due date.
class RequestStats
{
public:
    static constexpr int kStatusCount = 4;
    /// The statuses of open requests, in the order of Snapshot::openByStatus.
    static constexpr std::array<RequestStatus, kStatusCount> kOpenStatuses = {
        RequestStatus::New, RequestStatus::IdentityPending, RequestStatus::InProgress, RequestStatus::AwaitingApproval};
    static constexpr int kTypeCount = 9;
    static constexpr int kAgeCount = 4;

    /// One ISO week (Monday to Sunday) of the flow chart.
    struct Week
    {
        QDate monday;
        qint64 received = 0;  ///< requests received that week
        qint64 completed = 0; ///< requests completed that week
        qint64 onTime = 0;    ///< of those, completed on or before their effective due date

        QDate sunday() const { return monday.addDays(6); }
    };

    /// The figures at one moment, counted for `today`.
    struct Snapshot
    {
        QDate today;
        /// Open requests per type, indexed by int(RequestType) (all nine, zeros included).
        std::array<qint64, kTypeCount> openByType{};
        /// Open requests per status, in the order of kOpenStatuses.
        std::array<qint64, kStatusCount> openByStatus{};
        /// Open requests per deadline bucket, indexed by int(RequestAge).
        std::array<qint64, kAgeCount> openByAge{};
        /// The last `weeks` ISO weeks, oldest first; the last one contains `today`.
        QList<Week> weeks;

        qint64 total = 0;             ///< every request in the register
        qint64 open = 0;              ///< open requests
        qint64 receivedInWindow = 0;  ///< received in the weeks shown
        qint64 completedInWindow = 0; ///< completed in the weeks shown
        qint64 onTimeInWindow = 0;    ///< of those, completed in time

        /// Share of the requests completed in the weeks shown that were completed in time, 0..1; nullopt when none was.
        std::optional<double> onTimeRate() const;
        /// The same for one week of `weeks`.
        std::optional<double> onTimeRate(int week) const;
        qint64 openIn(RequestAge age) const { return openByAge.at(std::size_t(age)); }
        /// The first day of the weeks shown (a Monday).
        QDate windowStart() const { return weeks.isEmpty() ? today : weeks.first().monday; }
    };

    /// Counts everything for `today` over the last `weeks` ISO weeks (1..104; ErrorCode::InvalidArgument otherwise).
    /// Needs Action::ViewPersonalData (ErrorCode::PermissionDenied otherwise). Runs on the calling thread's own
    /// connection, so a worker thread may call it; ErrorCode::Storage when a statement fails.
    static Result<Snapshot> compute(Database &database, const Session &who, const QDate &today, int weeks = 12);

    /// What a chart element stands for, to open the matching list.
    enum class Chart {
        OpenByType,     ///< index: int(RequestType)
        OpenByStatus,   ///< index: position in kOpenStatuses
        OpenByAge,      ///< index: int(RequestAge)
        ReceivedInWeek, ///< index: position in Snapshot::weeks
        CompletedInWeek ///< index: position in Snapshot::weeks (the on-time chart drills down to this as well)
    };
    /// The filter of the requests behind one chart element of `snapshot`; nullopt when `index` is out of range.
    static std::optional<RequestFilter> filterFor(const Snapshot &snapshot, Chart chart, int index);

    /// The Monday of the ISO week `date` is in.
    static QDate weekStart(const QDate &date) { return date.addDays(1 - date.dayOfWeek()); }
};

} // namespace pd
