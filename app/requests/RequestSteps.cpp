#include "app/requests/RequestSteps_p.h"

#include "app/access/AuditLog.h"
#include "app/domain/Deadlines.h"
#include "app/domain/Permissions.h"
#include "app/domain/SearchKeys.h"
#include "app/requests/CalendarService.h"
#include "app/storage/ChangeNotifier.h"
#include "app/storage/Sql.h"
#include "app/storage/SubjectIndex.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::RequestService)
};
} // namespace

namespace pd::requeststeps {

Result<Stored> load(QSqlDatabase &tx, qint64 requestId)
{
    QSqlQuery query(tx);
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT subject_id, type, regime, status, received_at, due_date, "
                                                 "extended_due_date, paused_since, paused_days, version, replied_at, "
                                                 "identity_result FROM requests WHERE id = ?") +
                                      sql::forUpdate(tx),
                                  {requestId}, "reading the request");
        !status) {
        return status.error();
    }
    if (!query.next()) {
        return makeError(ErrorCode::NotFound, Tr::tr("there is no request #%1").arg(requestId));
    }
    Stored stored;
    stored.id = requestId;
    if (!query.value(0).isNull()) {
        stored.subjectId = query.value(0).toLongLong();
    }
    stored.type = parseRequestType(query.value(1).toString()).value_or(RequestType::Access);
    stored.regime = parseRegime(query.value(2).toString()).value_or(Regime::By99z);
    stored.status = parseRequestStatus(query.value(3).toString()).value_or(RequestStatus::New);
    stored.received = sql::date(query.value(4));
    stored.due = sql::date(query.value(5));
    stored.extendedDue = sql::date(query.value(6));
    stored.pausedSince = sql::date(query.value(7));
    stored.pausedDays = query.value(8).toInt();
    stored.version = query.value(9).toInt();
    stored.replied = !query.value(10).isNull() && !query.value(10).toString().isEmpty();
    stored.identityConfirmed = query.value(11).toString() == QLatin1String("confirmed");
    return stored;
}

Result<Stored> loadForChange(QSqlDatabase &tx, qint64 requestId, int expectedVersion)
{
    Result<Stored> stored = load(tx, requestId);
    if (!stored) {
        return stored;
    }
    if (expectedVersion >= 0 && stored->version != expectedVersion) {
        return makeError(ErrorCode::Conflict,
                         Tr::tr("request #%1 was changed by someone else (version %2, you saw version %3); nothing "
                                "was saved: look at the request again and retry")
                             .arg(requestId)
                             .arg(stored->version)
                             .arg(expectedVersion));
    }
    if (!stored->isOpen()) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("request #%1 is %2: it changes no more").arg(requestId).arg(toString(stored->status)));
    }
    return stored;
}

Result<QDate> dueDate(QSqlDatabase &tx, Regime regime, RequestType type, const QDate &received, int pausedDays,
                      bool extended)
{
    // Periods run at most a few months, pauses rarely past a year: three years of holidays cover every case.
    Result<WorkingCalendar> calendar =
        CalendarService::calendar(tx, Deadlines::country(regime), received.year(), received.year() + 2);
    if (!calendar) {
        return calendar.error();
    }
    RequestClock clock;
    clock.received = received;
    clock.pausedDays = pausedDays;
    clock.extended = extended;
    return Deadlines::dueDate(regime, type, clock, calendar.value());
}

Status resumeClock(QSqlDatabase &tx, Stored &request, const QDate &day)
{
    const int pausedDays = request.pausedDays + int(request.pausedSince.daysTo(day));
    Result<QDate> due = dueDate(tx, request.regime, request.type, request.received, pausedDays, false);
    if (!due) {
        return due.error();
    }
    QDate extended;
    if (request.extendedDue.isValid()) {
        Result<QDate> later = dueDate(tx, request.regime, request.type, request.received, pausedDays, true);
        if (!later) {
            return later.error();
        }
        extended = later.value();
    }
    QSqlQuery query(tx);
    if (Status status = sql::exec(
            query,
            QStringLiteral("UPDATE requests SET paused_since = NULL, paused_days = ?, "
                           "due_date = ?, extended_due_date = ? WHERE id = ?"),
            {pausedDays, due->toString(Qt::ISODate),
             extended.isValid() ? QVariant(extended.toString(Qt::ISODate)) : QVariant(QMetaType::fromType<QString>()),
             request.id},
            "restarting the clock");
        !status) {
        return status;
    }
    request.pausedSince = QDate();
    request.pausedDays = pausedDays;
    request.due = due.value();
    request.extendedDue = extended;
    return {};
}

Status event(QSqlDatabase &tx, const Session &who, const Stored &request, const QString &kind,
             const QString &fromStatus, const QString &toStatus, const EventMessage &message)
{
    QSqlQuery query(tx);
    return sql::exec(query,
                     QStringLiteral("INSERT INTO request_events (request_id, at, operator_id, kind, from_status, "
                                    "to_status, comment, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                     {request.id, sql::nowTimestamp(),
                      who.isValid() ? QVariant(who.operatorId) : QVariant(QMetaType::fromType<qlonglong>()), kind,
                      fromStatus.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(fromStatus),
                      toStatus.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(toStatus),
                      sql::text(message.english()), message.toJson()},
                     "writing the request's timeline");
}

