#include "app/requests/RequestClosing.h"
#include "app/domain/FieldRules.h"

#include "app/domain/Permissions.h"
#include "app/requests/RequestSteps_p.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::RequestClosing)
};

/// A timeline line of this file's context (see EventMessage).
pd::EventMessage line(const char *source, int n = -1)
{
    return pd::EventMessage("pd::RequestClosing", source, n);
}
} // namespace

namespace pd {

using requeststeps::Stored;

Result<qint64> RequestClosing::recordReply(Database &database, const Session &who, qint64 requestId, const Reply &reply)
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
            requeststeps::storeDocument(tx, who, requestId, QStringLiteral("reply-letter"),
                                        QStringLiteral("application/pdf"), reply.form, reply.language, reply.pdf);
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
        if (Status event =
                requeststeps::event(tx, who, request, QStringLiteral("reply"), QString(), QString(),
                                    line(QT_TRANSLATE_NOOP("pd::RequestClosing", "Reply sent on %1 (%2, %3)"))
                                        .date(sent)
                                        .answerForm(reply.form)
                                        .language(reply.language));
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

Status RequestClosing::complete(Database &database, const Session &who, qint64 requestId, int expectedVersion,
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
    if (Status text = FieldRules::checkText(QStringLiteral("note"), note, FieldRules::Text::Multiline); !text) {
        return text;
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
        const EventMessage comment =
            note.trimmed().isEmpty()
                ? line(QT_TRANSLATE_NOOP("pd::RequestClosing", "Completed (%1)")).decision(decision)
                : line(QT_TRANSLATE_NOOP("pd::RequestClosing", "Completed (%1): %2"))
                      .decision(decision)
                      .arg(note.trimmed());
        return requeststeps::change(tx, who, request, RequestStatus::Completed, QStringLiteral("status"), comment,
                                    "request.complete", QStringLiteral("decision=%1").arg(decision));
    });
}

Status RequestClosing::refuse(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                              const QString &legalGround)
{
    if (Status allowed = Permissions::check(who, Action::HandleRequests); !allowed) {
        return allowed;
    }
    if (legalGround.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("legal ground: required (the article that allows the refusal, and why)"));
    }
    if (Status text = FieldRules::checkText(QStringLiteral("legal ground"), legalGround, FieldRules::Text::Multiline);
        !text) {
        return text;
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
        return requeststeps::change(
            tx, who, request, RequestStatus::Refused, QStringLiteral("status"),
            line(QT_TRANSLATE_NOOP("pd::RequestClosing", "Refused: %1")).arg(legalGround.trimmed()), "request.refuse",
            QString());
    });
}

Status RequestClosing::withdraw(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                                const QString &note)
{
    if (Status allowed = Permissions::check(who, Action::HandleRequests); !allowed) {
        return allowed;
    }
    if (Status text = FieldRules::checkText(QStringLiteral("note"), note, FieldRules::Text::Multiline); !text) {
        return text;
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
        const EventMessage comment =
            note.trimmed().isEmpty()
                ? line(QT_TRANSLATE_NOOP("pd::RequestClosing", "Withdrawn by the requester"))
                : line(QT_TRANSLATE_NOOP("pd::RequestClosing", "Withdrawn by the requester: %1")).arg(note.trimmed());
        return requeststeps::change(tx, who, request, RequestStatus::Withdrawn, QStringLiteral("status"), comment,
                                    "request.withdraw", QString());
    });
}

} // namespace pd
