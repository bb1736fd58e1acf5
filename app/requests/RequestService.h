#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/requests/Request.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace pd {

class Database;

/// The work on a data-subject request, from intake to answer.
///
/// Every call checks Action::HandleRequests (execution also the permission of the data operation it runs), runs
/// in one transaction, writes a line of the request's timeline and an audit entry linked to the request, and tells
/// other workstations (topic "requests"). Requests carry a version: a change made against an older version than
/// the stored one is refused with ErrorCode::Conflict. Deadlines come from the Deadlines table with the calendar of
/// the regime's country as the office edited it (CalendarService).
///
/// Lifecycle: new → identity-pending → in-progress → (awaiting-approval →) completed; refused (with the legal
/// ground) or withdrawn from any open status. A closed request changes no more, except for comments. This class
/// takes a request in and moves it along; RequestExecution carries out what was asked on the subject's data, and
/// RequestClosing records the answer and closes the request.
class RequestService
{
public:
    /// Registers a request; returns its id. The due date is computed; an open request of the same subject and
    /// type makes this one a flagged duplicate (RequestRecord::duplicateOf). With `createSubject` the requester is
    /// registered as a new subject (name, e-mail, phone) in the same transaction.
    static Result<qint64> add(Database &database, const Session &who, const RequestIntake &intake);

    /// The identity check as a step: how it was checked (e.g. "ID card shown at the office", "e-mail from the
    /// address on file"), whether it was confirmed, and a note. Only the fact that a document was seen is stored,
    /// never a copy. Confirmed moves a new or identity-pending request to in-progress (and restarts a paused
    /// clock); failed keeps it identity-pending.
    struct IdentityCheck
    {
        QString method; ///< required
        bool confirmed = false;
        QString note;
    };
    static Status checkIdentity(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                                const IdentityCheck &check);

    /// Asks the requester for proof of identity or a clarification: status identity-pending and, where the law
    /// allows (DeadlineRule::pausable), the clock stops from `since` (invalid: today) until resume() or a
    /// confirmed identity check.
    static Status askRequester(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                               const QString &what, const QDate &since = QDate());
    /// Restarts a paused clock (the requester answered): the paused calendar days move the due date on.
    static Status resume(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                         const QDate &on = QDate());

    /// Takes the extension the law allows (GDPR +2 months, CCPA +45 days, 152-FZ +5 working days), once, with a
    /// reason and the date the requester was told (required; not after today).
    static Status extend(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                         const QString &reason, const QDate &requesterNotified);

    /// Gives the request to an operator who may handle requests (0: nobody).
    static Status assign(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                         qint64 operatorId);
    /// Adds a comment to the timeline (allowed on closed requests too).
    static Status comment(Database &database, const Session &who, qint64 requestId, const QString &text);
};

} // namespace pd
