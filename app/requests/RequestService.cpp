#include "app/requests/RequestService.h"

#include "app/access/AuditLog.h"
#include "app/domain/Deadlines.h"
#include "app/domain/FieldRules.h"
#include "app/domain/Permissions.h"
#include "app/domain/SearchKeys.h"
#include "app/requests/CalendarService.h"
#include "app/requests/RequestSteps_p.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <tuple>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::RequestService)
};

/// A timeline line of this file's context (see EventMessage).
pd::EventMessage line(const char *source, int n = -1)
{
    return pd::EventMessage("pd::RequestService", source, n);
}
} // namespace

namespace pd {

using requeststeps::Stored;

namespace {

QVariant nullableDate(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>());
}

QVariant nullableId(std::optional<qint64> id)
{
    return id ? QVariant(*id) : QVariant(QMetaType::fromType<qlonglong>());
}

bool oneOf(const QString &value, std::initializer_list<const char *> allowed)
{
    for (const char *candidate : allowed) {
        if (value == QLatin1String(candidate)) {
            return true;
        }
    }
    return false;
}

/// The first problem of an intake, naming the field; empty when there is none.
QString intakeProblem(const RequestIntake &intake, const QDate &today)
{
    using Text = FieldRules::Text;
    const std::tuple<const char *, const QString &, Text> texts[] = {
        {"requester name", intake.requesterName, Text::Name},
        {"address", intake.requesterAddress, Text::Line},
        {"identification number", intake.requesterIdNumber, Text::Line},
        {"phone", intake.requesterPhone, Text::Line},
        {"what is asked", intake.whatAsked, Text::Multiline},
        {"representative", intake.representativeName, Text::Name},
        {"representative's document", intake.representativeDocument, Text::Line},
    };
    for (const auto &[field, value, kind] : texts) {
        if (const QString problem = FieldRules::textProblem(QLatin1String(field), value, kind); !problem.isEmpty()) {
            return problem;
        }
    }
    if (intake.requesterName.trimmed().isEmpty()) {
        return Tr::tr("requester name: required (surname, first name and patronymic where there is one)");
    }
    if (intake.whatAsked.trimmed().isEmpty()) {
        return Tr::tr("what is asked: required (the substance of the request)");
    }
    if (intake.received.isValid() && intake.received > today) {
        return Tr::tr("received: %1 is in the future").arg(intake.received.toString(Qt::ISODate));
    }
    if (intake.requesterBirthDate.isValid() &&
        (intake.requesterBirthDate >= today || intake.requesterBirthDate.year() < 1900)) {
        return Tr::tr("date of birth: not a date in the past");
    }
    if (!oneOf(intake.channel, {"email", "web-form", "letter", "phone", "in-person"})) {
        return Tr::tr("channel: expected email, web-form, letter, phone or in-person, got '%1'").arg(intake.channel);
    }
    if (!oneOf(intake.answerForm, {"email", "letter", "in-person"})) {
        return Tr::tr("form of the answer: expected email, letter or in-person, got '%1'").arg(intake.answerForm);
    }
    if (!oneOf(intake.language, {"en", "ru"})) {
        return Tr::tr("language: expected en or ru, got '%1'").arg(intake.language);
    }
    if (!intake.representativeName.trimmed().isEmpty() && intake.representativeDocument.trimmed().isEmpty()) {
        return Tr::tr("representative's document: required when a representative acts for the subject "
                      "(power of attorney or other document of authority)");
    }
    if (!intake.requesterEmail.trimmed().isEmpty()) {
        if (const QString problem = FieldRules::valueProblem(QStringLiteral("email"), intake.requesterEmail);
            !problem.isEmpty()) {
            return problem;
        }
    }
    if (intake.answerForm == QLatin1String("email") && intake.requesterEmail.trimmed().isEmpty() &&
        !intake.requesterAddress.contains(QLatin1Char('@'))) {
        return Tr::tr("e-mail: required when the answer goes by e-mail");
    }
    if (intake.answerForm == QLatin1String("letter") && intake.requesterAddress.trimmed().isEmpty()) {
        return Tr::tr("address: required when the answer goes by letter");
    }
    if (intake.subjectId && intake.createSubject) {
        return Tr::tr("subject: either link an existing subject or create one, not both");
    }
    return {};
}

} // namespace

