#include "app/requests/RequestRegister.h"

#include "app/access/AuditLog.h"
#include "app/domain/Permissions.h"
#include "app/domain/SearchKeys.h"
#include "app/requests/EventMessage.h"
#include "app/storage/Database.h"
#include "app/storage/Sql.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace {
/// Messages of this file, filed by lupdate under the context they are looked up in.
class Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::RequestRegister)
};
} // namespace

namespace pd {

namespace {

const char *const kOpen = "r.status NOT IN ('completed', 'refused', 'withdrawn')";
const char *const kDue = "COALESCE(r.extended_due_date, r.due_date)";

QString columns()
{
    return QStringLiteral(
        "r.id, r.subject_id, COALESCE(s.display_name, ''), r.type, r.regime, r.status, r.channel, r.received_at, "
        "r.due_date, r.extended_due_date, r.extension_reason, r.extension_notified_at, r.paused_since, r.paused_days, "
        "r.assignee_id, COALESCE(o.name, ''), r.requester_name, r.requester_address, r.requester_birth_date, "
        "r.requester_id_number, r.requester_email, r.requester_phone, r.what_asked, r.answer_form, r.language, "
        "r.representative_name, r.representative_authority, r.identity_method, r.identity_result, r.identity_note, "
        "COALESCE(io.name, ''), r.identity_checked_at, r.decision, r.refusal_ground, r.replied_at, r.reply_form, "
        "r.completed_at, r.duplicate_of, r.version, r.controller_id "
        "FROM requests r LEFT JOIN subjects s ON s.id = r.subject_id "
        "LEFT JOIN operators o ON o.id = r.assignee_id LEFT JOIN operators io ON io.id = r.identity_checked_by");
}

std::optional<qint64> idOf(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

RequestRecord readRecord(const QSqlQuery &query)
{
    RequestRecord r;
    int c = 0;
    const auto next = [&]() { return query.value(c++); };
    r.id = next().toLongLong();
    r.subjectId = idOf(next());
    r.subjectName = next().toString();
    r.type = parseRequestType(next().toString()).value_or(RequestType::Access);
    r.regime = parseRegime(next().toString()).value_or(Regime::By99z);
    r.status = parseRequestStatus(next().toString()).value_or(RequestStatus::New);
    r.channel = next().toString();
    const QVariant received = next();
    r.received = sql::date(received);
    r.receivedAt = sql::parseTimestamp(received.toString());
    r.due = sql::date(next());
    r.extendedDue = sql::date(next());
    r.extensionReason = next().toString();
    r.extensionNotified = sql::date(next());
    r.pausedSince = sql::date(next());
    r.pausedDays = next().toInt();
    r.assigneeId = idOf(next());
    r.assigneeName = next().toString();
    r.requesterName = next().toString();
    r.requesterAddress = next().toString();
    r.requesterBirthDate = sql::date(next());
    r.requesterIdNumber = next().toString();
    r.requesterEmail = next().toString();
    r.requesterPhone = next().toString();
    r.whatAsked = next().toString();
    r.answerForm = next().toString();
    r.language = next().toString();
    r.representativeName = next().toString();
    r.representativeDocument = next().toString();
    r.identityMethod = next().toString();
    r.identityResult = next().toString();
    r.identityNote = next().toString();
    r.identityCheckedBy = next().toString();
    r.identityCheckedAt = next().toString();
    r.decision = next().toString();
    r.refusalGround = next().toString();
    r.repliedAt = next().toString();
    r.replyForm = next().toString();
    r.completedAt = next().toString();
    r.duplicateOf = idOf(next());
    r.version = next().toInt();
    r.controllerId = idOf(next());
    return r;
}

} // namespace

QString RequestRegister::where(const RequestFilter &filter, QVariantList *values)
{
    QStringList conditions;
    const QDate today = filter.effectiveToday();
    if (filter.openOnly || filter.age) {
        conditions << QLatin1String(kOpen);
    }
    if (filter.status) {
        conditions << QStringLiteral("r.status = ?");
        *values << toString(*filter.status);
    }
    if (filter.type) {
        conditions << QStringLiteral("r.type = ?");
        *values << toString(*filter.type);
    }
    if (filter.regime) {
        conditions << QStringLiteral("r.regime = ?");
        *values << toString(*filter.regime);
    }
    if (filter.age) {
        const QString due = QLatin1String(kDue);
        switch (*filter.age) {
        case RequestAge::Overdue:
            conditions << due + QStringLiteral(" < ?");
            *values << today.toString(Qt::ISODate);
            break;
        case RequestAge::DueIn3:
            conditions << due + QStringLiteral(" >= ? AND ") + due + QStringLiteral(" <= ?");
            *values << today.toString(Qt::ISODate) << today.addDays(3).toString(Qt::ISODate);
            break;
        case RequestAge::DueIn7:
            conditions << due + QStringLiteral(" > ? AND ") + due + QStringLiteral(" <= ?");
            *values << today.addDays(3).toString(Qt::ISODate) << today.addDays(7).toString(Qt::ISODate);
            break;
        case RequestAge::Later:
            conditions << due + QStringLiteral(" > ?");
            *values << today.addDays(7).toString(Qt::ISODate);
            break;
        }
    }
    if (filter.assigneeId) {
        if (*filter.assigneeId == 0) {
            conditions << QStringLiteral("r.assignee_id IS NULL");
        } else {
            conditions << QStringLiteral("r.assignee_id = ?");
            *values << *filter.assigneeId;
        }
    }
    if (filter.subjectId) {
        conditions << QStringLiteral("r.subject_id = ?");
        *values << *filter.subjectId;
    }
    // Timestamps are ISO text: a day's whole range is [day, day + "U") since 'T' < 'U'.
    if (filter.receivedFrom.isValid()) {
        conditions << QStringLiteral("r.received_at >= ?");
        *values << filter.receivedFrom.toString(Qt::ISODate);
    }
    if (filter.receivedTo.isValid()) {
        conditions << QStringLiteral("r.received_at < ?");
        *values << filter.receivedTo.addDays(1).toString(Qt::ISODate);
    }
    if (filter.completedFrom.isValid() || filter.completedTo.isValid()) {
        conditions << QStringLiteral("r.status = 'completed'");
    }
    if (filter.completedFrom.isValid()) {
        conditions << QStringLiteral("r.completed_at >= ?");
        *values << filter.completedFrom.toString(Qt::ISODate);
    }
    if (filter.completedTo.isValid()) {
        conditions << QStringLiteral("r.completed_at < ?");
        *values << filter.completedTo.addDays(1).toString(Qt::ISODate);
    }
    const QString text = filter.text.trimmed();
    if (!text.isEmpty()) {
        QString number = text;
        if (number.startsWith(QLatin1Char('#'))) {
            number.remove(0, 1);
        }
        bool isNumber = false;
        const qint64 id = number.toLongLong(&isNumber);
        if (isNumber) {
            conditions << QStringLiteral("r.id = ?");
            *values << id;
        } else {
            // Each word must appear in the requester's name, in any order.
            for (const QString &word : searchkeys::name(text).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                QString escaped = word;
                escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
                    .replace(QLatin1Char('%'), QLatin1String("\\%"))
                    .replace(QLatin1Char('_'), QLatin1String("\\_"));
                conditions << QStringLiteral("r.requester_key LIKE ? ESCAPE '\\'");
                *values << QStringLiteral("%%1%").arg(escaped);
            }
        }
    }
    return conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QLatin1String(" AND "));
}

Result<qint64> RequestRegister::count(Database &database, const Session &who, const RequestFilter &filter)
{
    if (Status allowed = Permissions::check(who, Action::ViewPersonalData); !allowed) {
        return allowed.error();
    }
    QVariantList values;
    const QString statement = QStringLiteral("SELECT COUNT(*) FROM requests r") + where(filter, &values);
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    if (Status status = sql::exec(query, statement, values, "counting requests"); !status) {
        return status.error();
    }
    if (!query.next()) {
        return sql::queryError(query, "counting requests");
    }
    return query.value(0).toLongLong();
}

Result<QList<RequestRecord>> RequestRegister::page(Database &database, const Session &who, const RequestFilter &filter,
                                                   Sort sort, int offset, int limit)
{
    if (Status allowed = Permissions::check(who, Action::ViewPersonalData); !allowed) {
        return allowed.error();
    }
    QVariantList values;
    QString statement = QStringLiteral("SELECT ") + columns() + where(filter, &values);
    switch (sort) {
    case Sort::Due:
        // Open work first, by its deadline; closed requests after, newest first.
        statement += QStringLiteral(" ORDER BY CASE WHEN %1 THEN 0 ELSE 1 END, "
                                    "CASE WHEN %1 THEN %2 ELSE '' END, r.received_at DESC, r.id")
                         .arg(QLatin1String(kOpen), QLatin1String(kDue));
        break;
    case Sort::Received:
        statement += QStringLiteral(" ORDER BY r.received_at DESC, r.id DESC");
        break;
    case Sort::Id:
        statement += QStringLiteral(" ORDER BY r.id");
        break;
    }
    statement += QStringLiteral(" LIMIT ? OFFSET ?");
    values << limit << offset;
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (Status status = sql::exec(query, statement, values, "listing requests"); !status) {
        return status.error();
    }
    QList<RequestRecord> records;
    while (query.next()) {
        records.append(readRecord(query));
    }
    return records;
}

Result<RequestRecord> RequestRegister::get(Database &database, const Session &who, qint64 requestId)
{
    if (Status allowed = Permissions::check(who, Action::ViewPersonalData); !allowed) {
        return allowed.error();
    }
    RequestRecord record;
    Status status = database.transaction([&](QSqlDatabase &tx) -> Status {
        QSqlQuery query(tx);
        if (Status read = sql::exec(query, QStringLiteral("SELECT ") + columns() + QStringLiteral(" WHERE r.id = ?"),
                                    {requestId}, "reading the request");
            !read) {
            return read;
        }
        if (!query.next()) {
            return makeError(ErrorCode::NotFound, Tr::tr("there is no request #%1").arg(requestId));
        }
        record = readRecord(query);
        query.finish();
        AuditEntry viewed;
        viewed.action = QStringLiteral("request.view");
        viewed.objectType = QStringLiteral("request");
        viewed.objectId = QString::number(requestId);
        viewed.subjectId = record.subjectId;
        viewed.requestId = requestId;
        return AuditLog::append(tx, who, viewed);
    });
    if (!status) {
        return status.error();
    }
    return record;
}

Result<QList<RequestEvent>> RequestRegister::events(Database &database, const Session &who, qint64 requestId)
{
    if (Status allowed = Permissions::check(who, Action::ViewPersonalData); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    if (Status status =
            sql::exec(query,
                      QStringLiteral(
                          "SELECT e.id, e.at, COALESCE(o.name, ''), e.kind, "
                          "COALESCE(e.from_status, ''), COALESCE(e.to_status, ''), e.comment, "
                          "COALESCE(e.message, '') FROM request_events e LEFT JOIN operators o ON o.id = e.operator_id "
                          "WHERE e.request_id = ? ORDER BY e.at, e.id"),
                      {requestId}, "reading the request's timeline");
        !status) {
        return status.error();
    }
    QList<RequestEvent> events;
    while (query.next()) {
        events.append(RequestEvent{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                                   query.value(3).toString(), query.value(4).toString(), query.value(5).toString(),
                                   EventMessage::render(query.value(7).toString(), query.value(6).toString())});
    }
    return events;
}

Result<QList<RequestDocument>> RequestRegister::documents(Database &database, const Session &who, qint64 requestId)
{
    if (Status allowed = Permissions::check(who, Action::ViewPersonalData); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    if (Status status = sql::exec(query,
                                  QStringLiteral("SELECT id, kind, created_at, created_by, media_type, form, language, "
                                                 "LENGTH(content) FROM request_documents WHERE request_id = ? "
                                                 "ORDER BY id"),
                                  {requestId}, "listing the request's documents");
        !status) {
        return status.error();
    }
    QList<RequestDocument> documents;
    while (query.next()) {
        documents.append(RequestDocument{query.value(0).toLongLong(), query.value(1).toString(),
                                         query.value(2).toString(), query.value(3).toString(),
                                         query.value(4).toString(), query.value(5).toString(),
                                         query.value(6).toString(), query.value(7).toLongLong()});
    }
    return documents;
}

Result<QByteArray> RequestRegister::documentContent(Database &database, const Session &who, qint64 documentId)
{
    if (Status allowed = Permissions::check(who, Action::ViewPersonalData); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    Result<QVariant> content = sql::scalar(db, QStringLiteral("SELECT content FROM request_documents WHERE id = ?"),
                                           {documentId}, "reading the document");
    if (!content) {
        return content.error();
    }
    if (content.value().isNull()) {
        return makeError(ErrorCode::NotFound, Tr::tr("there is no document #%1").arg(documentId));
    }
    return content.value().toByteArray();
}

Result<QList<std::pair<qint64, QString>>> RequestRegister::assignees(Database &database, const Session &who)
{
    if (Status allowed = Permissions::check(who, Action::HandleRequests); !allowed) {
        return allowed.error();
    }
    QSqlDatabase db = database.connection();
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id, name, role FROM operators WHERE active = 1 ORDER BY name"))) {
        return sql::queryError(query, "listing operators");
    }
    QList<std::pair<qint64, QString>> result;
    while (query.next()) {
        const std::optional<Role> role = parseRole(query.value(2).toString());
        if (role && Permissions::allows(*role, Action::HandleRequests)) {
            result.append({query.value(0).toLongLong(), query.value(1).toString()});
        }
    }
    return result;
}

} // namespace pd
