#pragma once

#include "app/domain/Result.h"
#include "app/domain/Session.h"
#include "app/domain/Vocabulary.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace pd {

class Database;

/// Carrying out what a data-subject request asks on the subject's data: erasure deletes or anonymizes, restriction
/// blocks, rectification corrects, consent withdrawal withdraws and schedules the erasure, access and portability
/// attach the subject's data.
///
/// Checks Action::HandleRequests and, through the records services it calls, the permission of the data operation
/// itself; runs in the request's transaction, so the data change, its audit entry (carrying the request id) and the
/// request's timeline are stored together or not at all.
class RequestExecution
{
public:
    /// What to do about the subject's data, by the request's type.
    struct Operation
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
        /// A document given to the subject (ProvideData).
        struct Attachment
        {
            QString mediaType; ///< application/pdf, application/json, text/csv
            QString language;  ///< the language it is written in
            QByteArray content;
        };
        /// ProvideData: the documents to attach (the subject-access report); empty: the subject's data as JSON.
        QList<Attachment> attachments;
    };

    struct Outcome
    {
        qint64 pendingApproval = 0; ///< the four-eyes rule applies: the request now awaits approval
        qint64 documentId = 0;      ///< ProvideData: the attached data
        int scheduledErasures = 0;  ///< WithdrawConsent
    };

    /// The operations a request's type allows (erasure: delete or anonymize; restriction: block; ...).
    static QList<Operation::Kind> operationsFor(RequestType type);

    /// Runs the operation on the request's subject. The request must be in progress (identity confirmed); a stale
    /// `expectedVersion` is ErrorCode::Conflict.
    static Result<Outcome> execute(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                                   const Operation &operation);

    /// A four-eyes approval of the request's erasure was carried out (`executed`) or rejected: a request awaiting
    /// approval goes back to in progress, with the outcome in its timeline. Called by ApprovalService inside its
    /// transaction (which this joins); does nothing when the request is gone or no longer awaits approval.
    static Status approvalDecided(Database &database, const Session &who, qint64 requestId, bool executed);
};

} // namespace pd
