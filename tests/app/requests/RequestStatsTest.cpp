#include "TestDatabase.h"

#include "app/requests/RequestFilter.h"
#include "app/requests/RequestStats.h"
#include "app/storage/Database.h"

#include <gtest/gtest.h>

#include <QSqlError>
#include <QSqlQuery>

namespace pd::test {

namespace {

// A Wednesday; its ISO week starts on Monday 2026-11-23.
const QDate kToday(2026, 11, 25);

const Session kOfficer{1, QStringLiteral("officer"), Role::Officer};
const Session kAuditor{2, QStringLiteral("auditor"), Role::Auditor};
const Session kAdmin{3, QStringLiteral("admin"), Role::Admin};

struct Row
{
    const char *type;
    const char *status;
    const char *received; ///< ISO timestamp
    const char *due;
    const char *extendedDue = nullptr;
    const char *completed = nullptr; ///< ISO timestamp
};

class RequestStatsTest : public BackendTest
{
protected:
    void add(const Row &row)
    {
        QSqlDatabase connection = db().connection();
        QSqlQuery query(connection);
        ASSERT_TRUE(query.prepare(QStringLiteral(
            "INSERT INTO requests (type, regime, status, received_at, due_date, extended_due_date, completed_at, "
            "created_at, updated_at) VALUES (?, 'gdpr', ?, ?, ?, ?, ?, ?, ?)")));
        query.addBindValue(QLatin1String(row.type));
        query.addBindValue(QLatin1String(row.status));
        query.addBindValue(QLatin1String(row.received));
        query.addBindValue(QLatin1String(row.due));
        query.addBindValue(row.extendedDue ? QVariant(QLatin1String(row.extendedDue)) : QVariant(QString()));
        query.addBindValue(row.completed ? QVariant(QLatin1String(row.completed)) : QVariant(QString()));
        query.addBindValue(QLatin1String(row.received));
        query.addBindValue(QLatin1String(row.received));
        ASSERT_TRUE(query.exec()) << query.lastError().text().toStdString();
    }

    /// Eight open requests, one in each corner of the deadline buckets, and six closed ones around the window of
    /// four weeks (Mondays 2026-11-02, 11-09, 11-16, 11-23).
    void addKnownRequests()
    {
        // Open.
        add({"access", "new", "2026-11-16T10:00:00Z", "2026-11-24"});                          // today - 1: overdue
        add({"access", "identity-pending", "2026-11-16T10:00:00Z", "2026-11-25"});             // today: due in 3
        add({"erasure", "in-progress", "2026-11-16T10:00:00Z", "2026-11-28"});                 // today + 3: due in 3
        add({"erasure", "in-progress", "2026-11-16T10:00:00Z", "2026-11-29"});                 // today + 4: due in 7
        add({"erasure", "awaiting-approval", "2026-11-09T00:00:00Z", "2026-12-02"});           // today + 7: due in 7
        add({"complaint", "in-progress", "2026-11-08T23:59:59Z", "2026-12-03"});               // today + 8: later
        add({"portability", "new", "2026-11-01T23:59:59Z", "2026-11-20", "2026-12-05"});       // extended: later
        add({"objection", "in-progress", "2026-11-25T09:00:00Z", "2026-11-27", "2026-11-30"}); // extended: due in 7
        // Closed.
        add({"rectification", "completed", "2026-11-02T08:00:00Z", "2026-11-10", nullptr, "2026-11-10T15:00:00Z"});
        add({"access", "completed", "2026-11-03T08:00:00Z", "2026-11-17", nullptr, "2026-11-18T09:00:00Z"});
        add({"erasure", "completed", "2026-10-20T08:00:00Z", "2026-11-15", "2026-11-20", "2026-11-19T12:00:00Z"});
        // Refused in the window: closed, but not completed.
        add({"access", "refused", "2026-10-15T09:00:00Z", "2026-11-14", nullptr, "2026-11-12T10:00:00Z"});
        add({"restriction", "withdrawn", "2026-10-01T08:00:00Z", "2026-10-31", nullptr, "2026-10-25T10:00:00Z"});
        add({"consent-withdrawal", "completed", "2026-11-23T08:00:00Z", "2026-11-30", nullptr, "2026-11-24T10:00:00Z"});
    }

    RequestStats::Snapshot compute(int weeks = 4, const Session &who = kOfficer)
    {
        Result<RequestStats::Snapshot> snapshot = RequestStats::compute(db(), who, kToday, weeks);
        EXPECT_TRUE(snapshot.ok()) << snapshot.error().message.toStdString();
        return snapshot.ok() ? snapshot.value() : RequestStats::Snapshot();
    }

