#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/requests/Request.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QSqlDatabase>
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
/// ground) or withdrawn from any open status. A closed request changes no more, except for comments.
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

    /// What to do about the subject's data, by the request's type.
    struct Execution
    {
        enum class Kind {
            Delete,          ///< erasure: delete the subject
            Anonymize,       ///< erasure: anonymize the subject
            Block,           ///< restriction
            Correct,         ///< rectification: `field` gets `value`
            WithdrawConsent, ///< consent withdrawal: every active consent (or `consentId`), deletion scheduled
            ProvideData,     ///< access, portability, disclosures: the subject's data attached to the request
        };
        Kind kind = Kind::ProvideData;
        QString reason;                  ///< why, for the audit trail (default: "request #N")
        QString field;                   ///< Correct
        QString value;                   ///< Correct
        std::optional<qint64> consentId; ///< WithdrawConsent: only this one
        QDate blockUntil;                ///< Block: optional end
    };
    /// The operations a request's type allows (erasure: delete or anonymize; restriction: block; ...).
    static QList<Execution::Kind> executionsFor(RequestType type);
    struct ExecutionOutcome
    {
        qint64 pendingApproval = 0; ///< the four-eyes rule applies: the request now awaits approval
        qint64 documentId = 0;      ///< ProvideData: the attached data
        int scheduledErasures = 0;  ///< WithdrawConsent
    };
    /// Runs the operation on the request's subject in the request's transaction; the data change's audit entry
    /// carries the request id. The request must be in progress (identity confirmed).
    static Result<ExecutionOutcome> execute(Database &database, const Session &who, qint64 requestId,
                                            int expectedVersion, const Execution &execution);

    /// Records the answer sent: the letter (PDF bytes) is kept with the request, with its form and date.
    struct Reply
    {
        QByteArray pdf;
        QString form;     ///< email, letter, in-person
        QString language; ///< en, ru
        QDate sentOn;     ///< invalid: today
    };
    static Result<qint64> recordReply(Database &database, const Session &who, qint64 requestId, const Reply &reply);

    /// Closes the request as answered (`decision`: granted or partly-granted).
    static Status complete(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                           const QString &decision, const QString &note = QString());
    /// Refuses the request; the legal ground is required (e.g. "99-Z art. 14(3): identity not confirmed").
    static Status refuse(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                         const QString &legalGround);
    /// The requester withdrew the request.
    static Status withdraw(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                           const QString &note);

    /// Moves requests whose four-eyes approval was executed or rejected on (called by ApprovalService).
    static Status approvalDecided(QSqlDatabase &tx, const Session &who, qint64 requestId, bool executed);
};

} // namespace pd