Result<qint64> RequestService::add(Database &database, const Session &who, const RequestIntake &intake)
{
    if (Status allowed = Permissions::check(who, Action::HandleRequests); !allowed) {
        return allowed.error();
    }
    const QDate today = QDate::currentDate();
    const QDate received = intake.received.isValid() ? intake.received : today;
    qint64 requestId = 0;
    Status status = database.transaction([&](QSqlDatabase &tx) -> Status {
        RequestIntake intakeFilled = intake;
        std::optional<qint64> subjectId = intake.subjectId;
        QVariant controller;
        if (subjectId) {
            QSqlQuery query(tx);
            if (Status read = sql::exec(query,
                                        QStringLiteral("SELECT controller_id, display_name, email FROM subjects "
                                                       "WHERE id = ?"),
                                        {*subjectId}, "reading the subject");
                !read) {
                return read;
            }
            if (!query.next()) {
                return makeError(ErrorCode::NotFound, Tr::tr("subject: there is no subject #%1").arg(*subjectId));
            }
            controller = query.value(0);
            // A request about a known subject: who asked is the subject unless the form says otherwise.
            if (intakeFilled.requesterName.trimmed().isEmpty()) {
                intakeFilled.requesterName = query.value(1).toString();
            }
            if (intakeFilled.requesterEmail.trimmed().isEmpty() &&
                intakeFilled.representativeName.trimmed().isEmpty()) {
                intakeFilled.requesterEmail = query.value(2).toString();
            }
        }
        if (const QString problem = intakeProblem(intakeFilled, today); !problem.isEmpty()) {
            return makeError(ErrorCode::InvalidArgument, problem);
        }
        if (!subjectId && intake.createSubject) {
            Result<qint64> created = requeststeps::createSubject(tx, who, intakeFilled);
            if (!created) {
                return created.error();
            }
            subjectId = created.value();
            controller = sql::scalar(tx, QStringLiteral("SELECT controller_id FROM subjects WHERE id = ?"),
                                     {*subjectId}, "reading the subject")
                             .value();
        }
        Result<QDate> due = requeststeps::dueDate(tx, intake.regime, intake.type, received, 0, false);
        if (!due) {
            return due.error();
        }
        std::optional<qint64> duplicateOf;
        if (subjectId) {
            Result<QVariant> open =
                sql::scalar(tx,
                            QStringLiteral("SELECT MIN(id) FROM requests WHERE subject_id = ? AND type = ? "
                                           "AND status NOT IN ('completed', 'refused', 'withdrawn')"),
                            {*subjectId, toString(intake.type)}, "looking for duplicates");
            if (!open) {
                return open.error();
            }
            if (!open.value().isNull()) {
                duplicateOf = open.value().toLongLong();
            }
        }
        const QString now = sql::nowTimestamp();
        const QString receivedAt = received == today ? now : sql::timestamp(QDateTime(received, QTime(12, 0), Qt::UTC));
        Result<QVariant> id = sql::scalar(
            tx,
            QStringLiteral(
                "INSERT INTO requests (subject_id, controller_id, type, regime, status, channel, received_at, "
                "due_date, "
                "assignee_id, requester_name, requester_key, requester_address, requester_birth_date, "
                "requester_id_number, "
                "requester_email, requester_phone, what_asked, answer_form, language, representative_name, "
                "representative_authority, duplicate_of, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {nullableId(subjectId),
             controller.isNull() ? QVariant(QMetaType::fromType<qlonglong>()) : controller,
             toString(intake.type),
             toString(intake.regime),
             intakeFilled.channel,
             receivedAt,
             due->toString(Qt::ISODate),
             nullableId(intakeFilled.assigneeId),
             intakeFilled.requesterName.trimmed(),
             searchkeys::name(intakeFilled.requesterName),
             sql::text(intakeFilled.requesterAddress.trimmed()),
             nullableDate(intakeFilled.requesterBirthDate),
             sql::text(intakeFilled.requesterIdNumber.trimmed()),
             sql::text(intakeFilled.requesterEmail.trimmed()),
             sql::text(intakeFilled.requesterPhone.trimmed()),
             intakeFilled.whatAsked.trimmed(),
             intakeFilled.answerForm,
             intakeFilled.language,
             sql::text(intakeFilled.representativeName.trimmed()),
             sql::text(intakeFilled.representativeDocument.trimmed()),
             nullableId(duplicateOf),
             now,
             now},
            "registering the request");
        if (!id) {
            return id.error();
        }
        requestId = id.value().toLongLong();
        const EventMessage note =
            duplicateOf ? line(QT_TRANSLATE_NOOP("pd::RequestService", "Request registered; an open request #%1 of "
                                                                       "the same subject and type exists (possible "
                                                                       "duplicate)"))
                              .arg(*duplicateOf)
                        : line(QT_TRANSLATE_NOOP("pd::RequestService", "Request registered"));
        Stored stored;
        stored.id = requestId;
        stored.subjectId = subjectId;
        if (Status event = requeststeps::event(tx, who, stored, QStringLiteral("received"), QString(),
                                               QStringLiteral("new"), note);
            !event) {
            return event;
        }
        return requeststeps::audit(
            tx, who, stored, "request.add",
            QStringLiteral("type=%1 regime=%2 due=%3%4")
                .arg(toString(intake.type), toString(intake.regime), due->toString(Qt::ISODate),
                     duplicateOf ? QStringLiteral(" duplicate-of=%1").arg(*duplicateOf) : QString()));
    });
    if (!status) {
        return status.error();
    }
    return requestId;
}

