#include "app/requests/RequestExecution.h"

#include "app/domain/Permissions.h"
#include "app/requests/RequestSteps_p.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"
#include "app/subjects/ConsentService.h"
#include "app/subjects/CorrectionService.h"
#include "app/subjects/ErasureService.h"
#include "app/subjects/RestrictionService.h"
#include "app/subjects/SubjectDetailsReader.h"
#include "app/subjects/SubjectJson.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::RequestExecution)
};

/// A timeline line of this file's context (see EventMessage).
pd::EventMessage line(const char *source, int n = -1)
{
    return pd::EventMessage("pd::RequestExecution", source, n);
}
} // namespace

namespace pd {

using requeststeps::Stored;

namespace {

QString kindName(RequestExecution::Operation::Kind kind)
{
    switch (kind) {
    case RequestExecution::Operation::Kind::Delete:
        return QStringLiteral("delete");
    case RequestExecution::Operation::Kind::Anonymize:
        return QStringLiteral("anonymize");
    case RequestExecution::Operation::Kind::Block:
        return QStringLiteral("block");
    case RequestExecution::Operation::Kind::Correct:
        return QStringLiteral("correct");
    case RequestExecution::Operation::Kind::WithdrawConsent:
        return QStringLiteral("withdraw-consent");
    case RequestExecution::Operation::Kind::ProvideData:
        return QStringLiteral("provide-data");
    }
    return {};
}

/// Withdraws the subject's active consents (or one) and schedules the erasure of what was kept for their purposes
/// by the request's due date. Returns how many erasures were scheduled.
Result<int> withdrawConsents(Database &database, QSqlDatabase &tx, const Session &who, const Stored &request,
                             const RequestExecution::Operation &operation, const QString &reason)
{
    QSqlQuery query(tx);
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT id, purpose_id FROM consents WHERE subject_id = ? "
                                                 "AND (withdrawn_at IS NULL OR withdrawn_at = '') ORDER BY id"),
                                  {*request.subjectId}, "reading the consents");
        !status) {
        return status.error();
    }
    QList<std::pair<qint64, QVariant>> consents;
    while (query.next()) {
        if (!operation.consentId || *operation.consentId == query.value(0).toLongLong()) {
            consents.append({query.value(0).toLongLong(), query.value(1)});
        }
    }
    query.finish();
    if (consents.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
                         operation.consentId
                             ? Tr::tr("consent #%1 is not an active consent of this subject").arg(*operation.consentId)
                             : Tr::tr("the subject has no active consent to withdraw"));
    }
    for (const auto &[consentId, purposeId] : consents) {
        if (Status withdrawn = ConsentService::withdraw(database, who, consentId, reason, request.id); !withdrawn) {
            return withdrawn.error();
        }
        if (Status scheduled = sql::exec(
                query,
                QStringLiteral("INSERT INTO scheduled_erasures (subject_id, purpose_id, request_id, due_date, "
                               "created_at) VALUES (?, ?, ?, ?, ?)"),
                {*request.subjectId, purposeId, request.id, request.effectiveDue().toString(Qt::ISODate),
                 sql::nowTimestamp()},
                "scheduling the erasure");
            !scheduled) {
            return scheduled.error();
        }
    }
    return int(consents.size());
}

} // namespace

QList<RequestExecution::Operation::Kind> RequestExecution::operationsFor(RequestType type)
{
    using Kind = Operation::Kind;
    switch (type) {
    case RequestType::Erasure:
        return {Kind::Delete, Kind::Anonymize};
    case RequestType::Restriction:
    case RequestType::Objection:
        return {Kind::Block};
    case RequestType::Rectification:
        return {Kind::Correct};
    case RequestType::ConsentWithdrawal:
        return {Kind::WithdrawConsent};
    case RequestType::Access:
    case RequestType::Disclosures:
    case RequestType::Portability:
        return {Kind::ProvideData};
    case RequestType::Complaint:
        return {};
    }
    return {};
}

