#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"

#include <QByteArray>
#include <QDate>
#include <QString>

namespace pd {

class Database;

/// The end of a data-subject request: the answer sent (the reply letter kept with the request), and the request
/// completed, refused with its legal ground, or withdrawn by the requester.
///
/// Every call checks Action::HandleRequests, runs in one transaction, writes a line of the request's timeline and
/// an audit entry linked to the request. A stale `expectedVersion` is ErrorCode::Conflict.
class RequestClosing
{
public:
    /// Records the answer sent: the letter (PDF bytes) is kept with the request, with its form and date.
    struct Reply
    {
        QByteArray pdf;
        QString form;     ///< email, letter, in-person
        QString language; ///< en, ru
        QDate sentOn;     ///< invalid: today
    };
    /// Returns the id of the kept letter.
    static Result<qint64> recordReply(Database &database, const Session &who, qint64 requestId, const Reply &reply);

    /// Closes the request as answered (`decision`: granted or partly-granted); the answer must have been recorded.
    static Status complete(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                           const QString &decision, const QString &note = QString());
    /// Refuses the request; the legal ground is required (e.g. "99-Z art. 14(3): identity not confirmed").
    static Status refuse(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                         const QString &legalGround);
    /// The requester withdrew the request.
    static Status withdraw(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                           const QString &note);
};

} // namespace pd