Status audit(QSqlDatabase &tx, const Session &who, const Stored &request, const char *action, const QString &details)
{
    AuditEntry entry;
    entry.action = QLatin1String(action);
    entry.objectType = QStringLiteral("request");
    entry.objectId = QString::number(request.id);
    entry.subjectId = request.subjectId;
    entry.requestId = request.id;
    entry.details = details;
    return AuditLog::append(tx, who, entry);
}

Status change(QSqlDatabase &tx, const Session &who, Stored &request, RequestStatus next, const QString &kind,
              const EventMessage &message, const char *action, const QString &details)
{
    const bool closing = !isOpen(next);
    const QString now = sql::nowTimestamp();
    QSqlQuery query(tx);
    if (Status status =
            sql::exec(query,
                      QStringLiteral("UPDATE requests SET status = ?, version = version + 1, updated_at = ?, "
                                     "completed_at = CASE WHEN ? = 1 THEN ? ELSE completed_at END "
                                     "WHERE id = ? AND version = ?"),
                      {toString(next), now, closing ? 1 : 0, now, request.id, request.version}, "updating the request");
        !status) {
        return status;
    }
    if (query.numRowsAffected() != 1) {
        return makeError(
            ErrorCode::Conflict,
            Tr::tr("request #%1 was changed by someone else meanwhile; nothing was saved").arg(request.id));
    }
    const QString from = toString(request.status);
    request.status = next;
    ++request.version;
    if (Status written = event(tx, who, request, kind, from == toString(next) ? QString() : from,
                               from == toString(next) ? QString() : toString(next), message);
        !written) {
        return written;
    }
    ChangeNotifier::notify(tx, QStringLiteral("requests"));
    return audit(tx, who, request, action,
                 from == toString(next)
                     ? details
                     : QStringLiteral("%1 -> %2%3")
                           .arg(from, toString(next), details.isEmpty() ? QString() : QLatin1Char(' ') + details));
}

Result<qint64> createSubject(QSqlDatabase &tx, const Session &who, const RequestIntake &intake)
{
    if (Status allowed = Permissions::check(who, Action::CorrectData); !allowed) {
        return allowed.error();
    }
    // The requester's data is kept for considering the appeal (its own purpose and retention) where the register
    // has such a purpose; otherwise under the own controller without a purpose.
    Result<QVariant> purpose = sql::scalar(
        tx, QStringLiteral("SELECT MIN(id) FROM purposes WHERE code = 'appeals' OR data_categories LIKE '%appeal%'"),
        {}, "finding the purpose for appeals");
    if (!purpose) {
        return purpose.error();
    }
    Result<QVariant> controller = sql::scalar(tx, QStringLiteral("SELECT MIN(id) FROM controllers WHERE kind = 'own'"),
                                              {}, "finding the own controller");
    if (!controller) {
        return controller.error();
    }
    if (controller.value().isNull()) {
        return makeError(ErrorCode::InvalidArgument,
                         Tr::tr("subject: the register has no own controller to keep a new subject under"));
    }
    const QString name = intake.requesterName.trimmed();
    const QString email = intake.requesterEmail.trimmed();
    const QString phone = intake.requesterPhone.trimmed();
    const QString now = sql::nowTimestamp();
    Result<QVariant> id = sql::scalar(
        tx,
        QStringLiteral("INSERT INTO subjects (controller_id, display_name, email, phone, name_key, email_key, "
                       "phone_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {controller.value(), name, sql::text(email), sql::text(phone), sql::text(searchkeys::nameSortKey(name)),
         sql::text(searchkeys::email(email)), sql::text(searchkeys::phone(phone)), now, now},
        "registering the subject");
    if (!id) {
        return id.error();
    }
    const qint64 subjectId = id.value().toLongLong();
    QSqlQuery query(tx);
    QStringList fields;
    for (const auto &[field, value] :
         {std::pair<const char *, QString>{"name", name}, {"email", email}, {"phone", phone}}) {
        if (value.isEmpty()) {
            continue;
        }
        fields.append(QLatin1String(field));
        if (Status status =
                sql::exec(query,
                          QStringLiteral("INSERT INTO pd_items (subject_id, purpose_id, category, field, "
                                         "value, source, collected_at) VALUES (?, ?, 'appeal', ?, ?, ?, ?)"),
                          {subjectId, purpose.value(), QLatin1String(field), value,
                           QStringLiteral("request intake (%1)").arg(intake.channel), now},
                          "storing the requester's data");
            !status) {
            return status.error();
        }
    }
    if (Status indexed = SubjectIndex::refresh(tx, subjectId); !indexed) {
        return indexed.error();
    }
    AuditEntry entry;
    entry.action = QStringLiteral("subject.create");
    entry.objectType = QStringLiteral("subject");
    entry.objectId = QString::number(subjectId);
    entry.subjectId = subjectId;
    entry.fields = fields;
    entry.details = QStringLiteral("from a request's intake");
    if (Status audited = AuditLog::append(tx, who, entry); !audited) {
        return audited.error();
    }
    ChangeNotifier::notify(tx, QStringLiteral("subjects"));
    return subjectId;
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

} // namespace pd::requeststeps
