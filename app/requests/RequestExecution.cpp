// RequestService: running a request's operation on the subject's data, the answer, and closing the request.
#include "app/requests/RequestService.h"

#include "app/domain/Permissions.h"
#include "app/requests/RequestSteps.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"
#include "app/subjects/ConsentService.h"
#include "app/subjects/SubjectDirectory.h"
#include "app/subjects/SubjectJson.h"
#include "app/subjects/SubjectService.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::RequestService)
};
} // namespace

namespace pd {

using requeststeps::Stored;

namespace {

QString kindName(RequestService::Execution::Kind kind)
{
    switch (kind) {
    case RequestService::Execution::Kind::Delete:
        return QStringLiteral("delete");
    case RequestService::Execution::Kind::Anonymize:
        return QStringLiteral("anonymize");
    case RequestService::Execution::Kind::Block:
        return QStringLiteral("block");
    case RequestService::Execution::Kind::Correct:
        return QStringLiteral("correct");
    case RequestService::Execution::Kind::WithdrawConsent:
        return QStringLiteral("withdraw-consent");
    case RequestService::Execution::Kind::ProvideData:
        return QStringLiteral("provide-data");
    }
    return {};
}

Result<qint64> storeDocument(QSqlDatabase &tx, const Session &who, qint64 requestId, const QString &kind,
                             const QString &mediaType, const QString &form, const QString &language,
                             const QByteArray &content)
{
    Result<QVariant> id = sql::scalar(
        tx,
        QStringLiteral("INSERT INTO request_documents (request_id, kind, created_at, created_by, media_type, form, "
                       "language, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {requestId, kind, sql::nowTimestamp(), who.isValid() ? who.name : QStringLiteral("system"), mediaType,
         sql::text(form), sql::text(language), content},
        "keeping the document with the request");
    if (!id) {
        return id.error();
    }
    return id.value().toLongLong();
}

/// Withdraws the subject's active consents (or one) and schedules the erasure of what was kept for their purposes
/// by the request's due date. Returns how many erasures were scheduled.
Result<int> withdrawConsents(Database &database, QSqlDatabase &tx, const Session &who, const Stored &request,
                             const RequestService::Execution &execution, const QString &reason)
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
        if (!execution.consentId || *execution.consentId == query.value(0).toLongLong()) {
            consents.append({query.value(0).toLongLong(), query.value(1)});
        }
    }
    query.finish();
    if (consents.isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
                         execution.consentId
                             ? Tr::tr("consent #%1 is not an active consent of this subject").arg(*execution.consentId)
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

QList<RequestService::Execution::Kind> RequestService::executionsFor(RequestType type)
{
    using Kind = Execution::Kind;
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

Result<RequestService::ExecutionOutcome> RequestService::execute(Database &database, const Session &who,
                                                                 qint64 requestId, int expectedVersion,
                                                                 const Execution &execution)
{
    if (Status allowed = Permissions::check(who, Action::HandleRequests); !allowed) {
        return allowed.error();
    }
    ExecutionOutcome outcome;
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
        if (!executionsFor(request.type).contains(execution.kind)) {
            return makeError(
                ErrorCode::InvalidArgument,
                Tr::tr("a request of type %1 cannot run '%2'").arg(toString(request.type), kindName(execution.kind)));
        }
        if (!request.subjectId) {
            return makeError(
                ErrorCode::InvalidArgument,
                Tr::tr("request #%1 is not linked to a subject: there is no data to act on").arg(requestId));
        }
        const qint64 subjectId = *request.subjectId;
        const QString reason = execution.reason.trimmed().isEmpty()
                                   ? Tr::tr("request #%1 (%2)").arg(requestId).arg(toString(request.type))
                                   : execution.reason.trimmed();
        RequestStatus next = request.status;
        QString note;
        switch (execution.kind) {
        case Execution::Kind::Delete:
        case Execution::Kind::Anonymize: {
            SubjectService::Irreversible order{{subjectId}, reason, requestId};
            Result<SubjectService::Outcome> done = execution.kind == Execution::Kind::Delete
                                                       ? SubjectService::erase(database, who, order)
                                                       : SubjectService::anonymize(database, who, order);
            if (!done) {
                return done.error();
            }
            outcome.pendingApproval = done->pendingApproval;
            if (done->pendingApproval != 0) {
                next = RequestStatus::AwaitingApproval;
                note = Tr::tr("Sent for approval #%1 by a second officer").arg(done->pendingApproval);
            } else {
                note = execution.kind == Execution::Kind::Delete ? Tr::tr("Subject #%1 deleted").arg(subjectId)
                                                                 : Tr::tr("Subject #%1 anonymized").arg(subjectId);
            }
            break;
        }
        case Execution::Kind::Block: {
            SubjectService::Restriction restriction;
            restriction.subjectId = subjectId;
            restriction.expectedVersion = -1;
            restriction.reason = reason;
            restriction.until = execution.blockUntil;
            restriction.requestId = requestId;
            if (Status blocked = SubjectService::block(database, who, restriction); !blocked) {
                return blocked;
            }
            note = execution.blockUntil.isValid() ? Tr::tr("Subject #%1 blocked until %2")
                                                        .arg(subjectId)
                                                        .arg(execution.blockUntil.toString(Qt::ISODate))
                                                  : Tr::tr("Subject #%1 blocked").arg(subjectId);
            break;
        }
        case Execution::Kind::Correct: {
            SubjectService::Correction correction;
            correction.subjectId = subjectId;
            correction.expectedVersion = -1;
            correction.field = execution.field;
            correction.newValue = execution.value;
            correction.reason = reason;
            correction.requestId = requestId;
            if (Status corrected = SubjectService::correct(database, who, correction); !corrected) {
                return corrected;
            }
            // The new value stays in the subject's data; the timeline names only the field.
            note = Tr::tr("Field '%1' of subject #%2 corrected").arg(execution.field).arg(subjectId);
            break;
        }
        case Execution::Kind::WithdrawConsent: {
            Result<int> scheduled = withdrawConsents(database, tx, who, request, execution, reason);
            if (!scheduled) {
                return scheduled.error();
            }
            outcome.scheduledErasures = scheduled.value();
            note = Tr::tr("%n consent(s) withdrawn; erasure of the data kept for them scheduled by %1", nullptr,
                          scheduled.value())
                       .arg(request.effectiveDue().toString(Qt::ISODate));
            break;
        }
        case Execution::Kind::ProvideData: {
            Result<SubjectDetails> details = SubjectDirectory::details(database, who, subjectId);
            if (!details) {
                return details.error();
            }
            const QByteArray json = QJsonDocument(subjectJson(details.value())).toJson(QJsonDocument::Indented);
            Result<qint64> document = storeDocument(tx, who, requestId, QStringLiteral("subject-data"),
                                                    QStringLiteral("application/json"), QString(), QString(), json);
            if (!document) {
                return document.error();
            }
            outcome.documentId = document.value();
            note = Tr::tr("The subject's data attached (%n item(s))", nullptr, int(details->items.size()));
            break;
        }
        }
        return requeststeps::change(tx, who, request, next, QStringLiteral("executed"), note, "request.execute",
                                    QStringLiteral("operation=%1").arg(kindName(execution.kind)));
    });
    if (!status) {
        return status.error();
    }
    return outcome;
}

Result<qint64> RequestService::recordReply(Database &database, const Session &who, qint64 requestId, const Reply &reply)
{
    if (Status allowed = Permissions::check(who, Action::HandleRequests); !allowed) {
        return allowed.error();
    }
    if (!reply.pdf.startsWith("%PDF")) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("reply: the letter is not a PDF document"));
    }
    if (reply.form != QLatin1String("email") && reply.form != QLatin1String("letter") &&
        reply.form != QLatin1String("in-person")) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("form: expected email, letter or in-person, got '%1'").arg(reply.form));
    }
    const QDate today = QDate::currentDate();
    const QDate sent = reply.sentOn.isValid() ? reply.sentOn : today;
    if (sent > today) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("sent on: %1 is in the future").arg(sent.toString(Qt::ISODate)));
    }
    qint64 documentId = 0;
    Status status = database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Stored> stored = requeststeps::load(tx, requestId);
        if (!stored) {
            return stored.error();
        }
        Stored request = stored.value();
        if (request.status == RequestStatus::Withdrawn) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("request #%1 was withdrawn: no answer is due").arg(requestId));
        }
        if (sent < request.received) {
            return makeError(ErrorCode::InvalidArgument, Tr::tr("sent on: before the request was received"));
        }
        Result<qint64> document =
            storeDocument(tx, who, requestId, QStringLiteral("reply-letter"), QStringLiteral("application/pdf"),
                          reply.form, reply.language, reply.pdf);
        if (!document) {
            return document.error();
        }
        documentId = document.value();
        const QString sentAt =
            sent == today ? sql::nowTimestamp() : sql::timestamp(QDateTime(sent, QTime(12, 0), Qt::UTC));
        QSqlQuery query(tx);
        if (Status updated = sql::exec(query,
                                       QStringLiteral("UPDATE requests SET replied_at = ?, reply_form = ?, "
                                                      "version = version + 1, updated_at = ? WHERE id = ?"),
                                       {sentAt, reply.form, sql::nowTimestamp(), requestId}, "recording the answer");
            !updated) {
            return updated;
        }
        if (Status event = requeststeps::event(
                tx, who, request, QStringLiteral("reply"), QString(), QString(),
                Tr::tr("Reply sent on %1 (%2, %3)").arg(sent.toString(Qt::ISODate), reply.form, reply.language));
            !event) {
            return event;
        }
        ChangeNotifier::notify(tx, QStringLiteral("requests"));
        return requeststeps::audit(
            tx, who, request, "request.reply",
            QStringLiteral("form=%1 language=%2 document=%3").arg(reply.form, reply.language).arg(documentId));
    });
    if (!status) {
        return status.error();
    }
    return documentId;
}