Result<RequestExecution::Outcome> RequestExecution::execute(Database &database, const Session &who, qint64 requestId,
                                                            int expectedVersion, const Operation &operation)
{
    if (Status allowed = Permissions::check(who, Action::HandleRequests); !allowed) {
        return allowed.error();
    }
    Outcome outcome;
    Status status = database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Stored> stored = requeststeps::loadForChange(tx, requestId, expectedVersion);
        if (!stored) {
            return stored.error();
        }
        Stored request = stored.value();
        if (request.status != RequestStatus::InProgress) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("request #%1 is %2: it is carried out once the identity is confirmed and the "
                                    "request is in progress")
                                 .arg(requestId)
                                 .arg(toString(request.status)));
        }
        if (!operationsFor(request.type).contains(operation.kind)) {
            return makeError(
                ErrorCode::InvalidArgument,
                Tr::tr("a request of type %1 cannot run '%2'").arg(toString(request.type), kindName(operation.kind)));
        }
        if (!request.subjectId) {
            return makeError(
                ErrorCode::InvalidArgument,
                Tr::tr("request #%1 is not linked to a subject: there is no data to act on").arg(requestId));
        }
        const qint64 subjectId = *request.subjectId;
        const QString reason = operation.reason.trimmed().isEmpty()
                                   ? Tr::tr("request #%1 (%2)").arg(requestId).arg(toString(request.type))
                                   : operation.reason.trimmed();
        RequestStatus next = request.status;
        EventMessage note = EventMessage::plain(QString());
        switch (operation.kind) {
        case Operation::Kind::Delete:
        case Operation::Kind::Anonymize: {
            ErasureService::Irreversible order{{subjectId}, reason, requestId};
            Result<ErasureService::Outcome> done = operation.kind == Operation::Kind::Delete
                                                       ? ErasureService::erase(database, who, order)
                                                       : ErasureService::anonymize(database, who, order);
            if (!done) {
                return done.error();
            }
            outcome.pendingApproval = done->pendingApproval;
            if (done->pendingApproval != 0) {
                next = RequestStatus::AwaitingApproval;
                note = line(QT_TRANSLATE_NOOP("pd::RequestExecution", "Sent for approval #%1 by a second officer"))
                           .arg(done->pendingApproval);
            } else {
                note = (operation.kind == Operation::Kind::Delete
                            ? line(QT_TRANSLATE_NOOP("pd::RequestExecution", "Subject #%1 deleted"))
                            : line(QT_TRANSLATE_NOOP("pd::RequestExecution", "Subject #%1 anonymized")))
                           .arg(subjectId);
            }
            break;
        }
        case Operation::Kind::Block: {
            RestrictionService::Restriction restriction;
            restriction.subjectId = subjectId;
            restriction.expectedVersion = -1;
            restriction.reason = reason;
            restriction.until = operation.blockUntil;
            restriction.requestId = requestId;
            if (Status blocked = RestrictionService::block(database, who, restriction); !blocked) {
                return blocked;
            }
            note = operation.blockUntil.isValid()
                       ? line(QT_TRANSLATE_NOOP("pd::RequestExecution", "Subject #%1 blocked until %2"))
                             .arg(subjectId)
                             .date(operation.blockUntil)
                       : line(QT_TRANSLATE_NOOP("pd::RequestExecution", "Subject #%1 blocked")).arg(subjectId);
            break;
        }
        case Operation::Kind::Correct: {
            CorrectionService::Correction correction;
            correction.subjectId = subjectId;
            correction.expectedVersion = -1;
            correction.field = operation.field;
            correction.newValue = operation.value;
            correction.reason = reason;
            correction.requestId = requestId;
            if (Status corrected = CorrectionService::correct(database, who, correction); !corrected) {
                return corrected;
            }
            // The new value stays in the subject's data; the timeline names only the field.
            note = line(QT_TRANSLATE_NOOP("pd::RequestExecution", "Field '%1' of subject #%2 corrected"))
                       .field(operation.field)
                       .arg(subjectId);
            break;
        }
        case Operation::Kind::WithdrawConsent: {
            Result<int> scheduled = withdrawConsents(database, tx, who, request, operation, reason);
            if (!scheduled) {
                return scheduled.error();
            }
            outcome.scheduledErasures = scheduled.value();
            note = line(QT_TRANSLATE_NOOP("pd::RequestExecution",
                                          "%n consent(s) withdrawn; erasure of the data kept for them scheduled by %1"),
                        scheduled.value())
                       .date(request.effectiveDue());
            break;
        }
        case Operation::Kind::ProvideData: {
            Result<SubjectDetails> details = SubjectDetailsReader::read(database, who, subjectId);
            if (!details) {
                return details.error();
            }
            QList<Operation::Attachment> attachments = operation.attachments;
            if (attachments.isEmpty()) {
                attachments << Operation::Attachment{
                    QStringLiteral("application/json"), QString(),
                    QJsonDocument(subjectJson(details.value())).toJson(QJsonDocument::Indented)};
            }
            for (const Operation::Attachment &attachment : std::as_const(attachments)) {
                Result<qint64> document = requeststeps::storeDocument(
                    tx, who, requestId, QStringLiteral("subject-data"), attachment.mediaType, QString(),
                    attachment.language, attachment.content);
                if (!document) {
                    return document.error();
                }
                if (outcome.documentId == 0) {
                    outcome.documentId = document.value();
                }
            }
            note = line(QT_TRANSLATE_NOOP("pd::RequestExecution", "The subject's data attached (%n item(s))"),
                        int(details->items.size()));
            break;
        }
        }
        return requeststeps::change(tx, who, request, next, QStringLiteral("executed"), note, "request.execute",
                                    QStringLiteral("operation=%1").arg(kindName(operation.kind)));
    });
    if (!status) {
        return status.error();
    }
    return outcome;
}

Status RequestExecution::approvalDecided(Database &database, const Session &who, qint64 requestId, bool executed)
{
    if (Status allowed = Permissions::check(who, Action::HandleRequests); !allowed) {
        return allowed;
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Stored> stored = requeststeps::load(tx, requestId);
        if (!stored) {
            // The request may have been removed meanwhile; the approval stands on its own.
            return stored.error().code == ErrorCode::NotFound ? Status() : Status(stored.error());
        }
        Stored request = stored.value();
        if (request.status != RequestStatus::AwaitingApproval) {
            return {};
        }
        return requeststeps::change(
            tx, who, request, RequestStatus::InProgress, QStringLiteral("executed"),
            executed ? line(QT_TRANSLATE_NOOP("pd::RequestExecution", "The approved erasure was carried out"))
                     : line(QT_TRANSLATE_NOOP("pd::RequestExecution", "The erasure was not approved; the request is "
                                                                      "back in progress")),
            "request.approval", executed ? QStringLiteral("executed") : QStringLiteral("rejected"));
    });
}

} // namespace pd