Status RequestService::checkIdentity(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                                     const IdentityCheck &check)
{
    if (Status allowed = Permissions::check(who, Action::HandleRequests); !allowed) {
        return allowed;
    }
    if (check.method.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("method: say how the identity was checked (e.g. ID card shown at the office)"));
    }
    if (Status text = FieldRules::checkText(QStringLiteral("method"), check.method, FieldRules::Text::Line); !text) {
        return text;
    }
    if (Status text = FieldRules::checkText(QStringLiteral("note"), check.note, FieldRules::Text::Multiline); !text) {
        return text;
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Stored> stored = requeststeps::loadForChange(tx, requestId, expectedVersion);
        if (!stored) {
            return stored.error();
        }
        Stored request = stored.value();
        const QDate today = QDate::currentDate();
        if (check.confirmed && request.pausedSince.isValid()) {
            if (Status resumed = requeststeps::resumeClock(tx, request, today); !resumed) {
                return resumed;
            }
        }
        const bool moves = check.confirmed &&
                           (request.status == RequestStatus::New || request.status == RequestStatus::IdentityPending);
        const RequestStatus next = moves             ? RequestStatus::InProgress
                                   : check.confirmed ? request.status
                                                     : RequestStatus::IdentityPending;
        QSqlQuery query(tx);
        if (Status status = sql::exec(query,
                                      QStringLiteral("UPDATE requests SET identity_method = ?, identity_result = ?, "
                                                     "identity_note = ?, identity_checked_by = ?, "
                                                     "identity_checked_at = ? WHERE id = ?"),
                                      {check.method.trimmed(),
                                       check.confirmed ? QStringLiteral("confirmed") : QStringLiteral("failed"),
                                       sql::text(check.note.trimmed()), who.operatorId, sql::nowTimestamp(), requestId},
                                      "recording the identity check");
            !status) {
            return status;
        }
        const EventMessage what =
            (check.confirmed ? line(QT_TRANSLATE_NOOP("pd::RequestService", "Identity confirmed: %1"))
                             : line(QT_TRANSLATE_NOOP("pd::RequestService", "Identity not confirmed: %1")))
                .arg(check.method.trimmed());
        return requeststeps::change(tx, who, request, next, QStringLiteral("identity"), what, "request.identity",
                                    check.confirmed ? QStringLiteral("confirmed") : QStringLiteral("failed"));
    });
}

