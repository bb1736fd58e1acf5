#pragma once

#include "app/domain/Vocabulary.h"

#include <QDate>
#include <QString>

#include <optional>

namespace pd {

/// Where an open request stands against its deadline. The effective due date is the extended one when the request
/// was extended, the original otherwise; `today` is the operator's date.
/// - Overdue: due before today;
/// - DueIn3: due today or in the next 3 days;
/// - DueIn7: due in 4 to 7 days;
/// - Later: due in more than 7 days.
enum class RequestAge { Overdue, DueIn3, DueIn7, Later };

inline RequestAge requestAge(const QDate &due, const QDate &today)
{
    const qint64 days = today.daysTo(due);
    if (days < 0) {
        return RequestAge::Overdue;
    }
    if (days <= 3) {
        return RequestAge::DueIn3;
    }
    return days <= 7 ? RequestAge::DueIn7 : RequestAge::Later;
}

/// Which requests a list shows: the Requests page's filter bar, `request list`, and the drill-down of every
/// dashboard chart all speak this. Empty members do not filter.
struct RequestFilter
{
    /// Only requests not yet completed, refused or withdrawn.
    bool openOnly = false;
    std::optional<RequestStatus> status;
    std::optional<RequestType> type;
    std::optional<Regime> regime;
    /// Open requests in this deadline bucket (implies open).
    std::optional<RequestAge> age;
    std::optional<qint64> assigneeId;
    std::optional<qint64> subjectId;
    /// Received on or after / on or before (inclusive).
    QDate receivedFrom;
    QDate receivedTo;
    /// Completed on or after / on or before (inclusive); with either set, only completed requests.
    QDate completedFrom;
    QDate completedTo;
    /// Words of the requester's name, or a request number.
    QString text;
    /// The date the buckets are counted from; invalid means the current date.
    QDate today;

    QDate effectiveToday() const { return today.isValid() ? today : QDate::currentDate(); }
};

} // namespace pd