Status RequestService::complete(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                                const QString &decision, const QString &note)
{
    if (Status allowed = Permissions::check(who, Action::HandleRequests); !allowed) {
        return allowed;
    }
    if (decision != QLatin1String("granted") && decision != QLatin1String("partly-granted")) {
        return makeError(
            ErrorCode::InvalidArgument,
            Tr::tr("decision: expected granted or partly-granted (a refusal is recorded with its ground)"));
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Stored> stored = requeststeps::loadForChange(tx, requestId, expectedVersion);
        if (!stored) {
            return stored.error();
        }
        Stored request = stored.value();
        if (request.status != RequestStatus::InProgress) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("request #%1 is %2: only a request in progress is completed")
                                 .arg(requestId)
                                 .arg(toString(request.status)));
        }
        if (!request.replied) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("request #%1 has no recorded answer: send the reply letter first").arg(requestId));
        }
        QSqlQuery query(tx);
        if (Status status = sql::exec(query, QStringLiteral("UPDATE requests SET decision = ? WHERE id = ?"),
                                      {decision, requestId}, "recording the decision");
            !status) {
            return status;
        }
        const QString comment = note.trimmed().isEmpty() ? Tr::tr("Completed (%1)").arg(decision)
                                                         : Tr::tr("Completed (%1): %2").arg(decision, note.trimmed());
        return requeststeps::change(tx, who, request, RequestStatus::Completed, QStringLiteral("status"), comment,
                                    "request.complete", QStringLiteral("decision=%1").arg(decision));
    });
}