Status RequestService::askRequester(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                                    const QString &what, const QDate &since)
{
    if (Status allowed = Permissions::check(who, Action::HandleRequests); !allowed) {
        return allowed;
    }
    if (what.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("say what the requester was asked for"));
    }
    if (Status text = FieldRules::checkText(QStringLiteral("asked for"), what, FieldRules::Text::Multiline); !text) {
        return text;
    }
    const QDate today = QDate::currentDate();
    const QDate from = since.isValid() ? since : today;
    if (from > today) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("since: %1 is in the future").arg(from.toString(Qt::ISODate)));
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Stored> stored = requeststeps::loadForChange(tx, requestId, expectedVersion);
        if (!stored) {
            return stored.error();
        }
        Stored request = stored.value();
        if (request.status == RequestStatus::AwaitingApproval) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("request #%1 awaits approval of its execution").arg(requestId));
        }
        if (from < request.received) {
            return makeError(ErrorCode::InvalidArgument, Tr::tr("since: before the request was received"));
        }
        const DeadlineRule rule = Deadlines::rule(request.regime, request.type);
        EventMessage note = line(QT_TRANSLATE_NOOP("pd::RequestService", "Requester asked: %1")).arg(what.trimmed());
        if (request.pausedSince.isValid()) {
            note.then(line(QT_TRANSLATE_NOOP("pd::RequestService", "the clock already stands since %1"))
                          .date(request.pausedSince));
        } else if (rule.pausable) {
            QSqlQuery query(tx);
            if (Status status = sql::exec(query, QStringLiteral("UPDATE requests SET paused_since = ? WHERE id = ?"),
                                          {from.toString(Qt::ISODate), requestId}, "stopping the clock");
                !status) {
                return status;
            }
            note.then(
                line(QT_TRANSLATE_NOOP("pd::RequestService", "the clock stands from %1 until the answer")).date(from));
        } else {
            note.then(line(QT_TRANSLATE_NOOP("pd::RequestService", "the clock keeps running (%1 does not stop it)"))
                          .article(rule.source));
        }
        return requeststeps::change(tx, who, request, RequestStatus::IdentityPending, QStringLiteral("paused"), note,
                                    "request.ask", QString());
    });
}

Status RequestService::resume(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                              const QDate &on)
{
    if (Status allowed = Permissions::check(who, Action::HandleRequests); !allowed) {
        return allowed;
    }
    const QDate today = QDate::currentDate();
    const QDate day = on.isValid() ? on : today;
    if (day > today) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("on: %1 is in the future").arg(day.toString(Qt::ISODate)));
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Stored> stored = requeststeps::loadForChange(tx, requestId, expectedVersion);
        if (!stored) {
            return stored.error();
        }
        Stored request = stored.value();
        if (!request.pausedSince.isValid()) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("request #%1: the clock is not stopped").arg(requestId));
        }
        if (day < request.pausedSince) {
            return makeError(ErrorCode::InvalidArgument, Tr::tr("on: before the clock was stopped"));
        }
        const int days = int(request.pausedSince.daysTo(day));
        if (Status resumed = requeststeps::resumeClock(tx, request, day); !resumed) {
            return resumed;
        }
        return requeststeps::change(
            tx, who, request, request.status, QStringLiteral("resumed"),
            line(QT_TRANSLATE_NOOP("pd::RequestService",
                                   "The requester answered; the clock runs again (%n day(s) paused, due %1)"),
                 days)
                .date(request.effectiveDue()),
            "request.resume", QStringLiteral("paused-days=%1").arg(days));
    });
}

Status RequestService::extend(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                              const QString &reason, const QDate &requesterNotified)
{
    if (Status allowed = Permissions::check(who, Action::HandleRequests); !allowed) {
        return allowed;
    }
    if (reason.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("reason: required (the law allows an extension only with reasons given)"));
    }
    if (Status text = FieldRules::checkText(QStringLiteral("reason"), reason, FieldRules::Text::Multiline); !text) {
        return text;
    }
    if (!requesterNotified.isValid() || requesterNotified > QDate::currentDate()) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("requester notified: the date the requester was told, not in the future"));
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Stored> stored = requeststeps::loadForChange(tx, requestId, expectedVersion);
        if (!stored) {
            return stored.error();
        }
        Stored request = stored.value();
        const DeadlineRule rule = Deadlines::rule(request.regime, request.type);
        if (!rule.extension) {
            return makeError(
                ErrorCode::InvalidArgument,
                Tr::tr("request #%1: %2 allows no extension for this request").arg(requestId).arg(rule.sourceName()));
        }
        if (request.extendedDue.isValid()) {
            return makeError(ErrorCode::InvalidArgument, Tr::tr("request #%1 was already extended to %2")
                                                             .arg(requestId)
                                                             .arg(request.extendedDue.toString(Qt::ISODate)));
        }
        if (requesterNotified < request.received) {
            return makeError(ErrorCode::InvalidArgument, Tr::tr("requester notified: before the request was received"));
        }
        if (requesterNotified > request.due) {
            return makeError(ErrorCode::InvalidArgument,
                             Tr::tr("requester notified: after the original deadline %1; the law requires the notice "
                                    "within the first period")
                                 .arg(request.due.toString(Qt::ISODate)));
        }
        Result<QDate> extended =
            requeststeps::dueDate(tx, request.regime, request.type, request.received, request.pausedDays, true);
        if (!extended) {
            return extended.error();
        }
        QSqlQuery query(tx);
        if (Status status = sql::exec(
                query,
                QStringLiteral("UPDATE requests SET extended_due_date = ?, extension_reason = ?, "
                               "extension_notified_at = ? WHERE id = ?"),
                {extended->toString(Qt::ISODate), reason.trimmed(), requesterNotified.toString(Qt::ISODate), requestId},
                "recording the extension");
            !status) {
            return status;
        }
        request.extendedDue = extended.value();
        return requeststeps::change(
            tx, who, request, request.status, QStringLiteral("extended"),
            line(QT_TRANSLATE_NOOP("pd::RequestService", "Deadline extended to %1 (requester told on %2): %3"))
                .date(*extended)
                .date(requesterNotified)
                .arg(reason.trimmed()),
            "request.extend", QStringLiteral("due=%1").arg(extended->toString(Qt::ISODate)));
    });
}