    static qint64 type(const RequestStats::Snapshot &snapshot, RequestType type)
    {
        return snapshot.openByType.at(std::size_t(type));
    }
};

TEST_P(RequestStatsTest, EmptyRegisterCountsZeroEverywhere)
{
    const RequestStats::Snapshot snapshot = compute(12);
    EXPECT_EQ(snapshot.total, 0);
    EXPECT_EQ(snapshot.open, 0);
    EXPECT_EQ(snapshot.openByType.size(), 9u);
    for (qint64 count : snapshot.openByType) {
        EXPECT_EQ(count, 0);
    }
    ASSERT_EQ(snapshot.weeks.size(), 12);
    EXPECT_EQ(snapshot.weeks.last().monday, QDate(2026, 11, 23));
    EXPECT_EQ(snapshot.weeks.first().monday, QDate(2026, 9, 7));
    EXPECT_FALSE(snapshot.onTimeRate().has_value());
}

TEST_P(RequestStatsTest, PendingByTypeAndStatusLeaveClosedRequestsOut)
{
    addKnownRequests();
    const RequestStats::Snapshot snapshot = compute();
    EXPECT_EQ(snapshot.total, 14);
    EXPECT_EQ(snapshot.open, 8);
    EXPECT_EQ(type(snapshot, RequestType::Access), 2); // the completed access request is not pending
    EXPECT_EQ(type(snapshot, RequestType::Erasure), 3);
    EXPECT_EQ(type(snapshot, RequestType::Complaint), 1);
    EXPECT_EQ(type(snapshot, RequestType::Portability), 1);
    EXPECT_EQ(type(snapshot, RequestType::Objection), 1);
    EXPECT_EQ(type(snapshot, RequestType::Rectification), 0);
    EXPECT_EQ(type(snapshot, RequestType::Restriction), 0);
    EXPECT_EQ(type(snapshot, RequestType::ConsentWithdrawal), 0);
    EXPECT_EQ(type(snapshot, RequestType::Disclosures), 0);

    ASSERT_EQ(RequestStats::kOpenStatuses.at(0), RequestStatus::New);
    EXPECT_EQ(snapshot.openByStatus.at(0), 2); // new
    EXPECT_EQ(snapshot.openByStatus.at(1), 1); // identity pending
    EXPECT_EQ(snapshot.openByStatus.at(2), 4); // in progress
    EXPECT_EQ(snapshot.openByStatus.at(3), 1); // awaiting approval
}

TEST_P(RequestStatsTest, DeadlineBucketsHaveTheirBordersWhereRequestAgeHasThem)
{
    addKnownRequests();
    const RequestStats::Snapshot snapshot = compute();
    EXPECT_EQ(snapshot.openIn(RequestAge::Overdue), 1);
    EXPECT_EQ(snapshot.openIn(RequestAge::DueIn3), 2);
    EXPECT_EQ(snapshot.openIn(RequestAge::DueIn7), 3); // the extension moved one here from "due in 3"
    EXPECT_EQ(snapshot.openIn(RequestAge::Later), 2);  // and one from "overdue" to here
}

TEST_P(RequestStatsTest, EveryDayAroundTodayLandsInTheBucketOfRequestAge)
{
    std::array<qint64, RequestStats::kAgeCount> expected{};
    for (int offset = -3; offset <= 12; ++offset) {
        const QByteArray due = kToday.addDays(offset).toString(Qt::ISODate).toLatin1();
        add({"access", "in-progress", "2026-11-20T10:00:00Z", due.constData()});
        ++expected.at(std::size_t(requestAge(kToday.addDays(offset), kToday)));
    }
    const RequestStats::Snapshot snapshot = compute();
    EXPECT_EQ(snapshot.openByAge, expected);
    EXPECT_EQ(expected, (std::array<qint64, 4>{3, 4, 4, 5}));
}

TEST_P(RequestStatsTest, WeeksCountReceivedAndCompletedFromMondayToSunday)
{
    addKnownRequests();
    const RequestStats::Snapshot snapshot = compute();
    ASSERT_EQ(snapshot.weeks.size(), 4);
    const QList<QDate> mondays = {QDate(2026, 11, 2), QDate(2026, 11, 9), QDate(2026, 11, 16), QDate(2026, 11, 23)};
    const QList<qint64> received = {3, 1, 4, 2};
    const QList<qint64> completed = {0, 1, 2, 1};
    const QList<qint64> onTime = {0, 1, 1, 1};
    for (int week = 0; week < 4; ++week) {
        SCOPED_TRACE(week);
        EXPECT_EQ(snapshot.weeks.at(week).monday, mondays.at(week));
        EXPECT_EQ(snapshot.weeks.at(week).received, received.at(week));
        EXPECT_EQ(snapshot.weeks.at(week).completed, completed.at(week));
        EXPECT_EQ(snapshot.weeks.at(week).onTime, onTime.at(week));
    }
    EXPECT_EQ(snapshot.receivedInWindow, 10); // received before 2026-11-02 are left out
    EXPECT_EQ(snapshot.completedInWindow, 4); // withdrawn before the window and refused in it are left out
}

TEST_P(RequestStatsTest, OnTimeRateCountsTheExtendedDueDateAndTheDueDayItself)
{
    addKnownRequests();
    const RequestStats::Snapshot snapshot = compute();
    // On time: closed on its due day; closed after the original but before the extended due date; closed early.
    // Late: closed the day after its due date.
    EXPECT_EQ(snapshot.onTimeInWindow, 3);
    ASSERT_TRUE(snapshot.onTimeRate().has_value());
    EXPECT_DOUBLE_EQ(*snapshot.onTimeRate(), 0.75);
    EXPECT_DOUBLE_EQ(snapshot.onTimeRate(2).value_or(-1), 0.5);
    EXPECT_FALSE(snapshot.onTimeRate(0).has_value()); // nothing closed that week
}

TEST_P(RequestStatsTest, EachChartElementDrillsDownToItsFilter)
{
    addKnownRequests();
    const RequestStats::Snapshot snapshot = compute();

    const std::optional<RequestFilter> overdue =
        RequestStats::filterFor(snapshot, RequestStats::Chart::OpenByAge, int(RequestAge::Overdue));
    ASSERT_TRUE(overdue.has_value());
    EXPECT_TRUE(overdue->openOnly);
    EXPECT_EQ(overdue->age, RequestAge::Overdue);
    EXPECT_EQ(overdue->today, kToday);

    const std::optional<RequestFilter> erasure =
        RequestStats::filterFor(snapshot, RequestStats::Chart::OpenByType, int(RequestType::Erasure));
    ASSERT_TRUE(erasure.has_value());
    EXPECT_TRUE(erasure->openOnly);
    EXPECT_EQ(erasure->type, RequestType::Erasure);

    const std::optional<RequestFilter> status = RequestStats::filterFor(snapshot, RequestStats::Chart::OpenByStatus, 2);
    ASSERT_TRUE(status.has_value());
    EXPECT_EQ(status->status, RequestStatus::InProgress);

    const std::optional<RequestFilter> received =
        RequestStats::filterFor(snapshot, RequestStats::Chart::ReceivedInWeek, 1);
    ASSERT_TRUE(received.has_value());
    EXPECT_EQ(received->receivedFrom, QDate(2026, 11, 9));
    EXPECT_EQ(received->receivedTo, QDate(2026, 11, 15));
    EXPECT_FALSE(received->completedFrom.isValid());

    const std::optional<RequestFilter> completed =
        RequestStats::filterFor(snapshot, RequestStats::Chart::CompletedInWeek, 3);
    ASSERT_TRUE(completed.has_value());
    EXPECT_EQ(completed->completedFrom, QDate(2026, 11, 23));
    EXPECT_EQ(completed->completedTo, QDate(2026, 11, 29));

    EXPECT_FALSE(RequestStats::filterFor(snapshot, RequestStats::Chart::ReceivedInWeek, 4).has_value());
    EXPECT_FALSE(RequestStats::filterFor(snapshot, RequestStats::Chart::OpenByAge, -1).has_value());
}

TEST_P(RequestStatsTest, AuditorReadsAndAdministratorIsRefused)
{
    addKnownRequests();
    EXPECT_EQ(compute(4, kAuditor).open, 8);
    const Result<RequestStats::Snapshot> refused = RequestStats::compute(db(), kAdmin, kToday);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::PermissionDenied);
}

TEST_P(RequestStatsTest, WindowOutsideOneToOneHundredFourWeeksIsRefused)
{
    EXPECT_EQ(RequestStats::compute(db(), kOfficer, kToday, 0).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(RequestStats::compute(db(), kOfficer, kToday, 105).error().code, ErrorCode::InvalidArgument);
    const RequestStats::Snapshot one = compute(1);
    ASSERT_EQ(one.weeks.size(), 1);
    EXPECT_EQ(one.weeks.first().monday, QDate(2026, 11, 23));
}

PD_INSTANTIATE_FOR_BACKENDS(RequestStatsTest);

} // namespace

} // namespace pd::test