Status RequestService::refuse(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                              const QString &legalGround)
{
    if (Status allowed = Permissions::check(who, Action::HandleRequests); !allowed) {
        return allowed;
    }
    if (legalGround.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("legal ground: required (the article that allows the refusal, and why)"));
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Stored> stored = requeststeps::loadForChange(tx, requestId, expectedVersion);
        if (!stored) {
            return stored.error();
        }
        Stored request = stored.value();
        if (request.status == RequestStatus::AwaitingApproval) {
            return makeError(
                ErrorCode::InvalidArgument,
                Tr::tr("request #%1 awaits approval of its execution: reject the approval first").arg(requestId));
        }
        QSqlQuery query(tx);
        if (Status status = sql::exec(query,
                                      QStringLiteral("UPDATE requests SET decision = 'refused', refusal_ground = ? "
                                                     "WHERE id = ?"),
                                      {legalGround.trimmed(), requestId}, "recording the refusal");
            !status) {
            return status;
        }
        return requeststeps::change(tx, who, request, RequestStatus::Refused, QStringLiteral("status"),
                                    Tr::tr("Refused: %1").arg(legalGround.trimmed()), "request.refuse", QString());
    });
}

Status RequestService::withdraw(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                                const QString &note)
{
    if (Status allowed = Permissions::check(who, Action::HandleRequests); !allowed) {
        return allowed;
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Stored> stored = requeststeps::loadForChange(tx, requestId, expectedVersion);
        if (!stored) {
            return stored.error();
        }
        Stored request = stored.value();
        if (request.status == RequestStatus::AwaitingApproval) {
            return makeError(
                ErrorCode::InvalidArgument,
                Tr::tr("request #%1 awaits approval of its execution: reject the approval first").arg(requestId));
        }
        const QString comment = note.trimmed().isEmpty() ? Tr::tr("Withdrawn by the requester")
                                                         : Tr::tr("Withdrawn by the requester: %1").arg(note.trimmed());
        return requeststeps::change(tx, who, request, RequestStatus::Withdrawn, QStringLiteral("status"), comment,
                                    "request.withdraw", QString());
    });
}

Status RequestService::approvalDecided(QSqlDatabase &tx, const Session &who, qint64 requestId, bool executed)
{
    Result<Stored> stored = requeststeps::load(tx, requestId);
    if (!stored) {
        // The request may have been removed meanwhile; the approval stands on its own.
        return stored.error().code == ErrorCode::NotFound ? Status() : Status(stored.error());
    }
    Stored request = stored.value();
    if (request.status != RequestStatus::AwaitingApproval) {
        return {};
    }
    return requeststeps::change(tx, who, request, RequestStatus::InProgress, QStringLiteral("executed"),
                                executed ? Tr::tr("The approved erasure was carried out")
                                         : Tr::tr("The erasure was not approved; the request is back in progress"),
                                "request.approval", executed ? QStringLiteral("executed") : QStringLiteral("rejected"));
}

} // namespace pd