Status RequestService::assign(Database &database, const Session &who, qint64 requestId, int expectedVersion,
                              qint64 operatorId)
{
    if (Status allowed = Permissions::check(who, Action::HandleRequests); !allowed) {
        return allowed;
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Stored> stored = requeststeps::loadForChange(tx, requestId, expectedVersion);
        if (!stored) {
            return stored.error();
        }
        QString name;
        if (operatorId != 0) {
            QSqlQuery query(tx);
            if (Status status =
                    sql::exec(query, QStringLiteral("SELECT name, role, active FROM operators WHERE id = ?"),
                              {operatorId}, "reading the operator");
                !status) {
                return status;
            }
            if (!query.next()) {
                return makeError(ErrorCode::NotFound, Tr::tr("assignee: there is no operator #%1").arg(operatorId));
            }
            name = query.value(0).toString();
            const std::optional<Role> role = parseRole(query.value(1).toString());
            if (!role || !Permissions::allows(*role, Action::HandleRequests) || query.value(2).toInt() == 0) {
                return makeError(
                    ErrorCode::InvalidArgument,
                    Tr::tr("assignee: %1 does not handle requests (only active officers and agents do)").arg(name));
            }
        }
        QSqlQuery query(tx);
        if (Status status = sql::exec(
                query, QStringLiteral("UPDATE requests SET assignee_id = ? WHERE id = ?"),
                {operatorId != 0 ? QVariant(operatorId) : QVariant(QMetaType::fromType<qlonglong>()), requestId},
                "assigning the request");
            !status) {
            return status;
        }
        Stored request = stored.value();
        return requeststeps::change(tx, who, request, request.status, QStringLiteral("assigned"),
                                    operatorId != 0
                                        ? line(QT_TRANSLATE_NOOP("pd::RequestService", "Assigned to %1")).arg(name)
                                        : line(QT_TRANSLATE_NOOP("pd::RequestService", "Unassigned")),
                                    "request.assign", QStringLiteral("assignee=%1").arg(name));
    });
}

Status RequestService::comment(Database &database, const Session &who, qint64 requestId, const QString &text)
{
    if (Status allowed = Permissions::check(who, Action::HandleRequests); !allowed) {
        return allowed;
    }
    if (text.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidArgument, Tr::tr("comment: empty"));
    }
    if (Status checked = FieldRules::checkText(QStringLiteral("comment"), text, FieldRules::Text::Multiline);
        !checked) {
        return checked;
    }
    return database.transaction([&](QSqlDatabase &tx) -> Status {
        Result<Stored> stored = requeststeps::load(tx, requestId);
        if (!stored) {
            return stored.error();
        }
        if (Status event = requeststeps::event(tx, who, stored.value(), QStringLiteral("comment"), QString(), QString(),
                                               EventMessage::plain(text.trimmed()));
            !event) {
            return event;
        }
        ChangeNotifier::notify(tx, QStringLiteral("requests"));
        // The comment's words stay in the request's timeline; the audit trail records only that one was made.
        return requeststeps::audit(tx, who, stored.value(), "request.comment", QString());
    });
}

} // namespace pd
